import { add, BufferPool, backward, bceWithLogits, mul, pow, reusingBuffers, scalar, sub, zeroGrad } from '../../src/autodiff/index.ts';
import { datasetTensors } from '../../src/nn/datasets.ts';
import { layerGradientNorms } from '../../src/nn/diagnostics.ts';
import { createMlp, forward, mlpParameters } from '../../src/nn/mlp.ts';
import { Sgd } from '../../src/nn/sgd.ts';
import { trainStep } from '../../src/nn/training.ts';
import { type NetworkWorkload, type TrainingRunner, WORKED_EXAMPLE, workloadStart } from './workloads.ts';

/** This project's engine, through the same src/nn path (and buffer reuse) the training lab uses. */
export function engineRunner(workload: NetworkWorkload): TrainingRunner {
  const start = workloadStart(workload);
  const mlp = createMlp(workload);
  const parameters = mlpParameters(mlp);
  const batch = datasetTensors(start.dataset);
  const sgd = new Sgd(parameters, { learningRate: workload.learningRate });
  const buffers = new BufferPool();
  return {
    reset() {
      mlp.layers.forEach((layer, l) => {
        layer.weights.data.set(start.weights[l]);
        layer.bias.data.set(start.biases[l]);
      });
    },
    step: () => reusingBuffers(buffers, () => trainStep(mlp, sgd, batch).loss),
    gradientNorms() {
      zeroGrad(parameters);
      backward(bceWithLogits(forward(mlp, batch.inputs).logits, batch.labels));
      return layerGradientNorms(mlp);
    },
  };
}

/** W3 with the engine: build the graph, run forward, run backward. Returns [∂Φ/∂a, ∂Φ/∂b]. */
export function engineWorkedExample(): [number, number] {
  const x = scalar(WORKED_EXAMPLE.x);
  const t = scalar(WORKED_EXAMPLE.t);
  const a = scalar(WORKED_EXAMPLE.a);
  const b = scalar(WORKED_EXAMPLE.b);
  const x1 = add(mul(a, x), 5);
  const y = add(mul(b, x1), 3);
  backward(pow(sub(y, t), 2));
  return [a.grad[0], b.grad[0]];
}
