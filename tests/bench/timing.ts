/**
 * Timing for the benchmark. Every task is warmed up first (so the JIT has compiled its hot code);
 * then the tasks' timed runs are interleaved (A, B, C, A, B, C, …), so a burst of load on this
 * shared machine slows every engine alike instead of one of them. Each run is timed where it runs
 * (an engine's own thread, isolated.ts), in wall-clock time and in the process's CPU time (user +
 * system, all threads, so garbage-collector threads count too; the other threads wait meanwhile).
 * Each task reports the median of its runs. On a busy machine the wall clock also counts time
 * spent waiting for a core; CPU time does not, which makes it the steadier of the two.
 */
export interface MedianSeconds {
  readonly wall: number;
  readonly cpu: number;
}

export interface TimedTask<Name extends string> {
  readonly name: Name;
  /** One timed run: its seconds. */
  readonly run: () => Promise<MedianSeconds>;
  readonly warmUp: () => Promise<unknown>;
  readonly runs: number;
}

export async function medianSecondsInterleaved<Name extends string>(tasks: readonly TimedTask<Name>[]): Promise<Map<Name, MedianSeconds>> {
  for (const task of tasks) await task.warmUp();
  const samples = new Map(tasks.map((task) => [task.name, { wall: [] as number[], cpu: [] as number[] }]));
  const rounds = Math.max(...tasks.map((task) => task.runs));
  for (let round = 0; round < rounds; round++) {
    for (const task of tasks) {
      if (round >= task.runs) continue;
      const { wall, cpu } = await task.run();
      samples.get(task.name)!.wall.push(wall);
      samples.get(task.name)!.cpu.push(cpu);
    }
  }
  return new Map(
    tasks.map((task) => {
      const { wall, cpu } = samples.get(task.name)!;
      return [task.name, { wall: median(wall), cpu: median(cpu) }];
    }),
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
