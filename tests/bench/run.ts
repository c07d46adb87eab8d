/*
 * npm run bench: speed of this project's autodiff engine against a hand-written Float64Array
 * implementation, TensorFlow.js (cpu backend) and a micrograd-style scalar graph, plus each
 * engine's per-layer gradient norms at step 0; then the demos' frame times and the training lab's
 * steps/s in Chromium (browser.ts).
 * Exits non-zero if those norms disagree (float64 engines within 1e-9 relative, tfjs in
 * float32 within 1e-3) or if a W3 gradient is wrong. Speed targets (engine against hand-written
 * on W1/W2, against micrograd-style and in iterations/s on W3) are reported, not enforced.
 * Last, `npm run export` against plain marp-cli (export-time.ts).
 * `npm run bench -- engine`, `-- browser` or `-- export` runs one part only.
 */
import { cpus, loadavg } from 'node:os';
import { DeckError } from '../../src/deck/deck-error.ts';
import { findChromium } from '../../src/deck/find-chromium.ts';
import { type BrowserTarget, benchmarkInBrowser } from './browser.ts';
import { openBuiltDemos } from './built-demos.ts';
import { type EngineName, W3_ID } from './engines.ts';
import { exportTimes } from './export-time.ts';
import { compileWorker, IsolatedEngine } from './isolated.ts';
import { medianSecondsInterleaved } from './timing.ts';
import { DEEP_NARROW, flopsPerStep, type NetworkWorkload, WIDE, WORKED_EXAMPLE, workloadStart } from './workloads.ts';

/** Enough steps for the JIT to compile the hot loops before timing starts. */
const WARM_UP_STEPS = 20;

/** How an engine's W1 or W2 training is timed: `runs` timed runs of `steps` steps from the initial weights. */
interface TrainingTiming {
  readonly runs: number;
  /** Defaults to the workload's whole training (`workload.steps`). */
  readonly steps?: number;
}

interface EngineUnderTest {
  readonly name: EngineName;
  /** Largest relative difference from the engine's gradient norms that passes. */
  readonly tolerance: number;
  readonly warmUpSteps: number;
  readonly W1: TrainingTiming;
  readonly W2: TrainingTiming;
}

const ENGINES: readonly EngineUnderTest[] = [
  { name: 'engine', tolerance: 1e-9, warmUpSteps: WARM_UP_STEPS, W1: { runs: 5 }, W2: { runs: 3 } },
  { name: 'hand-written', tolerance: 1e-9, warmUpSteps: WARM_UP_STEPS, W1: { runs: 5 }, W2: { runs: 3 } },
  { name: 'tfjs cpu', tolerance: 1e-3, warmUpSteps: WARM_UP_STEPS, W1: { runs: 3 }, W2: { runs: 3 } },
  // About 1 step/s on W1 and 15 s a step on W2: a few steps time it well enough, and one step
  // (1.25 M graph nodes on W1) is warm-up enough for the JIT.
  {
    name: 'micrograd-style',
    tolerance: 1e-9,
    warmUpSteps: 1,
    W1: { runs: 3, steps: 2 },
    W2: { runs: 3, steps: 1 },
  },
];

const timingOf = (engine: EngineUnderTest, workload: NetworkWorkload) => (workload === WIDE ? engine.W2 : engine.W1);
const stepsPerRun = (engine: EngineUnderTest, workload: NetworkWorkload) => timingOf(engine, workload).steps ?? workload.steps;

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

const count = (n: number) => n.toLocaleString('en');
/** Three significant digits, or a whole number with thousands separators from 1,000 up (so 0.0316 steps/s stays visible). */
const figure = (x: number) => (x >= 1000 ? count(Math.round(x)) : x.toPrecision(3));
const relativeDifference = (value: number, reference: number) => Math.abs(value - reference) / Math.abs(reference);
const pad = (text: string, width: number) => text.padEnd(width);
const padLeft = (text: string, width: number) => text.padStart(width);

