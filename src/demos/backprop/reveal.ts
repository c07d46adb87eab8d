import type { ComputationGraph } from './graph.ts';

/**
 * What the graph shows after `step` clicks: first the forward pass fills in the ops'
 * values one by one (inputs first), then the backward pass visits the ops from Φ back
 * to the leaves (each visit shows the local derivatives on its incoming edges and the
 * gradients its inputs now have), and a last step applies the update.
 */
export type Phase = 'graph' | 'forward' | 'backward' | 'update';

export interface Reveal {
  readonly phase: Phase;
  readonly valueShown: readonly boolean[];
  readonly gradShown: readonly boolean[];
  readonly localShown: readonly boolean[];
  /** The node computed (forward) or visited (backward) by the latest step. */
  readonly current: number | null;
}

/** The op nodes in the order the forward pass computes them. */
export function forwardOrder(graph: ComputationGraph): number[] {
  return graph.nodes.flatMap((node, i) => (node.kind === 'op' ? [i] : []));
}

/** Steps from the bare graph to the update: one per op forward, one per op backward, one update. */
export function stepCount(graph: ComputationGraph): number {
  return 2 * forwardOrder(graph).length + 1;
}

export function revealAt(graph: ComputationGraph, step: number): Reveal {
  const ops = forwardOrder(graph);
  const s = Math.max(0, Math.min(step, stepCount(graph)));
  const computed = new Set(ops.slice(0, s));
  const visited = new Set([...ops].reverse().slice(0, Math.max(0, s - ops.length)));
  const backwardStarted = s > ops.length;
  const consumers = graph.nodes.map(() => [] as number[]);
  graph.edges.forEach((edge) => {
    consumers[edge.from].push(edge.to);
  });

  const phase: Phase = s === 0 ? 'graph' : s <= ops.length ? 'forward' : s <= 2 * ops.length ? 'backward' : 'update';
  const current = phase === 'forward' ? ops[s - 1] : phase === 'backward' ? ops[2 * ops.length - s] : null;
  return {
    phase,
    valueShown: graph.nodes.map((node, i) => node.kind !== 'op' || computed.has(i)),
    gradShown: graph.nodes.map((_, i) =>
      i === graph.root ? backwardStarted : consumers[i].length > 0 && consumers[i].every((c) => visited.has(c)),
    ),
    localShown: graph.edges.map((edge) => visited.has(edge.to)),
    current,
  };
}
