import type { RunConfig, RunMetrics } from './trainer.ts';

/** Messages between the page and a run's Web Worker. `generation` drops reports from an older config. */
export type ToWorker =
  | { readonly type: 'configure'; readonly generation: number; readonly config: RunConfig }
  /**
   * `cpuShare` (0–1]: the part of one core this run may use, so the runs together leave the page room
   * to draw. `phase` [0, 1): where in the cycle the runs share this run's busy slot starts (run k of
   * n: k/n). `pauseAt`: the step at which the run pauses by itself (a scene's claim), or null.
   */
  | { readonly type: 'play'; readonly cpuShare: number; readonly phase: number; readonly pauseAt: number | null }
  | { readonly type: 'pause' }
  | { readonly type: 'step'; readonly count: number };

export interface BoundaryImage {
  readonly size: number;
  /** P(class 1), size × size, row by row from the top. */
  readonly values: Float32Array;
}

export interface RunReport {
  readonly type: 'report';
  readonly generation: number;
  readonly metrics: RunMetrics;
  /** Present when the decision boundary was recomputed for this report. */
  readonly boundary: BoundaryImage | null;
  /** Whether the worker keeps training after this report. */
  readonly running: boolean;
  /** Milliseconds on the workers' shared clock (session.ts), for steps-per-second figures. */
  readonly time: number;
}

/** Typed arrays in a report are moved, not copied, to the page. */
export function transferables(report: RunReport): ArrayBuffer[] {
  const { metrics, boundary } = report;
  const buffers = [metrics.gradNorms.buffer, metrics.initialGradNorms.buffer, metrics.updateNorms.buffer, metrics.deadShares.buffer];
  if (boundary) buffers.push(boundary.values.buffer);
  return buffers as ArrayBuffer[];
}
