import { parentPort, workerData } from 'node:worker_threads';
import { type EngineName, loadEngine, networkWorkload, W3_ID } from './engines.ts';
import type { IsolatedReply, IsolatedRequest } from './isolated.ts';

/*
 * One engine on one workload, alone in its own thread (and so its own JavaScript heap and JIT
 * state): see isolated.ts. Answers the main thread's requests one at a time.
 */

const { engine, workload } = workerData as { engine: EngineName; workload: string };
const code = await loadEngine(engine);
const port = parentPort!;

/** Wall-clock and CPU seconds of `work` (CPU time of the process, all threads: GC threads count too). */
function timed(work: () => number): IsolatedReply {
  const cpuStart = process.cpuUsage();
  const wallStart = performance.now();
  const value = work();
  const wall = (performance.now() - wallStart) / 1000;
  const cpu = process.cpuUsage(cpuStart);
  return { kind: 'timed', wall, cpu: (cpu.user + cpu.system) / 1e6, value };
}

if (workload === W3_ID) {
  const step = code.workedExample();
  port.on('message', (request: IsolatedRequest) => {
    if (request.kind === 'check') {
      port.postMessage({ kind: 'check', values: Array.from(step()) } satisfies IsolatedReply);
      return;
    }
    port.postMessage(
      timed(() => {
        let sum = 0; // read back, so the work cannot be optimized away
        for (let i = 0; i < request.steps; i++) sum += step()[1];
        return sum;
      }),
    );
  });
} else {
  const runner = code.training(networkWorkload(workload));
  port.on('message', (request: IsolatedRequest) => {
    runner.reset();
    if (request.kind === 'check') {
      port.postMessage({ kind: 'check', values: runner.gradientNorms() } satisfies IsolatedReply);
      return;
    }
    port.postMessage(
      timed(() => {
        let loss = Number.NaN;
        for (let s = 0; s < request.steps; s++) loss = runner.step();
        return loss;
      }),
    );
  });
}
port.postMessage({ kind: 'ready' } satisfies IsolatedReply);
