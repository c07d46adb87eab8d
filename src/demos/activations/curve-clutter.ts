import type { Box } from './label-geometry.ts';

/** A curve as drawn: points in plot pixels. */
export type Polyline = readonly (readonly [number, number])[];

/** Side of the square cells the plot is divided into. */
const CELL = 4;

/**
 * How much of the drawn curves a box would cover: every curve marks the cells it passes through
 * (once per curve), and a summed-area table counts the marked cells under any box at once.
 */
export function curveClutter(curves: readonly Polyline[], area: { width: number; height: number }): (box: Box) => number {
  const columns = Math.ceil(area.width / CELL);
  const rows = Math.ceil(area.height / CELL);
  const counts = new Uint16Array(columns * rows);
  for (const curve of curves) {
    const marked = new Uint8Array(columns * rows);
    curve.forEach(([x, y], i) => {
      const [px, py] = curve[i - 1] ?? [x, y];
      // Half-cell steps along the segment, so that no cell it crosses is skipped.
      const steps = Math.max(1, Math.ceil((2 * Math.max(Math.abs(x - px), Math.abs(y - py))) / CELL));
      for (let s = 0; s <= steps; s++) {
        const column = Math.floor((px + ((x - px) * s) / steps) / CELL);
        const row = Math.floor((py + ((y - py) * s) / steps) / CELL);
        if (column >= 0 && column < columns && row >= 0 && row < rows) marked[row * columns + column] = 1;
      }
    });
    marked.forEach((m, i) => {
      counts[i] += m;
    });
  }
  // sums[(r) * (columns + 1) + c]: marked cells in rows < r and columns < c.
  const sums = new Float64Array((columns + 1) * (rows + 1));
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < columns; c++) {
      sums[(r + 1) * (columns + 1) + c + 1] =
        counts[r * columns + c] + sums[r * (columns + 1) + c + 1] + sums[(r + 1) * (columns + 1) + c] - sums[r * (columns + 1) + c];
    }
  }
  const clampColumn = (v: number) => Math.min(columns, Math.max(0, v));
  const clampRow = (v: number) => Math.min(rows, Math.max(0, v));
  return (box) => {
    const c0 = clampColumn(Math.floor(box.left / CELL));
    const c1 = clampColumn(Math.ceil(box.right / CELL));
    const r0 = clampRow(Math.floor(box.top / CELL));
    const r1 = clampRow(Math.ceil(box.bottom / CELL));
    return sums[r1 * (columns + 1) + c1] - sums[r0 * (columns + 1) + c1] - sums[r1 * (columns + 1) + c0] + sums[r0 * (columns + 1) + c0];
  };
}
