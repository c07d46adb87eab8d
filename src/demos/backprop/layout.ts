import type { ComputationGraph } from './graph.ts';

/** Where a node sits: `column` 0 is the far left (inputs), the root is in the last column. */
export interface NodePlace {
  readonly column: number;
  readonly row: number;
}

export interface GraphLayout {
  readonly places: readonly NodePlace[];
  readonly columns: number;
  readonly rows: number;
}

/**
 * Lays the graph out left to right, the way the slides draw x → x₁ → y → Φ:
 * a node's column is set by its longest distance to the root (so every edge points right),
 * leaves take rows in depth-first order from the root, and an op sits at the mean row of its
 * inputs (a tidy tree, so a tree's edges never cross).
 */
export function layoutGraph(graph: ComputationGraph): GraphLayout {
  const n = graph.nodes.length;
  const distance = new Array<number>(n).fill(0);
  for (let i = n - 1; i >= 0; i--) {
    for (const input of graph.nodes[i].inputs) distance[input] = Math.max(distance[input], distance[i] + 1);
  }
  const deepest = Math.max(...distance);

  const row = new Array<number>(n).fill(Number.NaN);
  let nextLeafRow = 0;
  const place = (i: number): number => {
    if (!Number.isNaN(row[i])) return row[i];
    const inputs = graph.nodes[i].inputs;
    row[i] = inputs.length === 0 ? nextLeafRow++ : inputs.map(place).reduce((s, r) => s + r, 0) / inputs.length;
    return row[i];
  };
  place(graph.root);

  return {
    places: distance.map((d, i) => ({ column: deepest - d, row: row[i] })),
    columns: deepest + 1,
    rows: nextLeafRow,
  };
}
