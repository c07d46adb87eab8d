import type { ComputationGraph, GraphNode } from './graph.ts';

/** Where a node sits among the others; `placeGraph` turns these ranks into boxes. */
export interface NodePlace {
  /** Rank along the flow: 0 holds the first inputs (far left, or top), the root is in the last. */
  readonly column: number;
  /** Drawn left to right: leaves in depth-first order from the root, an op at its inputs' mean row. */
  readonly row: number;
  /** Drawn top to bottom: 0 for the longest chain down from the root, then 1, 2, … within a column. */
  readonly lane: number;
}

export interface GraphLayout {
  readonly places: readonly NodePlace[];
  readonly columns: number;
  readonly rows: number;
  readonly lanes: number;
}

/** The nodes of a longest chain from the root down to a leaf (each step to the input with the longest chain below it). */
function longestChain(graph: ComputationGraph): Set<number> {
  const height = new Array<number>(graph.nodes.length).fill(0);
  graph.nodes.forEach((node, i) => {
    for (const input of node.inputs) height[i] = Math.max(height[i], height[input] + 1);
  });
  const chain = new Set<number>();
  for (let i: number | undefined = graph.root; i !== undefined; ) {
    chain.add(i);
    i = graph.nodes[i].inputs.reduce<number | undefined>(
      (best, j) => (best === undefined || height[j] > height[best] ? j : best),
      undefined,
    );
  }
  return chain;
}

/**
 * Ranks the graph the way the slides draw x → x₁ → y → Φ:
 * a node's column is set by its longest distance to the root (so every edge points forward),
 * leaves take rows in depth-first order from the root, and an op sits at the mean row of its
 * inputs (a tidy tree, so a tree's edges never cross). For the narrow top-to-bottom drawing the
 * longest chain gets lane 0 and every other node the next free lane of its column.
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

  const chain = longestChain(graph);
  const taken = new Array<number>(deepest + 1).fill(1);
  const lane = distance.map((d, i) => (chain.has(i) ? 0 : taken[deepest - d]++));

  return {
    places: distance.map((d, i) => ({ column: deepest - d, row: row[i], lane: lane[i] })),
    columns: deepest + 1,
    rows: nextLeafRow,
    lanes: Math.max(...taken),
  };
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** A node's box: centre and size, in the drawing's units. */
export interface Box extends Point {
  readonly w: number;
  readonly h: number;
}

/** An edge's line, from the input's box to the op badge of the node it feeds, with its label's centre. */
export interface EdgeLine {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
  readonly label: Point;
}

/** `across`: left to right, a wide drawing scaled to fit; `down`: top to bottom, drawn 1:1 at the width it is given. */
export type Flow = 'across' | 'down';

export interface GraphPlacement {
  readonly flow: Flow;
  /** The viewBox. */
  readonly width: number;
  readonly height: number;
  readonly boxes: readonly Box[];
  /** Centre of each op's badge (its operator symbol); null for leaves. */
  readonly badges: readonly (Point | null)[];
  readonly edges: readonly EdgeLine[];
  /** Where the legend's lines start, in the drawing's free lower-left corner; empty when the page shows it below. */
  readonly legend: readonly Point[];
}

/** Sizes the view draws with; the placement leaves room for them. */
export const OP_RADIUS = 13;
export const EDGE_LABEL = { maxWidth: 58, height: 26 } as const;
const PAD = 10;
const CONST_BOX = { w: 40, h: 36 } as const;
const BOX_H = 50;

/** The left-to-right drawing: its viewBox width, scaled to the space it gets. */
const ACROSS = { width: 960, boxW: 96, rowGap: 6, legendLine: 22 } as const;
/**
 * Narrower than this, the left-to-right drawing would shrink its 16 px labels below 12 px
 * (720/960 = 0.75), so the graph turns to run top to bottom instead.
 */
export const ACROSS_MIN_WIDTH = 720;
/** The top-to-bottom drawing: wider boxes (the badge sits above, not inside), lanes at most `maxSpan` apart. */
const DOWN = { minWidth: 280, maxSpan: 460, boxW: 120, edgeRun: 44 } as const;

