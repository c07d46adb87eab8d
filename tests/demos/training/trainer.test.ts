import { describe, expect, it } from 'vitest';
import { batchSchedule } from '../../../src/demos/training/batches.ts';
import { cpuShare } from '../../../src/demos/training/cpu-share.ts';
import type { RunReport, ToWorker } from '../../../src/demos/training/protocol.ts';
import { CHUNK_MS, createSession, LATE_START_MS, MAX_CHUNK_MS } from '../../../src/demos/training/session.ts';
import { BOUNDARY_EXTENT, createTrainer, DIVERGENCE_FACTOR, type RunConfig } from '../../../src/demos/training/trainer.ts';
import { makeDataset } from '../../../src/nn/datasets.ts';
import { createMlp } from '../../../src/nn/mlp.ts';

/** The W1 network of the performance brief: 2 → 10×16 → 1 on 256 points, full batch. */
const W1: RunConfig = {
  data: 'circles',
  noise: 0.1,
  points: 256,
  depth: 10,
  width: 16,
  activation: 'sigmoid',
  init: 'xavier',
  lr: 0.3,
  batch: 1000,
  seed: 1,
};

/** Drives the worker's session with plain functions: deferred tasks run when `flush` is called. */
/** `tick`: how far the fake clock moves at each reading (a step reads it about once), or a function giving it. */
function fakeWorker(tick: number | (() => number) = 1) {
  const advance = typeof tick === 'number' ? () => tick : tick;
  const reports: RunReport[] = [];
  const delays: number[] = [];
  let queue: (() => void)[] = [];
  let clock = 0;
  const session = createSession({
    post: (r) => reports.push(r),
    defer: (task, delayMs) => {
      // The task runs once its delay has passed on the clock.
      queue.push(() => {
        clock += delayMs;
        starts.push(clock);
        task();
      });
      delays.push(delayMs);
    },
    now: () => (clock += advance()),
  });
  const starts: number[] = [];
  return {
    reports,
    delays,
    /** The clock when each deferred task began. */
    starts,

    send: (message: ToWorker) => session.handle(message),
    flush(rounds: number) {
      for (let i = 0; i < rounds && queue.length > 0; i++) {
        const tasks = queue;
        queue = [];
        tasks.forEach((task) => {
          task();
        });
      }
    },
  };
}

