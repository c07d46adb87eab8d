/**
 * A run's past reports, kept to at most `capacity` entries however long it trains: when full, every
 * other entry is dropped and only every second report is kept from then on (so 10 minutes of training
 * costs the same memory as 10 seconds, and the curves still span the whole run).
 */
export interface HistoryEntry {
  readonly step: number;
  readonly loss: number;
  readonly accuracy: number;
  readonly gradNorms: Float64Array;
}

export interface History {
  add(entry: HistoryEntry): void;
  clear(): void;
  readonly entries: readonly HistoryEntry[];
}

export function createHistory(capacity: number): History {
  let entries: HistoryEntry[] = [];
  let stride = 1;
  let skipped = 0;
  return {
    add(entry) {
      if (++skipped < stride) return;
      skipped = 0;
      entries.push(entry);
      if (entries.length >= capacity) {
        entries = entries.filter((_, i) => i % 2 === 1);
        stride *= 2;
      }
    },
    clear() {
      entries = [];
      stride = 1;
      skipped = 0;
    },
    get entries() {
      return entries;
    },
  };
}
