/**
 * Timing for the benchmark. Every task is warmed up first (so the JIT has compiled its hot code);
 * then the tasks' timed runs are interleaved (A, B, C, A, B, C, …), so a burst of load on this
 * shared machine slows every engine alike instead of one of them. Each task reports the median of
 * its runs in wall-clock time and in this process's CPU time (user + system, all threads, so
 * garbage-collector threads count too). On a busy machine the wall clock also counts time spent
 * waiting for a core; CPU time does not, which makes it the steadier of the two.
 */
export interface TimedTask<Name extends string> {
  readonly name: Name;
  readonly run: () => void;
  readonly warmUp: () => void;
  readonly runs: number;
}

export interface MedianSeconds {
  readonly wall: number;
  readonly cpu: number;
}

export function medianSecondsInterleaved<Name extends string>(tasks: readonly TimedTask<Name>[]): Map<Name, MedianSeconds> {
  for (const task of tasks) task.warmUp();
  const samples = new Map(tasks.map((task) => [task.name, { wall: [] as number[], cpu: [] as number[] }]));
  const rounds = Math.max(...tasks.map((task) => task.runs));
  for (let round = 0; round < rounds; round++) {
    for (const task of tasks) {
      if (round >= task.runs) continue;
      const cpuStart = process.cpuUsage();
      const wallStart = performance.now();
      task.run();
      const wallSeconds = (performance.now() - wallStart) / 1000;
      const cpu = process.cpuUsage(cpuStart);
      samples.get(task.name)!.wall.push(wallSeconds);
      samples.get(task.name)!.cpu.push((cpu.user + cpu.system) / 1e6);
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
