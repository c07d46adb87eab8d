/**
 * The backward pulse as a step count s = 0 … n. Step 0 holds only ∂Φ/∂y at the output;
 * step s has reached layer k = n − s + 1, and every layer from k to n is revealed.
 */
export function pulseLayer(depth: number, step: number): number | null {
  return step <= 0 ? null : depth - Math.min(step, depth) + 1;
}

export function isRevealed(depth: number, step: number, layer: number): boolean {
  return layer >= depth - step + 1;
}

/** The step at which the pulse reaches `layer` (tapping a bar jumps there). */
export function stepForLayer(depth: number, layer: number): number {
  return depth - layer + 1;
}

/**
 * Shows the per-layer marks (bars, dots; index k − 1 for layer k) the pulse has reached at `step`,
 * touching only the ones that change, so an animation frame costs no layout work.
 */
export function layerRevealer(marks: readonly Element[]): (step: number) => void {
  const depth = marks.length;
  const visible = new Array<boolean>(depth).fill(true);
  return (step) => {
    for (let k = 1; k <= depth; k++) {
      const revealed = isRevealed(depth, step, k);
      if (revealed !== visible[k - 1]) {
        visible[k - 1] = revealed;
        marks[k - 1].setAttribute('visibility', revealed ? 'visible' : 'hidden');
      }
    }
  };
}
