import type { Random } from './random.ts';

export type InitializerName = 'xavier' | 'he' | 'normal' | 'smallUniform';

export interface Initializer {
  readonly name: InitializerName;
  readonly label: string;
  /** KaTeX source of the distribution each weight is drawn from. */
  readonly formula: string;
  /** One weight of a layer with `fanIn` inputs and `fanOut` outputs. */
  readonly sample: (fanIn: number, fanOut: number, random: Random) => number;
}

export const SMALL_UNIFORM_LIMIT = 0.5;

/** How the first weights are drawn; biases always start at 0. */
export const INITIALIZERS: Readonly<Record<InitializerName, Initializer>> = {
  xavier: {
    name: 'xavier',
    label: 'Xavier / Glorot',
    // Keeps the variance of activations and of gradients roughly equal across layers for sigmoid/tanh.
    formula:
      'w \\sim U\\!\\left(-\\sqrt{\\tfrac{6}{n_{\\mathrm{in}} + n_{\\mathrm{out}}}},\\ \\sqrt{\\tfrac{6}{n_{\\mathrm{in}} + n_{\\mathrm{out}}}}\\right)',
    sample: (fanIn, fanOut, random) => {
      const limit = Math.sqrt(6 / (fanIn + fanOut));
      return random.uniform(-limit, limit);
    },
  },
  he: {
    name: 'he',
    label: 'He',
    // ReLU zeroes half of its inputs, so the variance is doubled to keep the signal's scale.
    formula: 'w \\sim \\mathcal{N}\\!\\left(0,\\ \\tfrac{2}{n_{\\mathrm{in}}}\\right)',
    sample: (fanIn, _fanOut, random) => random.normal(0, Math.sqrt(2 / fanIn)),
  },
  normal: {
    name: 'normal',
    label: 'standard normal',
    formula: 'w \\sim \\mathcal{N}(0,\\ 1)',
    sample: (_fanIn, _fanOut, random) => random.normal(),
  },
  smallUniform: {
    name: 'smallUniform',
    label: 'small uniform',
    // The range TensorFlow Playground uses (Math.random() − 0.5).
    formula: 'w \\sim U(-0.5,\\ 0.5)',
    sample: (_fanIn, _fanOut, random) => random.uniform(-SMALL_UNIFORM_LIMIT, SMALL_UNIFORM_LIMIT),
  },
};

export const INITIALIZER_NAMES: readonly InitializerName[] = Object.freeze(Object.keys(INITIALIZERS) as InitializerName[]);
