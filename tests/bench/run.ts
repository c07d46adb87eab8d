/*
 * npm run bench: speed of this project's autodiff engine against a hand-written Float64Array
 * implementation and TensorFlow.js (cpu backend), plus each engine's per-layer gradient norms at
 * step 0; then the demos' frame times and the training lab's steps/s in Chromium (browser.ts).
 * Exits non-zero if those norms disagree (float64 engines within 1e-9 relative, tfjs in
 * float32 within 1e-3) or if a W3 gradient is wrong. Speed targets are reported, not enforced.
 * Last, `npm run export` against plain marp-cli (export-time.ts).
 * `npm run bench -- engine`, `-- browser` or `-- export` runs one part only.
 */
import { cpus, loadavg } from 'node:os';
import { DeckError } from '../../src/deck/deck-error.ts';
import { findChromium } from '../../src/deck/find-chromium.ts';
import { type BrowserTarget, benchmarkInBrowser } from './browser.ts';
import { openBuiltDemos } from './built-demos.ts';
import { engineRunner, engineWorkedExample } from './engine-runner.ts';
import { exportTimes } from './export-time.ts';
import { handwrittenRunner, handwrittenWorkedExample } from './handwritten-mlp.ts';
import { tfjsRunner, tfjsWorkedExample, useTfjsCpuBackend } from './tfjs-runner.ts';
import { medianSecondsInterleaved } from './timing.ts';
import { DEEP_NARROW, flopsPerStep, type NetworkWorkload, type TrainingRunner, WIDE, WORKED_EXAMPLE, workloadStart } from './workloads.ts';

type EngineName = 'engine' | 'hand-written' | 'tfjs cpu';

/** Enough steps for the JIT to compile the hot loops before timing starts. */
const WARM_UP_STEPS = 20;

/** `runs`: timed runs of a whole W1 / W2 training. */
const ENGINES: readonly {
  name: EngineName;
  runner: (w: NetworkWorkload) => TrainingRunner;
  tolerance: number;
  runs: { W1: number; W2: number };
}[] = [
  { name: 'engine', runner: engineRunner, tolerance: 1e-9, runs: { W1: 5, W2: 3 } },
  { name: 'hand-written', runner: handwrittenRunner, tolerance: 1e-9, runs: { W1: 5, W2: 3 } },
  { name: 'tfjs cpu', runner: tfjsRunner, tolerance: 1e-3, runs: { W1: 3, W2: 3 } },
];

interface Row {
  workload: string;
  engine: EngineName;
  /** Wall clock. */
  stepsPerSecond: number;
  /** Per second of this process's CPU time. */
  stepsPerCpuSecond: number;
  gflops: number | null;
  finalLoss: number | null;
}

const failures: string[] = [];
const rows: Row[] = [];

const relativeDifference = (value: number, reference: number) => Math.abs(value - reference) / Math.abs(reference);
const fmt = (x: number, digits = 3) => x.toPrecision(digits);
const pad = (text: string, width: number) => text.padEnd(width);
const padLeft = (text: string, width: number) => text.padStart(width);

function checkGradientNorms(workload: NetworkWorkload, runners: Map<EngineName, TrainingRunner>): void {
  const norms = new Map<EngineName, number[]>();
  for (const [name, runner] of runners) {
    runner.reset();
    norms.set(name, runner.gradientNorms());
  }
  const reference = norms.get('engine')!;
  console.log(`\n${workload.id}: per-layer gradient norms ‖∂L/∂W_l‖ at step 0 (layer 1 = input side)`);
  console.log(
    `${pad('layer', 7)}${ENGINES.map((e) => padLeft(e.name, 14)).join('')}${padLeft('rel. diff hand', 16)}${padLeft('rel. diff tfjs', 16)}`,
  );
  reference.forEach((value, l) => {
    const cells = ENGINES.map((e) => padLeft(norms.get(e.name)![l].toExponential(6), 14)).join('');
    const diffs = ENGINES.slice(1).map((e) => {
      const diff = relativeDifference(norms.get(e.name)![l], value);
      if (!(diff <= e.tolerance)) {
        failures.push(
          `${workload.id} layer ${l + 1}: ${e.name} gives ${norms.get(e.name)![l]}, engine ${value} (relative difference ${diff.toExponential(2)} > ${e.tolerance})`,
        );
      }
      return padLeft(diff.toExponential(1), 16);
    });
    console.log(`${pad(String(l + 1), 7)}${cells}${diffs.join('')}`);
  });
}

