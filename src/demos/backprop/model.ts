import type { StateOf } from '../../ui/url-state/index.ts';
import { buildExpression, type ParameterName, phiAt, type WorkedInputs } from './expression.ts';
import { centralDifference } from './finite-difference.ts';
import { type ComputationGraph, walkGraph } from './graph.ts';
import { descend, type IterationRecord, updateParameter } from './iterations.ts';
import { type GraphLayout, layoutGraph } from './layout.ts';
import { type Reveal, revealAt } from './reveal.ts';
import { type BackpropSchema, MAX_ITERATIONS } from './schema.ts';

export type BackpropState = StateOf<BackpropSchema>;

/** Everything the view draws, for one URL state; every value and gradient comes from the engine. */
export interface BackpropModel {
  /** Updates applied: the URL's `iter`, or the last one before the run diverges when that comes first. */
  readonly iteration: number;
  /** The update that diverges when it is the next one (this state is the run's last sensible one); else null. */
  readonly divergesAt: number | null;
  /** Whether another update may be applied: not past MAX_ITERATIONS, not into divergence. */
  readonly canIterate: boolean;
  /** x, t and the parameters after `iteration` updates. */
  readonly inputs: WorkedInputs;
  readonly graph: ComputationGraph;
  readonly layout: GraphLayout;
  readonly reveal: Reveal;
  /** Node indices by the labels the expression gives them. */
  readonly node: Readonly<Record<'x' | 't' | 'a' | 'b' | 'x1' | 'y', number>>;
  /** ∂Φ/∂a and ∂Φ/∂b by backward(). */
  readonly gradient: Readonly<Record<ParameterName, number>>;
  /** The same slopes from the forward function alone (central differences). */
  readonly finiteDifference: Readonly<Record<ParameterName, number>>;
  /** a_new = a − α_a ∂Φ/∂a, b_new = b − α_b ∂Φ/∂b. */
  readonly updated: Readonly<Record<ParameterName, number>>;
  /** Φ after 0…iteration updates, every value finite. */
  readonly history: readonly IterationRecord[];
  /** True when the latest update made Φ grow: a sign the learning rate is too large. */
  readonly phiIncreased: boolean;
}

const LABELS = { x: 'x', t: 't', a: 'a', b: 'b', x1: 'x₁', y: 'y' } as const;

function indexByLabel(graph: ComputationGraph, label: string): number {
  const i = graph.nodes.findIndex((node) => node.label === label);
  if (i < 0) throw new Error(`no node labelled ${label}`);
  return i;
}

/** The run of the URL's inputs and rates, up to `iterations` updates or its last sensible one. */
function runOf(state: BackpropState, iterations: number) {
  const start: WorkedInputs = { x: state.x, t: state.t, a: state.a, b: state.b };
  return { start, ...descend(start, { a: state.alphaA, b: state.alphaB }, iterations) };
}

/** How many updates `wanted` becomes for this state: fewer when the run diverges first (for the +10 button). */
export function reachableIteration(state: BackpropState, wanted: number): number {
  return runOf(state, Math.min(wanted, MAX_ITERATIONS)).records.length - 1;
}

export function backpropModel(state: BackpropState): BackpropModel {
  const { start, records: history, divergesAt } = runOf(state, state.iter);
  const iteration = history.length - 1;
  const now = history[iteration];
  const inputs: WorkedInputs = { ...start, a: now.a, b: now.b };

  const expression = buildExpression(inputs);
  const graph = walkGraph(expression.phi, [expression.a, expression.b]);
  const node = Object.fromEntries(Object.entries(LABELS).map(([key, label]) => [key, indexByLabel(graph, label)])) as Record<
    keyof typeof LABELS,
    number
  >;
  const gradient = { a: graph.nodes[node.a].grad, b: graph.nodes[node.b].grad };

  const last = history.length > 1 ? history[history.length - 2].phi : Number.NaN;
  return {
    iteration,
    divergesAt,
    canIterate: divergesAt === null && iteration < MAX_ITERATIONS,
    inputs,
    graph,
    layout: layoutGraph(graph),
    reveal: revealAt(graph, state.step),
    node,
    gradient,
    finiteDifference: {
      a: centralDifference((a) => phiAt({ ...inputs, a }), inputs.a),
      b: centralDifference((b) => phiAt({ ...inputs, b }), inputs.b),
    },
    updated: {
      a: updateParameter(inputs.a, state.alphaA, gradient.a),
      b: updateParameter(inputs.b, state.alphaB, gradient.b),
    },
    history,
    phiIncreased: now.phi > last,
  };
}
