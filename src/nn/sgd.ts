import type { Tensor } from '../autodiff/index.ts';

export interface SgdOptions {
  readonly learningRate: number;
  /** 0 is plain gradient descent. */
  readonly momentum?: number;
}

/**
 * Stochastic gradient descent with (classical) momentum: v ← μv − η∇w, then w ← w + v.
 * Keeps each parameter's last update Δw = v, so the training lab can show how far each layer moved.
 */
export class Sgd {
  readonly parameters: readonly Tensor[];
  learningRate: number;
  momentum: number;
  /** One per parameter, in the same order (an array, not a Map: a step looks nothing up). */
  private readonly velocities: readonly Float64Array[];

  constructor(parameters: readonly Tensor[], options: SgdOptions) {
    this.parameters = parameters;
    this.learningRate = options.learningRate;
    this.momentum = options.momentum ?? 0;
    this.velocities = parameters.map((p) => new Float64Array(p.size));
  }

  /** Applies one update from the gradients currently in `.grad`. */
  step(): void {
    for (let k = 0; k < this.parameters.length; k++) {
      const p = this.parameters[k];
      const v = this.velocities[k];
      for (let i = 0; i < v.length; i++) {
        v[i] = this.momentum * v[i] - this.learningRate * p.grad[i];
        p.data[i] += v[i];
      }
    }
  }

  /** Δw of the last `step()` for `parameter` (zeros before the first step). */
  lastUpdate(parameter: Tensor): Float64Array {
    const v = this.velocities[this.parameters.indexOf(parameter)];
    if (v === undefined) throw new Error(`parameter ${parameter.label || '(unnamed)'} is not optimized by this Sgd`);
    return v;
  }
}