async function checkGradientNorms(workload: NetworkWorkload, isolated: Map<EngineName, IsolatedEngine>): Promise<void> {
  const norms = new Map<EngineName, number[]>();
  for (const [name, engine] of isolated) norms.set(name, await engine.check());
  const reference = norms.get('engine')!;
  console.log(`\n${workload.id}: per-layer gradient norms ‖∂L/∂W_l‖ at step 0 (layer 1 = input side)`);
  const others = ENGINES.filter((e) => e.name !== 'engine');
  console.log(
    `${pad('layer', 7)}${ENGINES.map((e) => padLeft(e.name, 17)).join('')}${others.map((e) => padLeft(`rel. diff ${e.name.split(/[ -]/)[0]}`, 21)).join('')}`,
  );
  reference.forEach((value, l) => {
    const cells = ENGINES.map((e) => padLeft(norms.get(e.name)![l].toExponential(6), 17)).join('');
    const diffs = others.map((e) => {
      const diff = relativeDifference(norms.get(e.name)![l], value);
      if (!(diff <= e.tolerance)) {
        failures.push(
          `${workload.id} layer ${l + 1}: ${e.name} gives ${norms.get(e.name)![l]}, engine ${value} (relative difference ${diff.toExponential(2)} > ${e.tolerance})`,
        );
      }
      return padLeft(diff.toExponential(1), 21);
    });
    console.log(`${pad(String(l + 1), 7)}${cells}${diffs.join('')}`);
  });
}

async function benchmarkTraining(workload: NetworkWorkload): Promise<void> {
  const flops = flopsPerStep(workloadStart(workload));
  const isolated = new Map(ENGINES.map((e) => [e.name, new IsolatedEngine(e.name, workload.id)]));
  const finalLoss = new Map<EngineName, number>();
  let seconds: Map<EngineName, { wall: number; cpu: number }>;
  try {
    await checkGradientNorms(workload, isolated);
    const train = async (engine: EngineName, steps: number) => {
      const run = await isolated.get(engine)!.run(steps);
      finalLoss.set(engine, run.value);
      return run;
    };
    seconds = await medianSecondsInterleaved(
      ENGINES.map((engine) => ({
        name: engine.name,
        run: () => train(engine.name, stepsPerRun(engine, workload)),
        warmUp: () => train(engine.name, engine.warmUpSteps),
        runs: timingOf(engine, workload).runs,
      })),
    );
  } finally {
    await Promise.all([...isolated.values()].map((engine) => engine.close()));
  }
  for (const engine of ENGINES) {
    const { wall, cpu } = seconds.get(engine.name)!;
    const steps = stepsPerRun(engine, workload);
    rows.push({
      workload: workload.id,
      engine: engine.name,
      stepsPerSecond: steps / wall,
      stepsPerCpuSecond: steps / cpu,
      gflops: (flops * steps) / wall / 1e9,
      // A loss after a few steps is no peer of one after the whole training.
      finalLoss: steps === workload.steps ? finalLoss.get(engine.name)! : null,
    });
  }
}

/** W3: `runs` timed runs of `iterations` each; tfjs runs fewer, as each of its iterations costs ~100× more. */
const W3_VARIANTS: readonly { engine: EngineName; runs: number; iterations: number }[] = [
  { engine: 'engine', runs: 7, iterations: 100_000 },
  { engine: 'hand-written', runs: 7, iterations: 100_000 },
  { engine: 'tfjs cpu', runs: 3, iterations: 2_000 },
  { engine: 'micrograd-style', runs: 5, iterations: 100_000 },
];

