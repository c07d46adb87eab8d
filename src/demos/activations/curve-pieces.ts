/** A step this large between neighbouring samples (a share of the plot's height) is a jump, not a steep curve. */
const JUMP_SHARE = 0.25;

/** Index ranges between jumps, so that a step function (ReLU′ at 0) is drawn as separate pieces. */
export function curvePieces(values: ArrayLike<number>, domain: readonly [number, number]): [number, number][] {
  const jump = JUMP_SHARE * (domain[1] - domain[0]);
  const result: [number, number][] = [];
  let start = 0;
  for (let i = 1; i < values.length; i++) {
    if (Math.abs(values[i] - values[i - 1]) > jump) {
      result.push([start, i - 1]);
      start = i;
    }
  }
  result.push([start, values.length - 1]);
  return result;
}
