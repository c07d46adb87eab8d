import type { RunReport, ToWorker } from './protocol.ts';
import type { RunConfig } from './trainer.ts';

/** The page's handle on one run's Web Worker. */
export interface RunClient {
  configure(config: RunConfig): void;
  /** `cpuShare`: the part of one core this run may use and `phase` its slot (see protocol.ts); `pauseAt`: the step it stops at by itself, or null. */
  play(cpuShare: number, phase: number, pauseAt: number | null): void;
  pause(): void;
  step(count: number): void;
  /** Steps per second over the last second of reports (0 when idle). */
  stepsPerSecond(): number;
  onReport(listener: (report: RunReport) => void): void;
}

const RATE_WINDOW_MS = 1000;

export function createRunClient(): RunClient {
  const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
  let generation = 0;
  let listener: (report: RunReport) => void = () => {};
  let samples: { time: number; step: number }[] = [];
  const send = (message: ToWorker) => worker.postMessage(message);

  worker.onmessage = (event: MessageEvent<RunReport>) => {
    const report = event.data;
    if (report.generation !== generation) return;
    const sample = { time: report.time, step: report.metrics.step };
    samples = report.running ? [...samples.filter((s) => sample.time - s.time <= RATE_WINDOW_MS), sample] : [];
    listener(report);
  };
  return {
    configure(config) {
      generation++;
      samples = [];
      send({ type: 'configure', generation, config });
    },
    play: (cpuShare, phase, pauseAt) => send({ type: 'play', cpuShare, phase, pauseAt }),
    pause() {
      samples = [];
      send({ type: 'pause' });
    },
    step: (count) => send({ type: 'step', count }),
    stepsPerSecond() {
      if (samples.length < 2) return 0;
      const first = samples[0];
      const last = samples[samples.length - 1];
      return ((last.step - first.step) * 1000) / (last.time - first.time);
    },
    onReport: (next) => {
      listener = next;
    },
  };
}
