import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { build } from 'esbuild';
import type { EngineName } from './engines.ts';

/*
 * Each engine is timed in a thread of its own. In one shared thread the engines slow each other
 * down: the micrograd-style peer fills the heap with millions of objects that every later
 * collection has to deal with, and the JIT's feedback from one engine's code is there when the
 * next runs. Measured on this machine in one thread, the engine ran W1 at 346 steps/s and the
 * micrograd-style W3 at 205 k it/s; each alone, 600 and 700–900 k. The main thread only sends
 * requests, one at a time, so the engines' runs still alternate. Call `compileWorker` first.
 */

export type IsolatedRequest = { readonly kind: 'check' } | { readonly kind: 'run'; readonly steps: number };

export type IsolatedReply =
  | { readonly kind: 'ready' }
  /** W1/W2: per-layer gradient norms at step 0; W3: [∂Φ/∂a, ∂Φ/∂b, a, b] after one step. */
  | { readonly kind: 'check'; readonly values: number[] }
  /** Seconds of one run; `value` is the last loss (W1/W2) or the sum of ∂Φ/∂b over the run (W3). */
  | { readonly kind: 'timed'; readonly wall: number; readonly cpu: number; readonly value: number };

/*
 * The workers run the bench's TypeScript compiled by esbuild into one plain ES module, not through
 * tsx: tsx compiles with keepNames, which wraps every function created at run time in a call that
 * names it, and a per-node closure (the micrograd-style peer's) then costs several times more than
 * the design itself does. Written under node_modules/.cache, so the bundle's imports of packages
 * (tfjs) resolve as they would from the repository.
 */
const WORKER_SOURCE = fileURLToPath(new URL('./isolated-worker.ts', import.meta.url));
const WORKER_DIRECTORY = fileURLToPath(new URL('../../node_modules/.cache/bench/', import.meta.url));
const WORKER_BUNDLE = `${WORKER_DIRECTORY}isolated-worker.mjs`;
let bundled: Promise<unknown> | null = null;

/** Compiles the worker once per bench run. */
export function compileWorker(): Promise<unknown> {
  bundled ??= build({
    entryPoints: { 'isolated-worker': WORKER_SOURCE },
    outdir: WORKER_DIRECTORY,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true, // tfjs-runner in a chunk of its own, loaded only by the tfjs thread (engines.ts)
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return bundled;
}

interface Pending {
  readonly resolve: (reply: IsolatedReply) => void;
  readonly reject: (error: Error) => void;
}

/** One engine on one workload in its own worker thread. */
export class IsolatedEngine {
  readonly #worker: Worker;
  #pending: Pending | null = null;
  readonly #ready: Promise<IsolatedReply>;

  constructor(engine: EngineName, workload: string) {
    this.#worker = new Worker(WORKER_BUNDLE, { workerData: { engine, workload } });
    this.#worker.on('message', (reply: IsolatedReply) => this.#settle((p) => p.resolve(reply)));
    this.#worker.on('error', (error) => this.#settle((p) => p.reject(error)));
    this.#worker.on('exit', (code) => this.#settle((p) => p.reject(new Error(`${engine} on ${workload}: worker exited with ${code}`))));
    this.#ready = this.#next();
  }

  #settle(action: (pending: Pending) => void): void {
    const pending = this.#pending;
    this.#pending = null;
    if (pending !== null) action(pending);
  }

  #next(): Promise<IsolatedReply> {
    return new Promise((resolve, reject) => {
      this.#pending = { resolve, reject };
    });
  }

  async #ask(request: IsolatedRequest): Promise<IsolatedReply> {
    await this.#ready;
    const reply = this.#next();
    this.#worker.postMessage(request);
    return reply;
  }

  /** See IsolatedReply 'check'. */
  async check(): Promise<number[]> {
    const reply = await this.#ask({ kind: 'check' });
    if (reply.kind !== 'check') throw new Error(`expected a check, got ${reply.kind}`);
    return reply.values;
  }

  /** `steps` steps (W1/W2: from the initial weights), timed in the worker. */
  async run(steps: number): Promise<{ wall: number; cpu: number; value: number }> {
    const reply = await this.#ask({ kind: 'run', steps });
    if (reply.kind !== 'timed') throw new Error(`expected a timed run, got ${reply.kind}`);
    return reply;
  }

  close(): Promise<number> {
    this.#worker.removeAllListeners('exit');
    return this.#worker.terminate();
  }
}