function boxSize(node: GraphNode, boxW: number): { w: number; h: number } {
  return node.kind === 'const' ? CONST_BOX : { w: boxW, h: BOX_H };
}

function placeAcross(graph: ComputationGraph, layout: GraphLayout): GraphPlacement {
  const { width, boxW, rowGap, legendLine } = ACROSS;
  const colStep = (width - 2 * PAD - boxW) / Math.max(1, layout.columns - 1);
  const size = graph.nodes.map((node) => boxSize(node, boxW));
  // Leaves stacked by row, small constants taking less height; ops at their inputs' mean.
  const leaves = graph.nodes
    .map((_, i) => i)
    .filter((i) => graph.nodes[i].inputs.length === 0)
    .sort((p, q) => layout.places[p].row - layout.places[q].row);
  const y = new Array<number>(graph.nodes.length).fill(0);
  let bottom = PAD - rowGap;
  for (const i of leaves) {
    y[i] = bottom + rowGap + size[i].h / 2;
    bottom = y[i] + size[i].h / 2;
  }
  // Topological order: every input's centre is known before its consumer's.
  graph.nodes.forEach((node, i) => {
    if (node.inputs.length > 0) y[i] = node.inputs.reduce((s, j) => s + y[j], 0) / node.inputs.length;
  });
  const height = bottom + PAD;
  const boxes = graph.nodes.map((_, i) => ({ x: PAD + boxW / 2 + layout.places[i].column * colStep, y: y[i], ...size[i] }));
  // The badge sits on the box's left edge, where the edges come in.
  const badges = boxes.map((box, i) => (graph.nodes[i].inputs.length > 0 ? { x: box.x - box.w / 2, y: box.y } : null));
  const edges = graph.edges.map((edge) => {
    const from = boxes[edge.from];
    const badge = badges[edge.to]!;
    return line(from.x + from.w / 2, from.y, badge.x - OP_RADIUS, badge.y);
  });
  const legend = [0, 1].map((k) => ({ x: PAD, y: height - PAD - 6 - legendLine * (1 - k) }));
  return { flow: 'across', width, height, boxes, badges, edges, legend };
}

function placeDown(graph: ComputationGraph, layout: GraphLayout, available: number): GraphPlacement {
  const { boxW, edgeRun } = DOWN;
  const width = Math.max(DOWN.minWidth, available);
  const span = Math.min(width - 2 * PAD, DOWN.maxSpan);
  const firstLane = (width - span + boxW) / 2;
  const laneStep = layout.lanes > 1 ? (span - boxW) / (layout.lanes - 1) : 0;
  // Each column: its boxes, then the next column's badges above their boxes, with an edge run between.
  const columnStep = BOX_H + edgeRun + 2 * OP_RADIUS;
  const boxes = graph.nodes.map((node, i) => {
    const { column, lane } = layout.places[i];
    return { x: firstLane + lane * laneStep, y: PAD + BOX_H / 2 + column * columnStep, ...boxSize(node, boxW) };
  });
  const badges = boxes.map((box, i) => (graph.nodes[i].inputs.length > 0 ? { x: box.x, y: box.y - box.h / 2 - OP_RADIUS } : null));
  const edges = graph.edges.map((edge) => {
    const from = boxes[edge.from];
    const badge = badges[edge.to]!;
    return line(from.x, from.y + from.h / 2, badge.x, badge.y - OP_RADIUS);
  });
  const height = 2 * PAD + BOX_H + (layout.columns - 1) * columnStep;
  return { flow: 'down', width, height, boxes, badges, edges, legend: [] };
}

function line(x1: number, y1: number, x2: number, y2: number): EdgeLine {
  return { x1, y1, x2, y2, label: { x: (x1 + x2) / 2, y: (y1 + y2) / 2 } };
}

/**
 * Boxes, badges and edges for a drawing `available` CSS pixels wide: left to right where the
 * labels stay readable once scaled, otherwise top to bottom at exactly that width.
 */
export function placeGraph(graph: ComputationGraph, layout: GraphLayout, available: number): GraphPlacement {
  return available >= ACROSS_MIN_WIDTH ? placeAcross(graph, layout) : placeDown(graph, layout, available);
}
