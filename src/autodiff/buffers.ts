/*
 * Where ops get the arrays for their values and gradients. Normally every array is new.
 *
 * A training step builds the same graph every time (same layers, same batch size), so the arrays
 * of one step could serve the next. Inside `reusingBuffers(pool, compute)` the pool hands out, in
 * order, the arrays it handed out the last time (zero-filled), and creates one only when there is
 * none of that length at that position. After the first step a step allocates nothing, which
 * matters in a browser: there a 32 KB Float64Array costs a hundred microseconds or more to create
 * and collect, more than the arithmetic done with it.
 *
 * The price: a tensor made inside `reusingBuffers(pool, …)` is only valid until the next call
 * with the same pool, which overwrites its arrays. Read what you need from it before then.
 */

/** A pool's arrays and how far the current use has got. Module-private: a BufferPool shows only `created`. */
class PoolState {
  readonly buffers: Float64Array[] = [];
  cursor = 0;
  active = false;
  created = 0;

  /** The next array, zero-filled, as the ops expect of a new one (gradients are accumulated with +=). */
  take(length: number): Float64Array {
    const index = this.cursor++;
    const reused = this.buffers[index];
    if (reused !== undefined && reused.length === length) return reused.fill(0);
    const fresh = new Float64Array(length);
    this.buffers[index] = fresh;
    this.created++;
    return fresh;
  }
}

/** The state behind `pool`; assigned in BufferPool's static block, the only code that can reach it. */
let stateOf: (pool: BufferPool) => PoolState;

/** Arrays handed out in order and handed out again, in the same order, on the next use. */
export class BufferPool {
  readonly #state = new PoolState();

  /** How many arrays this pool has ever created (the rest were reused). */
  get created(): number {
    return this.#state.created;
  }

  static {
    stateOf = (pool) => pool.#state;
  }
}

let current: PoolState | null = null;

/** A zero-filled array of `length` for an op's value or gradient: new, or the pool's next one. */
export function allocate(length: number): Float64Array {
  return current === null ? new Float64Array(length) : current.take(length);
}

/** A one-element array holding `value` (a scalar op's result). */
export function allocateScalar(value: number): Float64Array {
  const data = allocate(1);
  data[0] = value;
  return data;
}

/**
 * Runs `compute` with every op's arrays taken from `pool`; restores the previous pool even if it throws.
 * Leaves (`tensor`, `scalar`, `zeros`) are never pooled: parameters must outlive the step.
 */
export function reusingBuffers<T>(pool: BufferPool, compute: () => T): T {
  const state = stateOf(pool);
  if (state.active) throw new Error('reusingBuffers: this pool is already in use (nested call with the same pool)');
  state.active = true;
  state.cursor = 0; // this use starts again from the first array
  const previous = current;
  current = state;
  try {
    return compute();
  } finally {
    current = previous;
    state.active = false;
  }
}
