import {
  type BenchActivation,
  type NetworkWorkload,
  type TrainingRunner,
  WORKED_EXAMPLE,
  type WorkedExampleStep,
  workloadStart,
} from './workloads.ts';

/*
 * A micrograd-style scalar-graph engine, for comparison only: a plain reimplementation of the
 * design of Karpathy's micrograd (engine.py), not part of this project's engine. One object per
 * number holds its value, its gradient, its inputs and a closure with its local chain rule;
 * backward() sorts the graph topologically (depth-first, with a Set of visited nodes) and calls
 * the closures in reverse order. Like micrograd, numbers are wrapped into Values and
 * a − b is a + (b·−1). Written plainly, without tricks: its speed is what this design costs.
 */

const NO_INPUTS: readonly Value[] = [];
const nothingToPropagate = () => {};

class Value {
  data: number;
  grad = 0;
  readonly inputs: readonly Value[];
  /** Adds this value's gradient, times its local derivatives, into its inputs' gradients. */
  propagate: () => void = nothingToPropagate;

  constructor(data: number, inputs: readonly Value[] = NO_INPUTS) {
    this.data = data;
    this.inputs = inputs;
  }

  add(other: Value | number): Value {
    const that = asValue(other);
    const out = new Value(this.data + that.data, [this, that]);
    out.propagate = () => {
      this.grad += out.grad;
      that.grad += out.grad;
    };
    return out;
  }

  mul(other: Value | number): Value {
    const that = asValue(other);
    const out = new Value(this.data * that.data, [this, that]);
    out.propagate = () => {
      this.grad += that.data * out.grad;
      that.grad += this.data * out.grad;
    };
    return out;
  }

  pow(exponent: number): Value {
    const out = new Value(this.data ** exponent, [this]);
    out.propagate = () => {
      this.grad += exponent * this.data ** (exponent - 1) * out.grad;
    };
    return out;
  }

  neg(): Value {
    return this.mul(-1);
  }

  sub(other: Value | number): Value {
    return this.add(asValue(other).neg());
  }

  sigmoid(): Value {
    const s = 1 / (1 + Math.exp(-this.data));
    const out = new Value(s, [this]);
    out.propagate = () => {
      this.grad += s * (1 - s) * out.grad;
    };
    return out;
  }

  tanh(): Value {
    const t = Math.tanh(this.data);
    const out = new Value(t, [this]);
    out.propagate = () => {
      this.grad += (1 - t * t) * out.grad;
    };
    return out;
  }

  relu(): Value {
    const out = new Value(Math.max(this.data, 0), [this]);
    out.propagate = () => {
      this.grad += (out.data > 0 ? 1 : 0) * out.grad;
    };
    return out;
  }

  exp(): Value {
    const out = new Value(Math.exp(this.data), [this]);
    out.propagate = () => {
      this.grad += out.data * out.grad;
    };
    return out;
  }

  log(): Value {
    const out = new Value(Math.log(this.data), [this]);
    out.propagate = () => {
      this.grad += (1 / this.data) * out.grad;
    };
    return out;
  }

  /** Gradients of this value with respect to every value it was computed from, added into their `grad`. */
  backward(): void {
    const order: Value[] = [];
    const visited = new Set<Value>();
    const visit = (v: Value) => {
      if (visited.has(v)) return;
      visited.add(v);
      for (const input of v.inputs) visit(input);
      order.push(v);
    };
    visit(this);
    this.grad = 1;
    for (let i = order.length - 1; i >= 0; i--) order[i].propagate();
  }
}

function asValue(x: Value | number): Value {
  return x instanceof Value ? x : new Value(x);
}

const ACTIVATE: Record<BenchActivation, (z: Value) => Value> = {
  sigmoid: (z) => z.sigmoid(),
  tanh: (z) => z.tanh(),
  relu: (z) => z.relu(),
};

