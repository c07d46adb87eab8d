/**
 * What one training step costs with a core to itself, in ms, estimated from the steps of the
 * chunks before. A chunk's reading is the median of its steps' times, since another thread taking
 * the core now and then lengthens a few steps, not the middle one; but at least MIN_OF_AVERAGE of
 * their average, since a timer too coarse for tiny steps reads most of them as 0. The estimate is
 * the lowest reading of the last RECENT_CHUNKS chunks: in a chunk that shared its core for most
 * of its time (three runs and the page on two cores), even the median step is stretched, by up to
 * half, and a run that took that for its cost did a third fewer steps than its share allows.
 * Unknown (Infinity) before a first chunk.
 */
export interface StepCost {
  /** A step of the current chunk took `ms`. */
  add(ms: number): void;
  /** The chunk is over: its reading joins the recent ones the estimate is the lowest of. */
  endChunk(): void;
  readonly estimate: number;
  /** Forget everything (a new network). */
  reset(): void;
}

const MIN_OF_AVERAGE = 0.85;
/** Steps kept per chunk for the median; a chunk of more (tiny steps) is judged by its first ones. */
const KEPT_STEPS = 2048;
/** Chunks whose readings the estimate is the lowest of: about 0.6 s at half a core, so a cost that really rose is followed soon. */
export const RECENT_CHUNKS = 8;

export function createStepCost(): StepCost {
  const times = new Float64Array(KEPT_STEPS);
  const readings = new Float64Array(RECENT_CHUNKS).fill(Number.POSITIVE_INFINITY);
  let chunks = 0;
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
        readings[chunks++ % RECENT_CHUNKS] = Math.max(median, (MIN_OF_AVERAGE * total) / steps);
        estimate = Math.min(...readings);
      }
      count = total = steps = 0;
    },
    get estimate() {
      return estimate;
    },
    reset() {
      readings.fill(Number.POSITIVE_INFINITY);
      chunks = count = total = steps = 0;
      estimate = Number.POSITIVE_INFINITY;
    },
  };
}
