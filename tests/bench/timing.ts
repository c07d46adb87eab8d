/**
 * Wall-clock timing for the benchmark. Every task is warmed up first (so the JIT has compiled
 * its hot code); then the tasks' timed runs are interleaved (A, B, C, A, B, C, …), so a burst of
 * load on this shared machine slows every engine alike instead of one of them, and each task
 * reports the median of its runs.
 */
export interface TimedTask<Name extends string> {
  readonly name: Name;
  readonly run: () => void;
  readonly warmUp: () => void;
  readonly runs: number;
}

export function medianSecondsInterleaved<Name extends string>(tasks: readonly TimedTask<Name>[]): Map<Name, number> {
  for (const task of tasks) task.warmUp();
  const seconds = new Map<Name, number[]>(tasks.map((task) => [task.name, []]));
  const rounds = Math.max(...tasks.map((task) => task.runs));
  for (let round = 0; round < rounds; round++) {
    for (const task of tasks) {
      if (round >= task.runs) continue;
      const start = performance.now();
      task.run();
      seconds.get(task.name)!.push((performance.now() - start) / 1000);
    }
  }
  return new Map(tasks.map((task) => [task.name, median(seconds.get(task.name)!)]));
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