function benchmarkTraining(workload: NetworkWorkload): void {
  const flops = flopsPerStep(workloadStart(workload));
  const runners = new Map(ENGINES.map((e) => [e.name, e.runner(workload)]));
  checkGradientNorms(workload, runners);
  const finalLoss = new Map<EngineName, number>();
  const train = (engine: EngineName, steps: number) => {
    const runner = runners.get(engine)!;
    runner.reset();
    for (let s = 0; s < steps; s++) finalLoss.set(engine, runner.step());
  };
  const seconds = medianSecondsInterleaved(
    ENGINES.map((engine) => ({
      name: engine.name,
      run: () => train(engine.name, workload.steps),
      warmUp: () => train(engine.name, WARM_UP_STEPS),
      runs: workload === WIDE ? engine.runs.W2 : engine.runs.W1,
    })),
  );
  for (const engine of ENGINES) {
    const { wall, cpu } = seconds.get(engine.name)!;
    rows.push({
      workload: workload.id,
      engine: engine.name,
      stepsPerSecond: workload.steps / wall,
      stepsPerCpuSecond: workload.steps / cpu,
      gflops: (flops * workload.steps) / wall / 1e9,
      finalLoss: finalLoss.get(engine.name)!,
    });
  }
}

/** W3 runs 100,000 iterations; tfjs only 2,000, as each of its iterations costs ~100× more. */
const W3_ITERATIONS: Record<EngineName, number> = { engine: 100_000, 'hand-written': 100_000, 'tfjs cpu': 2_000 };
const W3_ID = 'W3 scalar graph';

function benchmarkWorkedExample(): void {
  const { x, t, a, b, expectedGradA, expectedGradB } = WORKED_EXAMPLE;
  const variants: { engine: EngineName; once: () => [number, number]; runs: number }[] = [
    { engine: 'engine', once: engineWorkedExample, runs: 7 },
    { engine: 'hand-written', once: () => handwrittenWorkedExample(x, t, a, b), runs: 7 },
    { engine: 'tfjs cpu', once: tfjsWorkedExample, runs: 3 },
  ];
  let calls = 0;
  let sum = 0; // checked below, so the work cannot be optimized away
  const repeat = (once: () => [number, number], times: number) => {
    for (let i = 0; i < times; i++) sum += once()[1];
    calls += times;
  };
  for (const variant of variants) {
    const [gradA, gradB] = variant.once();
    if (gradA !== expectedGradA || gradB !== expectedGradB) {
      failures.push(`W3: ${variant.engine} gives ∂Φ/∂a = ${gradA}, ∂Φ/∂b = ${gradB}; expected ${expectedGradA}, ${expectedGradB}`);
    }
  }
  const seconds = medianSecondsInterleaved(
    variants.map((variant) => ({
      name: variant.engine,
      run: () => repeat(variant.once, W3_ITERATIONS[variant.engine]),
      warmUp: () => repeat(variant.once, W3_ITERATIONS[variant.engine] / 10),
      runs: variant.runs,
    })),
  );
  if (sum !== expectedGradB * calls) failures.push('W3: a wrong gradient came out while timing');
  for (const variant of variants) {
    const { wall, cpu } = seconds.get(variant.engine)!;
    const iterations = W3_ITERATIONS[variant.engine];
    rows.push({
      workload: W3_ID,
      engine: variant.engine,
      stepsPerSecond: iterations / wall,
      stepsPerCpuSecond: iterations / cpu,
      gflops: null,
      finalLoss: null,
    });
  }
}

function printTable(): void {
  console.log(`\nsteps/s: median of timed runs, after a warm-up (W1/W2: ${WARM_UP_STEPS} steps; W3: a tenth of a run), with the`);
  console.log("engines' runs interleaved. A W1/W2 run trains all its steps from the initial weights (runs: engine and");
  console.log('hand-written 5 for W1, 3 for W2; tfjs 3). GFLOP/s counts the matrix products only (forward, ∂W, ∂input).');
  console.log('W3: one step = build + forward + backward of the worked example; 7 runs of 100,000 (tfjs: 3 runs of 2,000);');
  console.log('a FLOP rate means nothing for a 6-op scalar graph, hence —. steps/s, ms/step, GFLOP/s and "vs hand" use the');
  console.log('wall clock; "CPU steps/s" divides by this process\'s CPU time instead (steadier when other work shares the cores).\n');
  const header = `${pad('workload', 24)}${pad('engine', 14)}${padLeft('steps/s', 12)}${padLeft('ms/step', 10)}${padLeft('GFLOP/s', 9)}${padLeft('vs hand', 9)}${padLeft('CPU steps/s', 13)}${padLeft('final loss', 12)}`;
  console.log(header);
  console.log('-'.repeat(header.length));
  for (const row of rows) {
    const hand = rows.find((r) => r.workload === row.workload && r.engine === 'hand-written')!;
    console.log(
      pad(row.engine === 'engine' ? row.workload : '', 24) +
        pad(row.engine, 14) +
        padLeft(Math.round(row.stepsPerSecond).toLocaleString('en'), 12) +
        padLeft(fmt(1000 / row.stepsPerSecond), 10) +
        padLeft(row.gflops === null ? '—' : row.gflops.toFixed(2), 9) +
        padLeft(`${(row.stepsPerSecond / hand.stepsPerSecond).toFixed(2)}×`, 9) +
        padLeft(Math.round(row.stepsPerCpuSecond).toLocaleString('en'), 13) +
        padLeft(row.finalLoss === null ? '' : row.finalLoss.toFixed(6), 12),
    );
  }
}

