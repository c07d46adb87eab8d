/**
 * What one training step costs with a core to itself, in ms, estimated from the steps of the
 * chunks before: the median of their times, since another thread taking the core now and then
 * lengthens a few steps, not the middle one; but at least MIN_OF_AVERAGE of their average, since
 * a timer too coarse for tiny steps reads most of them as 0. Unknown (Infinity) before a first chunk.
 */
export interface StepCost {
  /** A step of the current chunk took `ms`. */
  add(ms: number): void;
  /** The chunk is over: its steps become the estimate. */
  endChunk(): void;
  readonly estimate: number;
  /** Forget everything (a new network). */
  reset(): void;
}

const MIN_OF_AVERAGE = 0.85;
/** Steps kept per chunk for the median; a chunk of more (tiny steps) is judged by its first ones. */
const KEPT_STEPS = 2048;

export function createStepCost(): StepCost {
  const times = new Float64Array(KEPT_STEPS);
  let count = 0;
  let total = 0;
  let steps = 0;
  let estimate = Number.POSITIVE_INFINITY;
  return {
    add(ms) {
      if (count < KEPT_STEPS) times[count++] = ms;
      total += ms;
      steps++;
    },
    endChunk() {
      if (steps > 0) {
        const kept = times.subarray(0, count).sort();
        const median = kept[count >> 1];
        estimate = Math.max(median, (MIN_OF_AVERAGE * total) / steps);
      }
      count = total = steps = 0;
    },
    get estimate() {
      return estimate;
    },
    reset() {
      count = total = steps = 0;
      estimate = Number.POSITIVE_INFINITY;
    },
  };
}
