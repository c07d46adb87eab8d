/**
 * Side of the decision-boundary grid: as fine as 40 × 40 for small networks, coarser for big ones, so
 * one refresh costs about the same (≈ 8 million multiply-adds) whatever the depth and width.
 */
export const MAX_GRID = 40;
export const MIN_GRID = 12;
const GRID_BUDGET = 8e6;

export function boundaryGridSize(depth: number, width: number): number {
  const perPoint = 2 * width + depth * width * width + width;
  return Math.max(MIN_GRID, Math.min(MAX_GRID, Math.floor(Math.sqrt(GRID_BUDGET / perPoint))));
}
