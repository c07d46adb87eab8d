import { boundaryGridSize } from './boundary-grid.ts';
import { clampShare } from './cpu-share.ts';
import type { RunReport, ToWorker } from './protocol.ts';
import { createStepCost } from './step-cost.ts';
import { createTrainer, type Trainer } from './trainer.ts';

/**
 * What a run's worker does with each message, without touching `self`: worker.ts wires it to
 * postMessage and setTimeout, the Node tests to plain functions. Training runs in chunks of about
 * CHUNK_MS so that pause and new settings are picked up between chunks; each chunk ends in one report.
 */
export const CHUNK_MS = 40;
/** However slowly its steps go, a chunk ends by then (see runChunk). */
export const MAX_CHUNK_MS = 1.5 * CHUNK_MS;
/**
 * A chunk may start this late in its slot: when the chunk before ran past its own slot (its core
 * shared, and a boundary to draw), the next one starts at once instead of a whole cycle later.
 * Waiting for the slot after cost a run one chunk in twelve.
 */
export const LATE_START_MS = CHUNK_MS / 2;
/** The boundary is refreshed at most this often, and never takes more than ~1/15 of the time. */
const MIN_BOUNDARY_INTERVAL_MS = 250;
const BOUNDARY_COST_FACTOR = 15;

export interface SessionHost {
  post(report: RunReport): void;
  /** Runs `task` after `delayMs` and after pending messages (setTimeout in a worker). */
  defer(task: () => void, delayMs: number): void;
  /** Milliseconds on a clock every run's worker shares (so their slots line up; see `restAfter`). */
  now(): number;
}

export interface Session {
  handle(message: ToWorker): void;
}

export function createSession(host: SessionHost): Session {
  let trainer: Trainer | null = null;
  let generation = 0;
  let playing = false;
  let cpuShare = 1;
  let phase = 0;
  let pauseAt: number | null = null;
  let loopScheduled = false;
  /** The slot (a number of cycles, see `restAfter`) of the chunk last scheduled: the next one takes a later slot. */
  let lastSlot = Number.NEGATIVE_INFINITY;
  let lastBoundary = -Infinity;
  let boundaryInterval = MIN_BOUNDARY_INTERVAL_MS;
  const stepCost = createStepCost();

  const report = (forceBoundary: boolean) => {
    if (!trainer) return;
    const time = host.now();
    let boundary = null;
    if (forceBoundary || time - lastBoundary >= boundaryInterval) {
      const size = boundaryGridSize(trainer.config.depth, trainer.config.width);
      const values = trainer.boundary(size);
      const cost = host.now() - time;
      boundaryInterval = Math.max(MIN_BOUNDARY_INTERVAL_MS, BOUNDARY_COST_FACTOR * cost);
      lastBoundary = time;
      boundary = { size, values };
    }
    host.post({ type: 'report', generation, metrics: trainer.metrics(), boundary, running: playing, time: host.now() });
  };

  const runChunk = () => {
    loopScheduled = false;
    const run = trainer;
    if (!playing || !run) return;
    const start = host.now();
    const reached = () => pauseAt !== null && run.steps >= pauseAt;
    let last = start;
    let steps = 0;
    const cost = stepCost.estimate;
    while (!run.diverged && !reached()) {
      run.step();
      const now = host.now();
      stepCost.add(now - last);
      last = now;
      steps++;
      // The chunk ends when it has done CHUNK_MS of work, not when CHUNK_MS have passed: time in
      // which the page or another run had the core does no steps, and a run stopped by the clock
      // alone got 0.45 of a core where it was given 0.5. At most MAX_CHUNK_MS all the same.
      const elapsed = now - start;
      if (Math.min(elapsed, steps * cost) >= CHUNK_MS || elapsed >= MAX_CHUNK_MS) break;
    }
    stepCost.endChunk();
    // A diverged run stops by itself, and so does one at its pause step; the others (in their own workers) keep going.
    if (run.diverged || reached()) playing = false;
    report(run.diverged);
    const spent = host.now() - start;
    // What the chunk used of a core: its steps at their cost, plus its report.
    const used = steps > 0 ? Math.min(spent, steps * stepCost.estimate + (spent - (last - start))) : spent;
    schedule(restAfter(used));
  };

  /**
   * How long to rest after a chunk that used `spent` ms of a core so that this run uses `cpuShare` of one, in its
   * own slot of a cycle the runs share: CHUNK_MS / cpuShare long, this run's slot starting at
   * `phase` of it. Slots keep the runs' busy parts apart: three runs that all trained at once and
   * then all rested together (as they did when each simply rested as long as it had worked, all
   * started by one click) crowded 2 cores in turns, and each got 0.37 of a core instead of 0.5.
   * A chunk longer than its slot (one slow step) rests that much longer first, so the share still holds.
   * The next chunk takes the first slot after the last one that began no more than LATE_START_MS
   * before that: at most one chunk a cycle, started late rather than a cycle later.
   */
  const restAfter = (spent: number) => {
    if (cpuShare >= 1) return 0;
    const period = CHUNK_MS / cpuShare;
    const now = host.now();
    const earliest = now + Math.max(0, spent - CHUNK_MS) * (1 / cpuShare - 1);
    const offset = phase * period;
    const slot = Math.max(Math.ceil((earliest - LATE_START_MS - offset) / period), lastSlot + 1);
    lastSlot = slot;
    return Math.max(0, slot * period + offset - now);
  };

  const schedule = (delayMs = 0) => {
    if (playing && !loopScheduled) {
      loopScheduled = true;
      host.defer(runChunk, delayMs);
    }
  };

  return {
    handle(message) {
      switch (message.type) {
        case 'configure':
          generation = message.generation;
          trainer = createTrainer(message.config);
          stepCost.reset();
          lastBoundary = -Infinity;
          report(true);
          break;
        case 'play':
          cpuShare = clampShare(message.cpuShare);
          phase = Number.isFinite(message.phase) ? Math.min(Math.max(message.phase, 0), 1) : 0;
          pauseAt = message.pauseAt;
          lastSlot = Number.NEGATIVE_INFINITY;
          playing = trainer !== null && !trainer.diverged && !(pauseAt !== null && trainer.steps >= pauseAt);
          schedule(restAfter(0)); // in this run's slot: at once if it began under LATE_START_MS ago, else the next
          break;
        case 'pause':
          playing = false;
          break;
        case 'step':
          if (!trainer || trainer.diverged) break;
          playing = false;
          for (let i = 0; i < message.count && !trainer.diverged; i++) trainer.step();
          report(true);
          break;
      }
    },
  };
}