describe('training step', () => {
  it('gives the same loss after N steps in Node and through the worker code path', () => {
    for (const activation of ['sigmoid', 'relu'] as const) {
      const config = { ...W1, activation, batch: 64 };
      const direct = createTrainer(config);
      for (let i = 0; i < 30; i++) direct.step();
      const worker = fakeWorker();
      worker.send({ type: 'configure', generation: 7, config });
      worker.send({ type: 'step', count: 30 });
      const last = worker.reports.at(-1)!;
      expect(last.generation).toBe(7);
      expect(last.metrics.step).toBe(30);
      expect(last.metrics.loss).toBe(direct.metrics().loss);
      expect(Array.from(last.metrics.gradNorms)).toEqual(Array.from(direct.metrics().gradNorms));
    }
  });

  it('keeps training in chunks while playing, and stops on pause', () => {
    const worker = fakeWorker();
    worker.send({ type: 'configure', generation: 1, config: W1 });
    worker.send({ type: 'play', cpuShare: 1, phase: 0, pauseAt: null });
    worker.flush(3);
    const steps = worker.reports.map((r) => r.metrics.step);
    expect(steps[0]).toBe(0);
    expect(steps.at(-1)).toBeGreaterThan(steps[1]);
    expect(worker.reports.at(-1)!.running).toBe(true);
    worker.send({ type: 'pause' });
    const count = worker.reports.length;
    worker.flush(3);
    expect(worker.reports.length).toBe(count);
  });

  it('pauses by itself at the step it is given, exactly, and plays no further from there', () => {
    const worker = fakeWorker();
    worker.send({ type: 'configure', generation: 1, config: { ...W1, depth: 2, width: 4 } });
    worker.send({ type: 'play', cpuShare: 1, phase: 0, pauseAt: 37 });
    worker.flush(200);
    const last = worker.reports.at(-1)!;
    expect(last.metrics.step).toBe(37);
    expect(last.running).toBe(false);
    const count = worker.reports.length;
    worker.send({ type: 'play', cpuShare: 1, phase: 0, pauseAt: 37 });
    worker.flush(5);
    expect(worker.reports.length).toBe(count);
    // Without a pause step it goes on from there.
    worker.send({ type: 'play', cpuShare: 1, phase: 0, pauseAt: null });
    worker.flush(3);
    expect(worker.reports.at(-1)!.metrics.step).toBeGreaterThan(37);
  });

  /** Which cycle `start` falls in (for a run at `phase` of cycles of `period` ms) and how long after its slot began. */
  const slotOf = (start: number, period: number, phase: number) => {
    const cycle = Math.floor((start - phase * period) / period + 1e-9); // + 1e-9: k/3 of a cycle is not exact
    return { cycle, late: start - phase * period - cycle * period };
  };

  it('trains in its own slot of a shared cycle, so that each run uses only its share of a core', () => {
    /** Time from each chunk's start to the next one's. */
    const gaps = (starts: number[]) => starts.slice(1).map((start, i) => start - starts[i]);
    const chunks = (share: number, phase: number, depth = 2) => {
      const worker = fakeWorker();
      worker.send({ type: 'configure', generation: 1, config: { ...W1, depth, width: 4 } });
      worker.send({ type: 'play', cpuShare: share, phase, pauseAt: null });
      worker.flush(6);
      return { starts: worker.starts, delays: worker.delays };
    };
    // Half a core: a cycle of 2 × CHUNK_MS; run k of 3 starts its chunks at k/3 of it, on every cycle.
    const period = 2 * CHUNK_MS;
    for (const phase of [0, 1 / 3, 2 / 3]) {
      const { starts } = chunks(0.5, phase);
      expect(starts.length).toBeGreaterThanOrEqual(5);
      // The first may start a little late in its slot (play was pressed just after it began); the rest start on theirs.
      expect(slotOf(starts[0], period, phase).late).toBeLessThanOrEqual(LATE_START_MS);
      for (const start of starts.slice(1)) expect(slotOf(start, period, phase).late).toBeCloseTo(0, 6);
      // One chunk per cycle: busy a little over CHUNK_MS, then at rest until the next slot.
      for (const gap of gaps(starts.slice(1))) expect(gap).toBeCloseTo(period, 6);
    }
    // A quarter core: one chunk in every 4 × CHUNK_MS.
    const quarter = chunks(0.25, 0).starts;
    expect(new Set(gaps(quarter.slice(1)))).toEqual(new Set([4 * CHUNK_MS]));
    // A whole core (or a share that is not a number): no rest at all.
    expect(chunks(1, 0.5).delays.every((delay) => delay === 0)).toBe(true);
    expect(chunks(Number.NaN, 0.5).delays.every((delay) => delay === 0)).toBe(true);
    const clamped = chunks(0.01, 0).starts; // clamped to a quarter core
    expect(new Set(gaps(clamped.slice(1)))).toEqual(new Set([4 * CHUNK_MS]));
  });

  it('counts a chunk in work done: a run whose core is taken now and then trains longer to do as many steps', () => {
    const stepsPerChunk = (worker: ReturnType<typeof fakeWorker>) => {
      worker.send({ type: 'configure', generation: 1, config: { ...W1, depth: 2, width: 4 } });
      worker.send({ type: 'play', cpuShare: 0.5, phase: 0, pauseAt: null });
      worker.flush(6);
      const steps = worker.reports.map((r) => r.metrics.step);
      return steps.slice(2).map((step, i) => step - steps[i + 1]); // after the first chunk, which has no estimate yet
    };
    const alone = stepsPerChunk(fakeWorker(1));
    let reading = 0;
    // Every 8th reading of the clock, another thread held the core for 2 ticks more.
    const sharedWorker = fakeWorker(() => (++reading % 8 === 0 ? 3 : 1));
    const shared = stepsPerChunk(sharedWorker);
    for (const steps of shared) expect(steps).toBeGreaterThanOrEqual(0.95 * Math.min(...alone));
    const { starts } = sharedWorker;
    const ends = sharedWorker.reports.slice(1).map((r) => r.time);
    for (let i = 0; i + 1 < starts.length; i++) expect(ends[i] - starts[i]).toBeLessThanOrEqual(MAX_CHUNK_MS + 5);
  });

  it('a chunk its core kept past the next slot is followed at once, late in that slot, not a cycle later', () => {
    let reading = 0;
    let stalled = false;
    // Once, another thread holds the core for 45 ms in the middle of a chunk (and its report).
    const worker = fakeWorker(() => {
      reading++;
      if (!stalled && reading > 400) {
        stalled = true;
        return 45;
      }
      return 1;
    });
    worker.send({ type: 'configure', generation: 1, config: { ...W1, depth: 2, width: 4 } });
    worker.send({ type: 'play', cpuShare: 0.5, phase: 1 / 3, pauseAt: null });
    worker.flush(12);
    expect(stalled).toBe(true);
    const period = 2 * CHUNK_MS;
    const slots = worker.starts.map((start) => slotOf(start, period, 1 / 3));
    // Every cycle has its one chunk: none is skipped, none has two.
    slots.slice(1).forEach((slot, i) => {
      expect(slot.cycle).toBe(slots[i].cycle + 1);
    });
    // The chunk after the stall starts late in its slot, the ones after it on their slots again.
    const late = slots.filter((slot) => slot.late > 1e-6);
    expect(late.length).toBeGreaterThanOrEqual(1);
    for (const slot of late) expect(slot.late).toBeLessThanOrEqual(LATE_START_MS);
    expect(slots.at(-1)!.late).toBeCloseTo(0, 6);
  });

  it('a chunk longer than its slot rests longer, so a slow step still keeps to the share', () => {
    // Each reading of the clock moves it 30 ms: a step or two already fill more than a slot.
    const worker = fakeWorker(30);
    worker.send({ type: 'configure', generation: 1, config: { ...W1, depth: 2, width: 4 } });
    worker.send({ type: 'play', cpuShare: 0.5, phase: 0, pauseAt: null });
    worker.flush(8);
    const period = 2 * CHUNK_MS;
    const { starts } = worker;
    const ends = worker.reports.slice(1).map((r) => r.time); // each chunk ends in a report (the first is configure's)
    let busy = 0;
    for (let i = 0; i + 1 < starts.length; i++) {
      expect(ends[i] - starts[i]).toBeGreaterThan(CHUNK_MS); // longer than the slot
      expect(starts[i + 1] % period).toBe(0); // still on its own slots
      busy += ends[i] - starts[i];
    }
    expect(busy / (starts.at(-1)! - starts[0])).toBeLessThanOrEqual(0.5);
  });

  it('shares the cores so that the runs leave half a core to the page', () => {
    expect(cpuShare(2, 3)).toBe(0.5);
    expect(cpuShare(2, 2)).toBe(0.75);
    expect(cpuShare(2, 1)).toBe(1);
    expect(cpuShare(8, 3)).toBe(1);
    expect(cpuShare(1, 3)).toBe(0.25); // never below a quarter core
    expect(cpuShare(undefined, 3)).toBe(0.5); // unknown core count: assume 2
    expect(cpuShare(0, 3)).toBe(0.5);
  });

  it('shows the gradient at the initial weights before the first step, and keeps it as the “start” profile', () => {
    for (const activation of ['sigmoid', 'relu'] as const) {
      const trainer = createTrainer({ ...W1, activation });
      const before = trainer.metrics();
      expect(Array.from(before.gradNorms)).toEqual(Array.from(before.initialGradNorms));
      expect(before.gradNorms.every((n) => n > 0)).toBe(true);
      // Full batch: step 1's gradient is taken at the same initial weights on the same data.
      trainer.step();
      const after = trainer.metrics();
      after.gradNorms.forEach((n, l) => {
        expect(n).toBeCloseTo(before.initialGradNorms[l], 12);
      });
      for (let i = 0; i < 20; i++) trainer.step();
      expect(Array.from(trainer.metrics().initialGradNorms)).toEqual(Array.from(before.initialGradNorms));
    }
  });

  it('under Xavier at depth 10, sigmoid’s first-layer gradient is orders of magnitude below ReLU’s', () => {
    const firstLayer = (activation: 'sigmoid' | 'relu') => {
      const trainer = createTrainer({ ...W1, activation });
      trainer.step();
      return trainer.metrics().gradNorms[0];
    };
    // σ′ ≤ 1/4 in each of 10 layers: at least 4¹⁰ ≈ 10⁶ times smaller on the same weights; ReLU′ is 1 where active.
    expect(firstLayer('sigmoid') / firstLayer('relu')).toBeLessThan(1e-4);
  });

  it('starts at the loss of a hand-computed forward pass and learns circles with ReLU', () => {
    // Independent check of step 1's loss: the same initial weights (createMlp, same seed), a plain-JS forward pass.
    const config = { ...W1, activation: 'relu' as const, depth: 2, width: 4, init: 'he' as const, lr: 0.1 };
    const mlp = createMlp({ hiddenLayers: 2, width: 4, activation: 'relu', initializer: 'he', seed: 1 });
    const data = makeDataset('circles', { count: 256, noise: 0.1, seed: 1 });
    let expected = 0;
    for (let i = 0; i < data.count; i++) {
      let h = [data.inputs[2 * i], data.inputs[2 * i + 1]];
      mlp.layers.forEach((layer, l) => {
        const [fanIn, fanOut] = layer.weights.shape;
        const z = Array.from(
          { length: fanOut },
          (_, j) => h.reduce((s, x, k) => s + x * layer.weights.data[k * fanOut + j], 0) + layer.bias.data[j],
        );
        h = l < mlp.layers.length - 1 ? z.map((v) => Math.max(0, v)) : z;
        expect(h.length).toBe(fanOut);
        expect(fanIn).toBeGreaterThan(0);
      });
      const p = 1 / (1 + Math.exp(-h[0]));
      expected -= data.labels[i] ? Math.log(p) : Math.log(1 - p);
    }
    const trainer = createTrainer(config);
    expect(trainer.step()).toBeCloseTo(expected / data.count, 10);
  });

  it('draws the boundary as σ(logit) at grid-cell centres, top row first', () => {
    const trainer = createTrainer({ ...W1, depth: 1, width: 3 });
    const mlp = createMlp({ hiddenLayers: 1, width: 3, activation: 'sigmoid', initializer: 'xavier', seed: 1 });
    const size = 4;
    const grid = trainer.boundary(size);
    const [W1m, W2] = [mlp.layers[0].weights.data, mlp.layers[1].weights.data];
    const probability = (x: number, y: number) => {
      let z = 0;
      for (let j = 0; j < 3; j++) z += W2[j] / (1 + Math.exp(-(x * W1m[j] + y * W1m[3 + j])));
      return 1 / (1 + Math.exp(-z));
    };
    const cell = (2 * BOUNDARY_EXTENT) / size;
    // Row 0, column 0 is the top-left cell: x = −E + cell/2, y = +E − cell/2.
    expect(grid[0]).toBeCloseTo(probability(-BOUNDARY_EXTENT + cell / 2, BOUNDARY_EXTENT - cell / 2), 6);
    expect(grid[size * size - 1]).toBeCloseTo(probability(BOUNDARY_EXTENT - cell / 2, -BOUNDARY_EXTENT + cell / 2), 6);
  });
});

