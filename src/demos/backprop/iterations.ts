import { backward } from '../../autodiff/index.ts';
import { buildExpression, type WorkedInputs } from './expression.ts';

export interface LearningRates {
  readonly a: number;
  readonly b: number;
}

/** One pass of the loop: Φ and its gradients at the parameters of that iteration. */
export interface IterationRecord {
  readonly a: number;
  readonly b: number;
  readonly phi: number;
  readonly gradA: number;
  readonly gradB: number;
}

/** The slides' update rule: p_new = p − α ∂Φ/∂p. */
export function updateParameter(value: number, rate: number, gradient: number): number {
  return value - rate * gradient;
}

/** Φ and ∂Φ/∂a, ∂Φ/∂b at these inputs, by the engine's forward and backward pass. */
export function evaluate(inputs: WorkedInputs): IterationRecord {
  const { a, b, phi } = buildExpression(inputs);
  backward(phi);
  return { a: inputs.a, b: inputs.b, phi: phi.item(), gradA: a.grad[0], gradB: b.grad[0] };
}

/** The record after one more update from `last`. */
function nextRecord(start: WorkedInputs, rates: LearningRates, last: IterationRecord): IterationRecord {
  return evaluate({
    ...start,
    a: updateParameter(last.a, rates.a, last.gradA),
    b: updateParameter(last.b, rates.b, last.gradB),
  });
}

/** Records 0…`iterations`: record k is the state after k updates (record 0: the initial a, b). Overflow included. */
export function descentHistory(start: WorkedInputs, rates: LearningRates, iterations: number): IterationRecord[] {
  const records = [evaluate(start)];
  for (let k = 0; k < iterations; k++) records.push(nextRecord(start, rates, records[k]));
  return records;
}

/**
 * How far Φ may grow past max(Φ₀, 1) before the run counts as diverged. On every state the
 * sliders reach (x a multiple of 0.5, not 0), a run that settles again never climbs above about
 * 10⁴ times its start, while a diverging one passes 10⁶ within a few updates and overflows a few
 * updates later (α = 0.03 from the slides' numbers: Φ = 4, 59, 635, 1.6×10⁴, 6.5×10⁸, … ∞).
 * So 10⁶ stops a divergence while its numbers still read as numbers, and never stops a run that
 * would recover. (Only a URL's x very near 0 can send Φ past it and back: a must then grow like 1/x.)
 */
export const DIVERGENCE_FACTOR = 1e6;

/** The largest Φ a run starting at Φ₀ may reach and still count as not diverged. */
export function divergenceLimit(phi0: number): number {
  return DIVERGENCE_FACTOR * Math.max(phi0, 1);
}

/** A record worth showing: every number finite and Φ within `limit`. */
export function isSensible(record: IterationRecord, limit: number): boolean {
  const { a, b, phi, gradA, gradB } = record;
  return [a, b, phi, gradA, gradB].every(Number.isFinite) && phi <= limit;
}

/** A run cut at its last sensible record. */
export interface Descent {
  /** Records 0…k, all sensible: k is the number of updates asked for, or fewer when the run diverges first. */
  readonly records: readonly IterationRecord[];
  /** The update that diverges (Φ past the limit, or a number not finite), when it is the one right after the last record; else null. */
  readonly divergesAt: number | null;
}

/**
 * Up to `iterations` updates, stopping before the first one that diverges. It looks one update
 * past `iterations`, so that a run whose next update diverges says so (nothing may step there).
 */
export function descend(start: WorkedInputs, rates: LearningRates, iterations: number): Descent {
  const records = [evaluate(start)];
  const limit = divergenceLimit(records[0].phi);
  for (let k = 0; k <= iterations; k++) {
    const next = nextRecord(start, rates, records[k]);
    if (!isSensible(next, limit)) return { records, divergesAt: k + 1 };
    if (k < iterations) records.push(next);
  }
  return { records, divergesAt: null };
}
