/**
 * The one-line reading of a run, as data (the view words it in the page's language). It reads the
 * run's trend, not a single step: every SAMPLE_EVERY steps the trainer hands it the loss, accuracy,
 * per-layer gradient norms and dead-unit shares, and it judges the last WINDOW samples:
 *
 *   diverged   the loss overflowed or grew far past its start (decided by the trainer, at once);
 *   learned    accuracy ≥ LEARNED_ACCURACY (kept until it falls below LEARNED_EXIT);
 *   learning   the loss fell by ≥ IMPROVING_DROP over the window (or the accuracy rose by ≥ ACCURACY_RISE:
 *              early on the loss may jump about while the accuracy climbs), and the network beats a coin (loss below
 *              ln 2 or accuracy ≥ BEATS_CHANCE: a loss easing down to ln 2 only learns to say 50 %);
 *              `ratio` says how much reaches layer 1;
 *   stuck      neither: the loss stays where it is, with the likeliest cause —
 *                vanishing (layer 1's gradient < VANISHING_RATIO of the last layer's, now or at the start),
 *                dead (≥ DEAD_SHARE of a ReLU layer never active), stalled (every gradient < STALLED_NORM),
 *                plateau (none of these).
 *
 * A new reading replaces the shown one only after it has held for HOLD samples, and leaving `learned`
 * or a stuck reading takes a clearer change than entering it, so the line does not flicker while the
 * numbers wobble around a threshold. Before its first reading (MIN_SAMPLES samples)
 * it reports `notStarted` with the ratio at the initial weights: the slide's point, before any step.
 */
export type Diagnosis =
  | { readonly kind: 'notStarted'; readonly ratio: number }
  | { readonly kind: 'diverged'; readonly step: number }
  | { readonly kind: 'learned'; readonly accuracy: number; readonly ratio: number }
  | { readonly kind: 'learning'; readonly ratio: number }
  | { readonly kind: 'vanishing'; readonly ratio: number }
  | { readonly kind: 'dead'; readonly layer: number; readonly share: number }
  | { readonly kind: 'stalled'; readonly largest: number }
  | { readonly kind: 'plateau'; readonly loss: number; readonly accuracy: number };

export type DiagnosisKind = Diagnosis['kind'];

export const SAMPLE_EVERY = 10;
export const WINDOW = 30;
/** The first reading waits for this many samples: a trend needs a few points. */
export const MIN_SAMPLES = 10;
export const HOLD = 5;
export const LEARNED_ACCURACY = 0.95;
export const LEARNED_EXIT = 0.9;
/** Relative fall of the loss over the window (about 300 steps) that counts as still learning. */
export const IMPROVING_DROP = 0.02;
export const ACCURACY_RISE = 0.01;
/** The kinds that say a run is stuck, and how much clearer an improvement must be to leave them. */
export const STUCK_KINDS: readonly DiagnosisKind[] = ['vanishing', 'dead', 'stalled', 'plateau'];
export const STUCK_EXIT_FACTOR = 3;
/** The lab's classes are balanced, so ln 2 is the loss of always answering 50 %, and 0.5 its accuracy. */
export const CHANCE_LOSS = Math.LN2;
export const BEATS_CHANCE = 0.6;
/** Layer 1's gradient below 1/1000 of the last layer's: the input side learns a thousand times slower. */
export const VANISHING_RATIO = 1e-3;
/** Below this, every layer's gradient is too small to move the weights in any number of steps shown. */
export const STALLED_NORM = 1e-6;
export const DEAD_SHARE = 0.5;

export interface DiagnosisSample {
  readonly step: number;
  readonly loss: number;
  readonly accuracy: number;
  readonly gradNorms: ArrayLike<number>;
  /** One per hidden layer; only ReLU runs are judged on it. */
  readonly deadShares: ArrayLike<number>;
}

export interface DiagnosisTracker {
  add(sample: DiagnosisSample): void;
  /** Called once when the trainer stops a diverging run. */
  diverged(step: number): void;
  readonly current: Diagnosis;
}

