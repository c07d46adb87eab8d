import { backward, elu, gelu, leakyRelu, relu, sigmoid, silu, softplus, type Tensor, tanh, tensor } from '../autodiff/index.ts';

export type ActivationName = 'sigmoid' | 'tanh' | 'relu' | 'leakyRelu' | 'elu' | 'gelu' | 'silu' | 'softplus';

/** What plots, demos and training read about one activation. */
export interface Activation {
  readonly name: ActivationName;
  /** The engine op; plots and training both apply this, so a curve is what the network computes. */
  readonly apply: (x: Tensor) => Tensor;
  /** Display name in every demo, Japanese and English alike. */
  readonly label: string;
  /** KaTeX source of the function's name, as in `\sigma(x)`; formula and derivative start with it. */
  readonly symbol: string;
  /** KaTeX source of f(x). */
  readonly formula: string;
  /** KaTeX source of f′(x), including the value chosen at a kink. */
  readonly derivative: string;
}

export const LEAKY_RELU_ALPHA = 0.01;
export const ELU_ALPHA = 1;

/** The one activation table (name → op and display info). Formulas match the ops exactly. */
export const ACTIVATIONS: Readonly<Record<ActivationName, Activation>> = {
  sigmoid: {
    name: 'sigmoid',
    apply: sigmoid,
    label: 'sigmoid',
    symbol: '\\sigma',
    formula: '\\sigma(x) = \\frac{1}{1 + e^{-x}}',
    derivative: "\\sigma'(x) = \\sigma(x)\\,\\bigl(1 - \\sigma(x)\\bigr)",
  },
  tanh: {
    name: 'tanh',
    apply: tanh,
    label: 'tanh',
    symbol: '\\tanh',
    formula: '\\tanh(x) = \\frac{e^{x} - e^{-x}}{e^{x} + e^{-x}}',
    derivative: "\\tanh'(x) = 1 - \\tanh^2(x)",
  },
  relu: {
    name: 'relu',
    apply: relu,
    label: 'ReLU',
    symbol: '\\mathrm{ReLU}',
    formula: '\\mathrm{ReLU}(x) = \\max(0, x)',
    derivative: "\\mathrm{ReLU}'(x) = \\begin{cases} 1 & x > 0 \\\\ 0 & x \\le 0 \\end{cases}",
  },
  leakyRelu: {
    name: 'leakyRelu',
    apply: (x) => leakyRelu(x, LEAKY_RELU_ALPHA),
    label: 'Leaky ReLU',
    // Leaky ReLU has no usual symbol.
    symbol: 'f',
    formula: 'f(x) = \\begin{cases} x & x > 0 \\\\ 0.01\\,x & x \\le 0 \\end{cases}',
    derivative: "f'(x) = \\begin{cases} 1 & x > 0 \\\\ 0.01 & x \\le 0 \\end{cases}",
  },
  elu: {
    name: 'elu',
    apply: (x) => elu(x, ELU_ALPHA),
    label: 'ELU',
    symbol: '\\mathrm{ELU}',
    formula: '\\mathrm{ELU}(x) = \\begin{cases} x & x > 0 \\\\ e^{x} - 1 & x \\le 0 \\end{cases}',
    derivative: "\\mathrm{ELU}'(x) = \\begin{cases} 1 & x > 0 \\\\ e^{x} & x \\le 0 \\end{cases}",
  },
  gelu: {
    name: 'gelu',
    apply: gelu,
    label: 'GELU',
    symbol: '\\mathrm{GELU}',
    formula:
      '\\mathrm{GELU}(x) \\approx \\tfrac{1}{2}x\\bigl(1 + \\tanh u\\bigr),\\quad u = \\sqrt{2/\\pi}\\,\\bigl(x + 0.044715\\,x^{3}\\bigr)',
    derivative:
      "\\mathrm{GELU}'(x) \\approx \\tfrac{1}{2}\\bigl(1 + \\tanh u\\bigr) + \\tfrac{1}{2}x\\bigl(1 - \\tanh^2 u\\bigr)\\sqrt{2/\\pi}\\,\\bigl(1 + 3 \\cdot 0.044715\\,x^{2}\\bigr)",
  },
  silu: {
    name: 'silu',
    apply: silu,
    label: 'SiLU (swish)',
    symbol: '\\mathrm{SiLU}',
    formula: '\\mathrm{SiLU}(x) = x\\,\\sigma(x)',
    derivative: "\\mathrm{SiLU}'(x) = \\sigma(x)\\,\\bigl(1 + x\\,(1 - \\sigma(x))\\bigr)",
  },
  softplus: {
    name: 'softplus',
    apply: softplus,
    label: 'softplus',
    symbol: '\\mathrm{softplus}',
    formula: '\\mathrm{softplus}(x) = \\log\\bigl(1 + e^{x}\\bigr)',
    derivative: "\\mathrm{softplus}'(x) = \\sigma(x) = \\frac{1}{1 + e^{-x}}",
  },
};

export const ACTIVATION_NAMES: readonly ActivationName[] = Object.freeze(Object.keys(ACTIVATIONS) as ActivationName[]);

export function isActivationName(name: string): name is ActivationName {
  return Object.hasOwn(ACTIVATIONS, name);
}

/**
 * f(x) and f′(x) at each x, both computed by the engine: the values by the op's forward pass,
 * the derivatives by `backward()` (seeding every output with 1 gives f′(xᵢ) at each xᵢ,
 * because each output depends only on its own input).
 */
export function sampleActivation(name: ActivationName, xs: ArrayLike<number>): { y: Float64Array; dy: Float64Array } {
  const x = tensor(xs);
  const out = ACTIVATIONS[name].apply(x);
  backward(out);
  return { y: out.data, dy: x.grad };
}
