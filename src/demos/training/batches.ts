import { createRandom } from '../../nn/random.ts';

/**
 * Which samples each step trains on. Full batch: all of them, every step. Smaller batches walk
 * through a seeded shuffle of the data (a new shuffle each epoch), so a seed names the whole run.
 */
export interface BatchSchedule {
  /** Indices for the next step; the same array object when the batch is the whole data set. */
  next(): Int32Array;
  readonly full: boolean;
}

export function batchSchedule(count: number, batchSize: number, seed: number): BatchSchedule {
  const size = Math.min(batchSize, count);
  const all = Int32Array.from({ length: count }, (_, i) => i);
  if (size === count) return { next: () => all, full: true };
  const random = createRandom(seed ^ 0x5eed);
  const order = all.slice();
  let cursor = count;
  const shuffle = () => {
    // Fisher–Yates with the seeded generator.
    for (let i = count - 1; i > 0; i--) {
      const j = Math.floor(random.next() * (i + 1));
      const t = order[i];
      order[i] = order[j];
      order[j] = t;
    }
    cursor = 0;
  };
  return {
    full: false,
    next() {
      if (cursor + size > count) shuffle();
      const picked = order.subarray(cursor, cursor + size);
      cursor += size;
      return picked;
    },
  };
}
