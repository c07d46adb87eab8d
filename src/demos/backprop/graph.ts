import { backward, type Tensor, topologicalOrder } from '../../autodiff/index.ts';

/** What kind of node a tensor is, for drawing: parameters are what the update step changes. */
export type NodeKind = 'parameter' | 'input' | 'const' | 'op';

export interface GraphNode {
  /** The tensor's label; a constant's is its value. */
  readonly label: string;
  /** The engine's op name ('mul', 'add', 'sub', 'pow'; 'input' or 'const' for leaves). */
  readonly op: string;
  readonly kind: NodeKind;
  readonly value: number;
  /** ∂Φ/∂(this node), from `backward(root)`. */
  readonly grad: number;
  /** Indices of the nodes this one was computed from, in the op's argument order. */
  readonly inputs: readonly number[];
}

export interface GraphEdge {
  readonly from: number;
  readonly to: number;
  /** ∂(to)/∂(from): what the op's own backward step passes back for an output gradient of 1. */
  readonly local: number;
}

/** The engine's graph as plain numbers: nodes in topological order (inputs first), root last. */
export interface ComputationGraph {
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
  readonly root: number;
}

function checkScalar(tensor: Tensor): void {
  if (tensor.size !== 1) throw new RangeError(`walkGraph draws scalar graphs; '${tensor.label}' has ${tensor.size} values`);
}

/**
 * Each edge's local derivative, by running one node's backward step alone with its
 * output gradient set to 1 (so the numbers on the edges are the engine's chain-rule code,
 * not a second copy of it). An input used twice by one op gets the sum on both edges.
 */
function localDerivatives(order: readonly Tensor[]): Map<Tensor, number[]> {
  const locals = new Map<Tensor, number[]>();
  for (const node of order) {
    if (node.backwardStep === null) continue;
    for (const other of order) other.grad[0] = 0;
    node.grad[0] = 1;
    node.backwardStep(node);
    locals.set(
      node,
      node.inputs.map((input) => input.grad[0]),
    );
  }
  return locals;
}

/**
 * Walks `root`'s `inputs` and `op` into nodes and edges, with every value and every
 * gradient ∂root/∂node computed by the engine. Leaves the tensors' `.grad` as `backward(root)` sets it.
 * `parameters` are the leaves to mark as trainable.
 */
export function walkGraph(root: Tensor, parameters: readonly Tensor[]): ComputationGraph {
  const order = topologicalOrder(root);
  order.forEach(checkScalar);
  const index = new Map(order.map((tensor, i) => [tensor, i] as const));
  const locals = localDerivatives(order);
  for (const tensor of order) tensor.grad[0] = 0;
  backward(root);

  const edges: GraphEdge[] = [];
  const nodes = order.map((tensor, to): GraphNode => {
    const local = locals.get(tensor) ?? [];
    tensor.inputs.forEach((input, slot) => {
      edges.push({ from: index.get(input)!, to, local: local[slot] });
    });
    const kind: NodeKind =
      tensor.op === 'const' ? 'const' : tensor.op !== 'input' ? 'op' : parameters.includes(tensor) ? 'parameter' : 'input';
    return {
      // A number lifted into the graph (the 5 of ax + 5) is named by its value.
      label: tensor.label || (tensor.op === 'const' ? String(tensor.data[0]) : ''),
      op: tensor.op,
      kind,
      value: tensor.data[0],
      grad: tensor.grad[0],
      inputs: tensor.inputs.map((input) => index.get(input)!),
    };
  });
  return { nodes, edges, root: index.get(root)! };
}

/** The nodes on some path from `start` to the root, with `start` (for highlighting a parameter's chain). */
export function pathToRoot(graph: ComputationGraph, start: number): Set<number> {
  const onPath = new Set<number>([start]);
  // Nodes are in topological order, so one forward sweep sees every input before its consumer.
  graph.nodes.forEach((node, i) => {
    if (node.inputs.some((input) => onPath.has(input))) onPath.add(i);
  });
  return onPath;
}
