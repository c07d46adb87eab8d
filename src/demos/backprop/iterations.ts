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

/** Records 0…`iterations`: record k is the state after k updates (record 0: the initial a, b). */
export function descentHistory(start: WorkedInputs, rates: LearningRates, iterations: number): IterationRecord[] {
  const records = [evaluate(start)];
  for (let k = 0; k < iterations; k++) {
    const last = records[k];
    records.push(evaluate({
      ...start,
      a: updateParameter(last.a, rates.a, last.gradA),
      b: updateParameter(last.b, rates.b, last.gradB),
    }));
  }
  return records;
}
