/// <reference lib="webworker" />
import { engineRunner } from './engine-runner.ts';
import { handwrittenRunner } from './handwritten-mlp.ts';
import { DEEP_NARROW, LAB_RUNS, type TrainingRunner, WIDE } from './workloads.ts';

/*
 * One engine on one workload in a Web Worker of its own, as isolated-worker.ts does in Node:
 * the first message names them, each later one asks for `steps` steps (from the initial weights
 * unless `onward`, then from where the last ask stopped) and gets back their wall-clock
 * milliseconds (a page has no CPU clock) and the last loss.
 */

export type BrowserEngineRequest =
  | { readonly engine: 'engine' | 'hand-written'; readonly workload: string }
  | { readonly steps: number; readonly onward?: boolean };

const scope = self as unknown as DedicatedWorkerGlobalScope;
let runner: TrainingRunner | null = null;

scope.onmessage = (event: MessageEvent<BrowserEngineRequest>) => {
  const request = event.data;
  if ('engine' in request) {
    const workload = [...DEEP_NARROW, WIDE, ...LAB_RUNS].find((w) => w.id === request.workload);
    if (workload === undefined) throw new Error(`no workload "${request.workload}"`);
    runner = (request.engine === 'engine' ? engineRunner : handwrittenRunner)(workload);
    scope.postMessage({ ready: true });
    return;
  }
  if (runner === null) throw new Error('no engine chosen');
  if (request.onward !== true) runner.reset();
  const start = performance.now();
  let loss = Number.NaN;
  for (let s = 0; s < request.steps; s++) loss = runner.step();
  scope.postMessage({ milliseconds: performance.now() - start, loss });
};