/** Layer 1's gradient norm over the last layer's (1 when the last is 0: nothing to compare). */
export function firstToLastRatio(norms: ArrayLike<number>): number {
  const last = norms[norms.length - 1];
  return last > 0 ? norms[0] / last : 1;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function geometricMean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += Math.log(Math.max(v, Number.MIN_VALUE));
  return Math.exp(sum / values.length);
}

/** The reading of one window of samples; `initialRatio` is the ratio before any update. */
export function readWindow(window: readonly DiagnosisSample[], initialRatio: number, relu: boolean, shown: DiagnosisKind): Diagnosis {
  const latest = window[window.length - 1];
  const wasLearned = shown === 'learned';
  // A run shown as stuck must improve clearly before it is called learning again (a plateau creeps).
  const evidence = STUCK_KINDS.includes(shown) ? STUCK_EXIT_FACTOR : 1;
  const ratio = geometricMean(window.map((s) => firstToLastRatio(s.gradNorms)));
  const learnedAt = wasLearned ? LEARNED_EXIT : LEARNED_ACCURACY;
  if (latest.accuracy >= learnedAt) return { kind: 'learned', accuracy: latest.accuracy, ratio };
  const third = Math.max(1, Math.floor(window.length / 3));
  const before = median(window.slice(0, third).map((s) => s.loss));
  const after = median(window.slice(-third).map((s) => s.loss));
  const trend = window.length >= 2 * third;
  const accuracyBefore = median(window.slice(0, third).map((s) => s.accuracy));
  const accuracyAfter = median(window.slice(-third).map((s) => s.accuracy));
  const falling =
    trend && (after <= before * (1 - evidence * IMPROVING_DROP) || accuracyAfter >= accuracyBefore + evidence * ACCURACY_RISE);
  const beatsChance = after < CHANCE_LOSS * (1 - IMPROVING_DROP) || latest.accuracy >= BEATS_CHANCE;
  if (falling && beatsChance) return { kind: 'learning', ratio };
  if (Math.min(ratio, initialRatio) < VANISHING_RATIO) return { kind: 'vanishing', ratio: Math.min(ratio, initialRatio) };
  if (relu) {
    let layer = -1;
    for (let l = 0; l < latest.deadShares.length; l++) if (layer < 0 || latest.deadShares[l] > latest.deadShares[layer]) layer = l;
    if (layer >= 0 && latest.deadShares[layer] >= DEAD_SHARE) return { kind: 'dead', layer: layer + 1, share: latest.deadShares[layer] };
  }
  let largest = 0;
  for (let l = 0; l < latest.gradNorms.length; l++) largest = Math.max(largest, latest.gradNorms[l]);
  if (largest < STALLED_NORM) return { kind: 'stalled', largest };
  return { kind: 'plateau', loss: after, accuracy: latest.accuracy };
}

export function createDiagnosisTracker(initialGradNorms: ArrayLike<number>, relu: boolean): DiagnosisTracker {
  const initialRatio = firstToLastRatio(initialGradNorms);
  const window: DiagnosisSample[] = [];
  let current: Diagnosis = { kind: 'notStarted', ratio: initialRatio };
  let candidate: DiagnosisKind | null = null;
  let held = 0;
  return {
    add(sample) {
      if (current.kind === 'diverged') return;
      window.push(sample);
      if (window.length > WINDOW) window.shift();
      if (window.length < MIN_SAMPLES) return;
      const reading = readWindow(window, initialRatio, relu, current.kind);
      if (reading.kind === current.kind || current.kind === 'notStarted') {
        // Same reading (its numbers refresh) or the first one: shown at once.
        current = reading;
        candidate = null;
        held = 0;
        return;
      }
      held = reading.kind === candidate ? held + 1 : 1;
      candidate = reading.kind;
      if (held >= HOLD) {
        current = reading;
        candidate = null;
        held = 0;
      }
    },
    diverged(step) {
      current = { kind: 'diverged', step };
    },
    get current() {
      return current;
    },
  };
}