describe('divergence', () => {
  const exploding: RunConfig = { ...W1, activation: 'relu', init: 'normal' };

  it('a loss that overflows stops the run, which keeps showing its last finite numbers; later steps change nothing', () => {
    const trainer = createTrainer(exploding);
    const losses: number[] = [];
    for (let i = 0; i < 20 && !trainer.diverged; i++) losses.push(trainer.step());
    expect(trainer.diverged).toBe(true);
    const shown = trainer.metrics();
    expect(shown.diverged).toBe(true);
    expect(shown.diagnosis).toEqual({ kind: 'diverged', step: shown.step });
    for (const value of [shown.loss, shown.accuracy, ...shown.gradNorms, ...shown.updateNorms]) expect(Number.isFinite(value)).toBe(true);
    expect(losses).toContain(shown.loss);
    trainer.step();
    expect(trainer.metrics().step).toBe(shown.step);
    expect(trainer.metrics().loss).toBe(shown.loss);
  });

  it('a loss that grows DIVERGENCE_FACTOR times past its start stops the run before anything overflows', () => {
    // tanh at a learning rate far too large: the loss climbs to tens without ever overflowing.
    const trainer = createTrainer({ ...W1, activation: 'tanh', lr: 10 });
    const start = trainer.step();
    const losses = [start];
    for (let i = 0; i < 500 && !trainer.diverged; i++) losses.push(trainer.step());
    expect(trainer.diverged).toBe(true);
    expect(losses.every(Number.isFinite)).toBe(true);
    const limit = DIVERGENCE_FACTOR * Math.max(start, Math.LN2);
    expect(losses.at(-1)!).toBeGreaterThan(limit);
    expect(losses.slice(0, -1).every((loss) => loss <= limit)).toBe(true);
    expect(trainer.metrics().loss).toBe(losses.at(-1));
  });

  it('the diverged worker stops by itself while another keeps training', () => {
    const bad = fakeWorker();
    const good = fakeWorker();
    bad.send({ type: 'configure', generation: 1, config: exploding });
    good.send({ type: 'configure', generation: 1, config: { ...exploding, activation: 'sigmoid' } });
    for (const w of [bad, good]) w.send({ type: 'play', cpuShare: 1, phase: 0, pauseAt: null });
    for (let i = 0; i < 6; i++) {
      bad.flush(1);
      good.flush(1);
    }
    const last = bad.reports.at(-1)!;
    expect(last.metrics.diverged).toBe(true);
    expect(last.running).toBe(false);
    expect(good.reports.at(-1)!.running).toBe(true);
    expect(good.reports.at(-1)!.metrics.diverged).toBe(false);
    bad.send({ type: 'play', cpuShare: 1, phase: 0, pauseAt: null });
    bad.flush(2);
    expect(bad.reports.at(-1)).toBe(last);
  });
});

describe('mini-batches', () => {
  it('each epoch visits every point exactly once; full batch is all points every step', () => {
    const schedule = batchSchedule(10, 3, 5);
    const seen = Array.from({ length: 3 }, () => [...schedule.next()]).flat();
    expect(new Set(seen).size).toBe(9);
    expect(batchSchedule(10, 50, 5).next()).toEqual(Int32Array.from({ length: 10 }, (_, i) => i));
  });
});