const verdict = (met: boolean) => (met ? 'MET' : 'MISSED');

function printTargets(): void {
  console.log('\nTargets (wall clock | CPU time)');
  for (const workload of [...DEEP_NARROW, WIDE]) {
    const engine = rows.find((r) => r.workload === workload.id && r.engine === 'engine')!;
    const hand = rows.find((r) => r.workload === workload.id && r.engine === 'hand-written')!;
    const wall = engine.stepsPerSecond / hand.stepsPerSecond;
    const cpu = engine.stepsPerCpuSecond / hand.stepsPerCpuSecond;
    console.log(
      `  ${pad(workload.id, 24)} engine ≥ 0.5× hand-written: ${wall.toFixed(2)}× ${verdict(wall >= 0.5)} | ${cpu.toFixed(2)}× ${verdict(cpu >= 0.5)}`,
    );
  }
  const w3 = rows.find((r) => r.workload === W3_ID && r.engine === 'engine')!;
  const rates = [w3.stepsPerSecond, w3.stepsPerCpuSecond].map(
    (rate) => `${Math.round(rate).toLocaleString('en')} it/s ${verdict(rate >= 1e6)}`,
  );
  console.log(`  ${pad(W3_ID, 24)} engine ≥ 1,000,000 it/s:  ${rates.join(' | ')}`);
}

const loadAverage = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');

async function benchmarkEngines(): Promise<void> {
  await useTfjsCpuBackend();
  console.log(`Node ${process.version}; tfjs backend cpu (float32); engine and hand-written in float64.`);
  console.log(`${cpus().length} cores; load average at start ${loadAverage()} (other work on this machine slows every engine)`);
  for (const workload of [...DEEP_NARROW, WIDE]) benchmarkTraining(workload);
  benchmarkWorkedExample();
  printTable();
  console.log(`load average at end ${loadAverage()}`);
  printTargets();
}

async function benchmarkDemos(): Promise<void> {
  console.log(`\nDemos in Chromium (built site); load average at start ${loadAverage()}`);
  try {
    findChromium();
  } catch (error) {
    // No browser is not a failure of the engine: say so and what to do, and keep the rest.
    if (!(error instanceof DeckError)) throw error;
    console.log(`Browser benchmarks skipped: ${error.message}`);
    return;
  }
  const site = await openBuiltDemos();
  let targets: BrowserTarget[];
  try {
    targets = await benchmarkInBrowser(site);
  } finally {
    await site.dispose();
  }
  console.log(`load average at end ${loadAverage()}`);
  console.log('\nTargets (Chromium)');
  for (const target of targets) console.log(`  ${pad(target.name, 50)} ${target.figure} ${verdict(target.met)}`);
}

async function benchmarkExports(): Promise<void> {
  let chromium: string;
  try {
    chromium = findChromium();
  } catch (error) {
    if (!(error instanceof DeckError)) throw error;
    console.log(`Export benchmark skipped: ${error.message}`);
    return;
  }
  const targets = await exportTimes(chromium);
  console.log('\nTargets (export)');
  for (const target of targets) console.log(`  ${pad(target.name, 50)} ${target.figure} ${verdict(target.met)}`);
}

async function main(): Promise<void> {
  const part = process.argv[2] ?? 'all';
  if (!['all', 'engine', 'browser', 'export'].includes(part)) {
    console.error(`npm run bench: unknown part "${part}"; use engine, browser, export or nothing (all three)`);
    process.exitCode = 2;
    return;
  }
  if (part === 'all' || part === 'engine') await benchmarkEngines();
  if (part === 'all' || part === 'browser') await benchmarkDemos();
  if (part === 'all' || part === 'export') await benchmarkExports();
  if (failures.length > 0) {
    console.error('\nFAILED: the engines disagree:');
    for (const failure of failures) console.error(`  ${failure}`);
    process.exitCode = 1;
  } else if (part === 'all' || part === 'engine') {
    console.log('\nGradient norms agree (float64 within 1e-9 relative, tfjs within 1e-3); W3 gradients are 8 and 36 everywhere.');
  }
}

await main();
