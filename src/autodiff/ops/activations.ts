import { stableSigmoid, stableSoftplus } from '../stable.ts';
import { opResult, type Tensor, withAttribute } from '../tensor.ts';

/*
 * Activation functions, elementwise. Each op computes its output and, right below it, its
 * backward step with the local chain rule: input.grad += f′(x) · out.grad.
 * At a kink the derivative is the one on the right of x ≤ 0 / x > 0:
 * relu′(0) = 0, leakyRelu′(0) = α, elu′(0) = α. A NaN input gives a NaN value and a NaN gradient.
 */

export function sigmoid(x: Tensor): Tensor {
  const n = x.size;
  const out = opResult('sigmoid', x.shape, n, sigmoidBackward, x);
  const y = out.data;
  for (let i = 0; i < n; i++) y[i] = stableSigmoid(x.data[i]);
  return out;
}

// A one-input op's result is recorded only when its input needs a gradient, so x.grad is there.
function sigmoidBackward(out: Tensor): void {
  const x = out.inputs[0];
  const { data: y, grad: g } = out;
  // σ′ = σ(1 − σ), from the output itself: at most 0.25, the root of the vanishing gradient.
  for (let i = 0; i < g.length; i++) x.grad[i] += y[i] * (1 - y[i]) * g[i];
}

export function tanh(x: Tensor): Tensor {
  const n = x.size;
  const out = opResult('tanh', x.shape, n, tanhBackward, x);
  const y = out.data;
  for (let i = 0; i < n; i++) y[i] = Math.tanh(x.data[i]);
  return out;
}

function tanhBackward(out: Tensor): void {
  const x = out.inputs[0];
  const { data: y, grad: g } = out;
  // tanh′ = 1 − tanh², at most 1 (at 0).
  for (let i = 0; i < g.length; i++) x.grad[i] += (1 - y[i] * y[i]) * g[i];
}

export function relu(x: Tensor): Tensor {
  const n = x.size;
  const out = opResult('relu', x.shape, n, reluBackward, x);
  const y = out.data;
  // Math.max keeps NaN; `x > 0 ? x : 0` would turn it into 0.
  for (let i = 0; i < n; i++) y[i] = Math.max(x.data[i], 0);
  return out;
}

function reluBackward(out: Tensor): void {
  const x = out.inputs[0];
  const g = out.grad;
  for (let i = 0; i < g.length; i++) {
    const xi = x.data[i];
    // Slope 1 passes the gradient on; slope 0 (x ≤ 0, relu′(0) = 0 by convention) passes nothing,
    // not even 0·∞ = NaN, as a switch that is off should; a NaN input gives a NaN gradient.
    if (xi > 0) x.grad[i] += g[i];
    else if (!(xi <= 0)) x.grad[i] = Number.NaN;
  }
}

/** x for x > 0, αx otherwise (α = 0.01 by default): negative inputs keep a small gradient. */
export function leakyRelu(x: Tensor, alpha = 0.01): Tensor {
  const n = x.size;
  const out = withAttribute(alpha, 'leakyRelu', x.shape, n, leakyReluBackward, x);
  const y = out.data;
  for (let i = 0; i < n; i++) {
    const xi = x.data[i];
    y[i] = xi > 0 ? xi : alpha * xi;
  }
  return out;
}

function leakyReluBackward(out: Tensor): void {
  const x = out.inputs[0];
  const { attribute: alpha, grad: g } = out;
  for (let i = 0; i < g.length; i++) {
    const xi = x.data[i];
    const slope = xi > 0 ? 1 : xi <= 0 ? alpha : NaN; // leakyRelu′(0) = α
    x.grad[i] += slope * g[i];
  }
}

/** x for x > 0, α(eˣ − 1) otherwise (α = 1 by default; then smooth at 0 with slope 1). */
export function elu(x: Tensor, alpha = 1): Tensor {
  const n = x.size;
  const out = withAttribute(alpha, 'elu', x.shape, n, eluBackward, x);
  const y = out.data;
  for (let i = 0; i < n; i++) {
    const xi = x.data[i];
    y[i] = xi > 0 ? xi : alpha * Math.expm1(xi); // expm1 keeps precision near 0
  }
  return out;
}

function eluBackward(out: Tensor): void {
  const x = out.inputs[0];
  const { attribute: alpha, grad: g } = out;
  for (let i = 0; i < g.length; i++) {
    const xi = x.data[i];
    const slope = xi > 0 ? 1 : alpha * Math.exp(xi); // elu′(0) = α; NaN stays NaN through exp
    x.grad[i] += slope * g[i];
  }
}

const SQRT_2_OVER_PI = Math.sqrt(2 / Math.PI);
const GELU_CUBIC = 0.044715;

/** tanh(√(2/π)(x + 0.044715x³)): GELU's inner curve, computed by the op and again by its backward step. */
const geluTanh = (x: number): number => Math.tanh(SQRT_2_OVER_PI * (x + GELU_CUBIC * x * x * x));

/**
 * GELU in its tanh approximation (Hendrycks & Gimpel; the form used by GPT-2 and BERT):
 * gelu(x) = ½x(1 + tanh(√(2/π)(x + 0.044715x³))). Not the exact x·Φ(x) form: JS has no erf.
 */
export function gelu(x: Tensor): Tensor {
  const n = x.size;
  const out = opResult('gelu', x.shape, n, geluBackward, x);
  const y = out.data;
  for (let i = 0; i < n; i++) y[i] = 0.5 * x.data[i] * (1 + geluTanh(x.data[i]));
  return out;
}

function geluBackward(out: Tensor): void {
  const x = out.inputs[0];
  const g = out.grad;
  for (let i = 0; i < g.length; i++) {
    const xi = x.data[i];
    const t = geluTanh(xi);
    const sech2 = 1 - t * t;
    // When tanh has saturated (sech² = 0) the second term is 0; skipping it avoids 0 · ∞ for huge |x|.
    const curve = sech2 === 0 ? 0 : 0.5 * xi * sech2 * SQRT_2_OVER_PI * (1 + 3 * GELU_CUBIC * xi * xi);
    x.grad[i] += (0.5 * (1 + t) + curve) * g[i];
  }
}

/** SiLU / swish: x·σ(x). */
export function silu(x: Tensor): Tensor {
  const n = x.size;
  const out = opResult('silu', x.shape, n, siluBackward, x);
  const y = out.data;
  for (let i = 0; i < n; i++) y[i] = x.data[i] * stableSigmoid(x.data[i]);
  return out;
}

function siluBackward(out: Tensor): void {
  const x = out.inputs[0];
  const g = out.grad;
  // (xσ)′ = σ + xσ(1 − σ)
  for (let i = 0; i < g.length; i++) {
    const s = stableSigmoid(x.data[i]);
    x.grad[i] += (s + x.data[i] * s * (1 - s)) * g[i];
  }
}

/** softplus(x) = log(1 + eˣ), a smooth relu; its derivative is σ(x). */
export function softplus(x: Tensor): Tensor {
  const n = x.size;
  const out = opResult('softplus', x.shape, n, softplusBackward, x);
  const y = out.data;
  for (let i = 0; i < n; i++) y[i] = stableSoftplus(x.data[i]);
  return out;
}

function softplusBackward(out: Tensor): void {
  const x = out.inputs[0];
  for (let i = 0; i < out.grad.length; i++) x.grad[i] += stableSigmoid(x.data[i]) * out.grad[i];
}