async function benchmarkWorkedExample(): Promise<void> {
  const { a, b, learningRate, expectedGradA, expectedGradB } = WORKED_EXAMPLE;
  const expected = [expectedGradA, expectedGradB, a - learningRate * expectedGradA, b - learningRate * expectedGradB];
  const isolated = new Map(W3_VARIANTS.map((v) => [v.engine, new IsolatedEngine(v.engine, W3_ID)]));
  let seconds: Map<EngineName, { wall: number; cpu: number }>;
  try {
    for (const [engine, worker] of isolated) {
      const values = await worker.check();
      if (values.some((value, i) => value !== expected[i])) {
        failures.push(`W3: ${engine} gives [∂Φ/∂a, ∂Φ/∂b, a, b] = [${values.join(', ')}]; expected [${expected.join(', ')}]`);
      }
    }
    const run = async (engine: EngineName, iterations: number) => {
      const timed = await isolated.get(engine)!.run(iterations);
      // ∂Φ/∂b summed over the run: a wrong gradient in any step shows here.
      if (timed.value !== expectedGradB * iterations) failures.push(`W3: ${engine} gave a wrong gradient while timing`);
      return timed;
    };
    seconds = await medianSecondsInterleaved(
      W3_VARIANTS.map((variant) => ({
        name: variant.engine,
        run: () => run(variant.engine, variant.iterations),
        warmUp: () => run(variant.engine, variant.iterations / 10),
        runs: variant.runs,
      })),
    );
  } finally {
    await Promise.all([...isolated.values()].map((engine) => engine.close()));
  }
  for (const variant of W3_VARIANTS) {
    const { wall, cpu } = seconds.get(variant.engine)!;
    const { iterations } = variant;
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

/** How each engine was timed, from the same tables that time it. */
function printTimingNotes(): void {
  const training = ENGINES.map((engine) => {
    const [w1, w2] = [DEEP_NARROW[0], WIDE].map((w) => `${engine.warmUpSteps}, ${timingOf(engine, w).runs} × ${stepsPerRun(engine, w)}`);
    return `${engine.name} ${w1} | ${w2}`;
  });
  const workedExample = W3_VARIANTS.map((v) => `${v.engine} ${v.runs} × ${count(v.iterations)}`);
  console.log("\nsteps/s: median of timed runs, with the engines' runs interleaved, each engine warmed up first. A W1/W2 run");
  console.log('trains from the initial weights. Per engine, W1 | W2 as warm-up steps, then timed runs × steps per run:');
  console.log(`  ${training.join(';  ')}`);
  console.log('W3: one step = from a = 2, b = 1, zero the gradients, build + forward + backward of the worked example, update a and b;');
  console.log('a tenth of a run to warm up, then runs × steps:');
  console.log(`  ${workedExample.join(';  ')}`);
  console.log('GFLOP/s counts the matrix products only (forward, ∂W, ∂input); a FLOP rate means nothing for a 6-op scalar');
  console.log('graph, hence —. Final loss: after the whole training, so blank where runs train only a few steps. steps/s,');
  console.log('ms/step, GFLOP/s and "vs hand" use the wall clock; "CPU steps/s" divides by this process\'s CPU time instead');
  console.log('(steadier when other work shares the cores).\n');
}

function printTable(): void {
  printTimingNotes();
  const header = `${pad('workload', 24)}${pad('engine', 17)}${padLeft('steps/s', 14)}${padLeft('ms/step', 12)}${padLeft('GFLOP/s', 10)}${padLeft('vs hand', 12)}${padLeft('CPU steps/s', 13)}${padLeft('final loss', 12)}`;
  console.log(header);
  console.log('-'.repeat(header.length));
  for (const row of rows) {
    const hand = rows.find((r) => r.workload === row.workload && r.engine === 'hand-written')!;
    console.log(
      pad(row.engine === 'engine' ? row.workload : '', 24) +
        pad(row.engine, 17) +
        // Wide enough for W3's figures (215,000,000 steps/s; 0.00000465 ms/step), with a space before each.
        padLeft(figure(row.stepsPerSecond), 14) +
        padLeft(figure(1000 / row.stepsPerSecond), 12) +
        padLeft(row.gflops === null ? '—' : figure(row.gflops), 10) +
        padLeft(`${figure(row.stepsPerSecond / hand.stepsPerSecond)}×`, 12) +
        padLeft(figure(row.stepsPerCpuSecond), 13) +
        padLeft(row.finalLoss === null ? '' : row.finalLoss.toFixed(6), 12),
    );
  }
}

const verdict = (met: boolean) => (met ? 'MET' : 'MISSED');

/** The engine's speed over a peer's on one workload: [wall clock, CPU time]. */
function engineOver(peer: EngineName, workload: string): [number, number] {
  const engine = rows.find((r) => r.workload === workload && r.engine === 'engine')!;
  const other = rows.find((r) => r.workload === workload && r.engine === peer)!;
  return [engine.stepsPerSecond / other.stepsPerSecond, engine.stepsPerCpuSecond / other.stepsPerCpuSecond];
}

const MIN_VS_HANDWRITTEN = 0.9;
const MIN_W3_VS_MICROGRAD = 1;
const MIN_W3_ITERATIONS_PER_SECOND = 3_000_000;

function printTargets(): void {
  const target = (workload: string, goal: string, figures: string[], met: boolean[]) =>
    console.log(`  ${pad(workload, 24)} ${pad(`${goal}:`, 32)} ${figures.map((f, i) => `${f} ${verdict(met[i])}`).join(' | ')}`);
  const times = (ratio: number) => `${ratio.toFixed(2)}×`;
  console.log('\nTargets (wall clock | CPU time)');
  for (const workload of [...DEEP_NARROW, WIDE]) {
    const ratios = engineOver('hand-written', workload.id);
    target(
      workload.id,
      `engine ≥ ${MIN_VS_HANDWRITTEN}× hand-written`,
      ratios.map(times),
      ratios.map((r) => r >= MIN_VS_HANDWRITTEN),
    );
  }
  const w3Ratios = engineOver('micrograd-style', W3_ID);
  target(
    W3_ID,
    `engine ≥ ${MIN_W3_VS_MICROGRAD.toFixed(1)}× micrograd-style`,
    w3Ratios.map(times),
    w3Ratios.map((r) => r >= MIN_W3_VS_MICROGRAD),
  );
  const w3 = rows.find((r) => r.workload === W3_ID && r.engine === 'engine')!;
  const rates = [w3.stepsPerSecond, w3.stepsPerCpuSecond];
  target(
    W3_ID,
    `engine ≥ ${count(MIN_W3_ITERATIONS_PER_SECOND)} it/s`,
    rates.map((rate) => `${count(Math.round(rate))} it/s`),
    rates.map((rate) => rate >= MIN_W3_ITERATIONS_PER_SECOND),
  );
  console.log('\nEngine ÷ micrograd-style (wall clock | CPU time)');
  for (const workload of [...DEEP_NARROW.map((w) => w.id), WIDE.id, W3_ID]) {
    const ratios = engineOver('micrograd-style', workload).map((r) => `${figure(r)}×`);
    console.log(`  ${pad(workload, 24)} ${ratios.join(' | ')}`);
  }
}

const loadAverage = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' / ');

async function benchmarkEngines(): Promise<void> {
  console.log(`Node ${process.version}; tfjs backend cpu (float32); engine, hand-written and micrograd-style in float64.`);
  console.log('Each engine runs in a worker thread of its own (its own heap and JIT), one at a time, compiled by esbuild.');
  await compileWorker();
  console.log(`${cpus().length} cores; load average at start ${loadAverage()} (other work on this machine slows every engine)`);
  for (const workload of [...DEEP_NARROW, WIDE]) await benchmarkTraining(workload);
  await benchmarkWorkedExample();
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
    console.log(
      '\nGradient norms agree (float64 within 1e-9 relative, tfjs within 1e-3); W3 gradients are 8 and 36 and the update right everywhere.',
    );
  }
}

await main();
