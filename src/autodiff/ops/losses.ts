import { stableSigmoid, stableSoftplus } from '../stable.ts';
import { scalarResult, type Tensor } from '../tensor.ts';

function checkSameSize(a: Tensor, b: Tensor, op: string): void {
  if (a.size !== b.size) throw new RangeError(`${op}: ${a.size} predictions but ${b.size} targets`);
}

/** Mean squared error: mean((p − t)²) → scalar. Both arguments get gradients, unless one is data (a dataTensor). */
export function mse(prediction: Tensor, target: Tensor): Tensor {
  checkSameSize(prediction, target, 'mse');
  const n = prediction.size;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const d = prediction.data[i] - target.data[i];
    total += d * d;
  }
  return scalarResult(total / n, 'mse', mseBackward, prediction, target);
}

function mseBackward(out: Tensor): void {
  const prediction = out.inputs[0];
  const target = out.inputs[1];
  const n = prediction.size;
  const scale = (2 / n) * out.grad[0];
  for (let i = 0; i < n; i++) {
    const d = prediction.data[i] - target.data[i];
    if (prediction.requiresGrad) prediction.grad[i] += scale * d;
    if (target.requiresGrad) target.grad[i] -= scale * d;
  }
}

/**
 * Mean binary cross-entropy on logits z with labels y ∈ [0, 1], as one fused op:
 * −[y log σ(z) + (1−y) log(1−σ(z))] = softplus(z) − y·z, which stays finite at z = ±1000
 * (computing σ first and then its log would give log(0) = −∞). ∂/∂z = σ(z) − y, ∂/∂y = −z.
 */
export function bceWithLogits(logits: Tensor, labels: Tensor): Tensor {
  checkSameSize(logits, labels, 'bceWithLogits');
  const n = logits.size;
  let total = 0;
  for (let i = 0; i < n; i++) total += stableSoftplus(logits.data[i]) - labels.data[i] * logits.data[i];
  return scalarResult(total / n, 'bceWithLogits', bceWithLogitsBackward, logits, labels);
}

function bceWithLogitsBackward(out: Tensor): void {
  const logits = out.inputs[0];
  const labels = out.inputs[1];
  const n = logits.size;
  const scale = out.grad[0] / n;
  // Labels are data (a dataTensor): then their gradient is not computed at all.
  if (logits.requiresGrad) for (let i = 0; i < n; i++) logits.grad[i] += scale * (stableSigmoid(logits.data[i]) - labels.data[i]);
  if (labels.requiresGrad) for (let i = 0; i < n; i++) labels.grad[i] -= scale * logits.data[i];
}
