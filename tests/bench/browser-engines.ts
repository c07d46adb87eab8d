import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import type { Page } from 'playwright-core';
import type { BrowserTarget } from './browser.ts';
import type { BuiltDemos } from './built-demos.ts';
import { DEEP_NARROW, LAB_RUNS, type NetworkWorkload, WIDE } from './workloads.ts';

/*
 * W1 and W2 in Chromium: the engine (the lab's path) and the hand-written reference, each in a Web
 * Worker of its own, runs interleaved, median of each. The hand-written code on the lab's own
 * runs (LAB_RUNS) gives the training lab its limit (browser.ts): what the best plain-JS code does
 * with the share of a core the lab gives each run.
 */

const WORKER_SOURCE = fileURLToPath(new URL('./browser-engine-worker.ts', import.meta.url));
const ENGINES = ['engine', 'hand-written'] as const;
const MIN_VS_HANDWRITTEN = 0.9;
const WARM_UP_STEPS = 20;
const RUNS = 5;
const stepsPerRun = (workload: NetworkWorkload) => (workload === WIDE ? 20 : 100);

export interface ChromiumEngines {
  readonly targets: BrowserTarget[];
  /** Hand-written steps/s on one core of each run the training lab trains by default, by activation. */
  readonly handwrittenLab: ReadonlyMap<string, number>;
  /** What the cores gave those runs trained side by side, in cores (see `coresTogether`). */
  readonly labCoresTogether: number;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

// Strings, not functions: the bench runs under tsx, whose name-keeping helper does not exist in the page.
const PAGE_HELPERS = `
window.benchWorkers = new Map();
window.benchStart = (id, source, engine, workload) => new Promise((resolve, reject) => {
  const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
  window.benchWorkers.set(id, worker);
  worker.onerror = (event) => reject(new Error(event.message));
  worker.onmessage = () => resolve();
  worker.postMessage({ engine, workload });
});
window.benchRun = (id, steps, onward) => new Promise((resolve, reject) => {
  const worker = window.benchWorkers.get(id);
  worker.onerror = (event) => reject(new Error(event.message));
  worker.onmessage = (event) => resolve(event.data);
  worker.postMessage({ steps, onward });
});
window.benchStop = () => { for (const worker of window.benchWorkers.values()) worker.terminate(); window.benchWorkers.clear(); };
`;

const run = (page: Page, id: string, steps: number, onward = false) =>
  page.evaluate<{ milliseconds: number; loss: number }>(`window.benchRun(${JSON.stringify(id)}, ${steps}, ${onward})`);

async function rates(page: Page, source: string, workload: NetworkWorkload): Promise<Map<string, number>> {
  for (const engine of ENGINES) {
    await page.evaluate(
      `window.benchStart(${JSON.stringify(engine)}, ${JSON.stringify(source)}, ${JSON.stringify(engine)}, ${JSON.stringify(workload.id)})`,
    );
    await run(page, engine, WARM_UP_STEPS);
  }
  const samples = new Map<string, number[]>(ENGINES.map((engine) => [engine, []]));
  const losses = new Map<string, number>();
  const steps = stepsPerRun(workload);
  for (let round = 0; round < RUNS; round++) {
    for (const engine of ENGINES) {
      const { milliseconds, loss } = await run(page, engine, steps);
      samples.get(engine)!.push((1000 * steps) / milliseconds);
      losses.set(engine, loss);
    }
  }
  await page.evaluate('window.benchStop()');
  // The same float64 training: the same loss after the same steps.
  const [first, ...others] = ENGINES.map((engine) => losses.get(engine)!);
  for (const other of others) {
    if (!(Math.abs(other - first) <= 1e-9 * Math.abs(first)))
      throw new Error(`${workload.id} in Chromium: losses ${first} and ${other} differ`);
  }
  return new Map(ENGINES.map((engine) => [engine, median(samples.get(engine)!)]));
}

/*
 * The lab's runs are measured from about step 1,000 on (browser.ts: 3 s of play first), and a step's
 * cost drifts as training moves the numbers (tanh's ~7 % dearer by then, relu's ~7 % cheaper): the
 * limit is timed over those steps too, the runs continuing from one timed stretch to the next.
 */
const LAB_FROM = 1000;
const LAB_STEPS = 300;

async function labLimitRate(page: Page, source: string, workload: NetworkWorkload): Promise<number> {
  await page.evaluate(`window.benchStart('hand-written', ${JSON.stringify(source)}, 'hand-written', ${JSON.stringify(workload.id)})`);
  await run(page, 'hand-written', LAB_FROM);
  const rates: number[] = [];
  for (let round = 0; round < RUNS; round++) {
    const { milliseconds } = await run(page, 'hand-written', LAB_STEPS, true);
    rates.push((1000 * LAB_STEPS) / milliseconds);
  }
  await page.evaluate('window.benchStop()');
  return median(rates);
}

/**
 * The cores' worth three runs get when they train side by side: the lab's hand-written runs, flat out
 * and at once, each its rate over its rate alone, summed (as many as the cores they keep busy, where a
 * busy core works as fast as a lone one; the two vCPUs of the machine this was written on gave 1.70 in
 * one bench run and 2.01 in the next). Each run does about LAB_SECONDS of steps at its lone rate, so
 * that they end together.
 */
const LAB_SECONDS = 0.6;

async function coresTogether(page: Page, source: string, alone: ReadonlyMap<string, number>): Promise<number> {
  const workloads = LAB_RUNS.map((workload) => ({ workload, alone: alone.get(workload.activation)! }));
  for (const { workload } of workloads) {
    await page.evaluate(
      `window.benchStart(${JSON.stringify(workload.id)}, ${JSON.stringify(source)}, 'hand-written', ${JSON.stringify(workload.id)})`,
    );
    await run(page, workload.id, LAB_FROM);
  }
  const samples: number[] = [];
  for (let round = 0; round < RUNS; round++) {
    const timed = await Promise.all(
      workloads.map(async ({ workload, alone }) => {
        const steps = Math.ceil(alone * LAB_SECONDS);
        const { milliseconds } = await run(page, workload.id, steps, true);
        return (1000 * steps) / milliseconds / alone;
      }),
    );
    samples.push(timed.reduce((sum, cores) => sum + cores, 0));
  }
  await page.evaluate('window.benchStop()');
  return median(samples);
}

export async function enginesInChromium(site: BuiltDemos): Promise<ChromiumEngines> {
  const bundle = await build({
    entryPoints: [WORKER_SOURCE],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    logLevel: 'warning',
  });
  const source = bundle.outputFiles[0].text;
  const page = await site.browser.newPage();
  const targets: BrowserTarget[] = [];
  const handwrittenLab = new Map<string, number>();
  let labCoresTogether = Number.NaN;
  console.log('\nEngine and hand-written training in Chromium, each in a Web Worker of its own (steps/s, median of 5 runs)');
  try {
    await page.goto(site.base);
    await page.evaluate(PAGE_HELPERS);
    for (const workload of [...DEEP_NARROW, WIDE]) {
      const measured = await rates(page, source, workload);
      const engine = measured.get('engine')!;
      const hand = measured.get('hand-written')!;
      const ratio = engine / hand;
      console.log(
        `  ${workload.id.padEnd(24)} engine ${engine.toFixed(1).padStart(7)} | hand-written ${hand.toFixed(1).padStart(7)} | ${ratio.toFixed(2)}×`,
      );
      targets.push({
        name: `Chromium ${workload.id}: engine ≥ ${MIN_VS_HANDWRITTEN}× hand-written`,
        met: ratio >= MIN_VS_HANDWRITTEN,
        figure: `${ratio.toFixed(2)}×`,
      });
    }
    for (const workload of LAB_RUNS) {
      const hand = await labLimitRate(page, source, workload);
      handwrittenLab.set(workload.activation, hand);
      const steps = `steps ${LAB_FROM}–${LAB_FROM + RUNS * LAB_STEPS}`;
      console.log(`  ${workload.id.padEnd(24)} hand-written ${hand.toFixed(1).padStart(7)} (the lab's default run, ${steps}: its limit)`);
    }
    labCoresTogether = await coresTogether(page, source, handwrittenLab);
    console.log(`  the three at once, flat out: ${labCoresTogether.toFixed(2)} cores' worth together`);
  } finally {
    await page.close();
  }
  return { targets, handwrittenLab, labCoresTogether };
}