/**
 * The same training as the engine's (mean BCE on the logit, full batch, plain gradient descent),
 * with one Value per weight and per intermediate number. Each point's share of the loss,
 * BCE/count, is its own graph and its backward() adds into the weights' grads, which micrograd
 * accumulates: together they give the full-batch gradient. One graph for a whole W2 batch would
 * hold about 17 M nodes, more than a JavaScript Set can (2²⁴).
 */
export function microgradRunner(workload: NetworkWorkload): TrainingRunner {
  const start = workloadStart(workload);
  const { sizes } = start;
  const rows = start.dataset.count;
  const { inputs, labels } = start.dataset;
  const activate = ACTIVATE[workload.activation];
  // Row-major [fanIn, fanOut] like WorkloadStart: unit j of layer l has weights[l][p·fanOut + j].
  const weights = start.weights.map((w) => Array.from(w, (x) => new Value(x)));
  const biases = start.biases.map((b) => Array.from(b, (x) => new Value(x)));
  const parameters = [...weights.flat(), ...biases.flat()];

  /** The logit of point i; each unit is b + Σ wₚ·xₚ, as micrograd's Neuron computes it. */
  function logit(i: number): Value {
    let x = [new Value(inputs[2 * i]), new Value(inputs[2 * i + 1])];
    for (let l = 0; l < weights.length; l++) {
      const fanOut = sizes[l + 1];
      const next: Value[] = [];
      for (let j = 0; j < fanOut; j++) {
        let z = biases[l][j];
        for (let p = 0; p < x.length; p++) z = z.add(weights[l][p * fanOut + j].mul(x[p]));
        next.push(l < weights.length - 1 ? activate(z) : z);
      }
      x = next;
    }
    return x[0];
  }

  /** Leaves ∂L/∂parameter in each parameter's grad and returns the mean BCE. */
  function computeGradients(): number {
    for (const p of parameters) p.grad = 0;
    let loss = 0;
    for (let i = 0; i < rows; i++) {
      const z = logit(i);
      // BCE on a logit: log(1 + eᶻ) − y·z.
      const share = z
        .exp()
        .add(1)
        .log()
        .sub(z.mul(labels[i]))
        .mul(1 / rows);
      share.backward();
      loss += share.data;
    }
    return loss;
  }

  return {
    reset() {
      weights.forEach((w, l) => {
        w.forEach((v, i) => {
          v.data = start.weights[l][i];
        });
      });
      biases.forEach((b, l) => {
        b.forEach((v, i) => {
          v.data = start.biases[l][i];
        });
      });
    },
    step() {
      const loss = computeGradients();
      for (const p of parameters) p.data -= workload.learningRate * p.grad;
      return loss;
    },
    gradientNorms() {
      computeGradients();
      return weights.map((w) => Math.sqrt(w.reduce((sum, v) => sum + v.grad * v.grad, 0)));
    },
  };
}

/** W3 micrograd-style: Values a, b, x, t kept between steps, the graph rebuilt each step, a plain update. */
export function microgradWorkedExample(): WorkedExampleStep {
  const { learningRate } = WORKED_EXAMPLE;
  const x = new Value(WORKED_EXAMPLE.x);
  const t = new Value(WORKED_EXAMPLE.t);
  const a = new Value(WORKED_EXAMPLE.a);
  const b = new Value(WORKED_EXAMPLE.b);
  const result = new Float64Array(4);
  return () => {
    a.data = WORKED_EXAMPLE.a;
    b.data = WORKED_EXAMPLE.b;
    x.grad = t.grad = a.grad = b.grad = 0;
    const y = b.mul(a.mul(x).add(5)).add(3);
    y.sub(t).pow(2).backward();
    result[0] = a.grad;
    result[1] = b.grad;
    a.data -= learningRate * a.grad;
    b.data -= learningRate * b.grad;
    result[2] = a.data;
    result[3] = b.data;
    return result;
  };
}
