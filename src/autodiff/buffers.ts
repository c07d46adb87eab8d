import type { Tensor } from './tensor.ts';

/*
 * Where ops get their nodes, with the arrays for their values and gradients. Normally all are new.
 *
 * A training step builds the same graph every time (same layers, same batch size), so the nodes
 * of one step could serve the next. Inside `reusingBuffers(pool, compute)` the pool hands out, in
 * order, the nodes ops made the last time, and ops refill them (tensor.ts), keeping their arrays
 * when those have the length needed (a gradient zero-filled again), else making new ones. After
 * the first step a step allocates nothing, which matters in a browser: there a 32 KB Float64Array
 * costs a hundred microseconds or more to create and collect, more than the arithmetic done with
 * it; and for a scalar graph rebuilt every step, making its nodes is most of the work.
 *
 * The price: a tensor made inside `reusingBuffers(pool, …)` is only valid until the next call
 * with the same pool, which overwrites its arrays and refills the node itself. Read what you need
 * from it before then.
 */

/** Arrays up to this length are zeroed by a plain loop (see `zeroFill`). */
const SHORT_ARRAY = 16;

/**
 * Sets every element to 0: a scalar's one element first (most nodes of a graph of scalars), then by
 * a loop for short arrays, where calling fill costs more than the zeroing.
 */
export function zeroFill(array: Float64Array): Float64Array {
  if (array.length === 1) array[0] = 0;
  else if (array.length > SHORT_ARRAY) array.fill(0);
  else for (let i = 0; i < array.length; i++) array[i] = 0;
  return array;
}

/**
 * Every node made gets the next serial number (see Tensor.serial), so an input always has a smaller
 * one than the nodes made from it.
 */
const serials = { last: 0 };

export function nextSerial(): number {
  return ++serials.last;
}

/**
 * A pool's nodes, and how far the current use has got. Module-private: a BufferPool shows only its counters.
 *
 * The nodes of one use, in the order they were made, are also a tape: inputs come before the values made
 * from them, so `backward` can walk the tape backwards instead of sorting the graph. Every node made
 * during the use is on it, unless another pool's use was nested in this one: then `tapeIntact` turns
 * false for the rest of the use. (Values made before the use began are not on it; backward.ts sees to those.)
 */
class PoolState {
  readonly nodes: Tensor[] = [];
  nodeCursor = 0;
  active = false;
  created = 0;
  createdNodes = 0;
  /** The serial number of this use's first node: every node on the tape has this one or a later one. */
  tapeStart = 0;
  tapeIntact = true;
}

/** The state behind `pool`; assigned in BufferPool's static block, the only code that can reach it. */
let stateOf: (pool: BufferPool) => PoolState;

/** Nodes, with their arrays, handed out in order and handed out again, in the same order, on the next use. */
export class BufferPool {
  readonly #state = new PoolState();

  /** How many arrays this pool has ever created (the rest were reused). */
  get created(): number {
    return this.#state.created;
  }

  /** How many nodes ops have ever created in this pool (the rest were refilled). */
  get createdNodes(): number {
    return this.#state.createdNodes;
  }

  static {
    stateOf = (pool) => pool.#state;
  }
}

let current: PoolState | null = null;

/** A new array for a node's value or gradient (one a pool could not reuse counts in its `created`). */
export function newArray(length: number): Float64Array {
  if (current !== null) current.created++;
  return new Float64Array(length);
}

/** The node the current pool kept at the next position, to be refilled; undefined without a pool or when it has none there yet. */
export function reusableNode(): Tensor | undefined {
  return current === null ? undefined : current.nodes[current.nodeCursor++];
}

/** Keeps a node just created at the position `reusableNode` found empty (without a pool, nothing to keep). */
export function keepNode(node: Tensor): Tensor {
  if (current !== null) {
    current.nodes[current.nodeCursor - 1] = node;
    current.createdNodes++;
  }
  return node;
}

/**
 * Where `root` is on the current pool's tape, searched from the end; −1 when it is not there: no pool
 * in use, a tape that a nested use broke, a root made before the use, or a leaf made during it.
 */
export function tapePosition(root: Tensor): number {
  if (current === null || !current.tapeIntact || root.serial < current.tapeStart) return -1;
  for (let i = current.nodeCursor - 1; i >= 0; i--) if (current.nodes[i] === root) return i;
  return -1;
}

/** The current pool's nodes in the order they were made, once `tapePosition` has found a root on them. */
export function tapeNodes(): readonly Tensor[] {
  return current === null ? [] : current.nodes;
}

/** The serial number of the current tape's first node (every node made before it is off the tape). */
export function tapeStart(): number {
  return current === null ? Number.POSITIVE_INFINITY : current.tapeStart;
}

/**
 * Runs `compute` with every op's nodes and arrays taken from `pool`; restores the previous pool even if it throws.
 * Leaves (`tensor`, `scalar`, `zeros`) are never pooled: parameters must outlive the step.
 */
export function reusingBuffers<T>(pool: BufferPool, compute: () => T): T {
  const state = stateOf(pool);
  if (state.active) throw new Error('reusingBuffers: this pool is already in use (nested call with the same pool)');
  state.active = true;
  state.nodeCursor = 0; // this use starts again from the first node
  state.tapeStart = serials.last + 1;
  state.tapeIntact = true;
  const previous = current;
  // The outer use's tape would miss the nodes made here, in another pool.
  if (previous !== null) previous.tapeIntact = false;
  current = state;
  try {
    return compute();
  } finally {
    current = previous;
    state.active = false;
  }
}
