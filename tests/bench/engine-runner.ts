import { add, BufferPool, backward, bceWithLogits, mul, pow, reusingBuffers, scalar, sub, zeroGrad } from '../../src/autodiff/index.ts';
import { datasetTensors } from '../../src/nn/datasets.ts';
import { layerGradientNorms } from '../../src/nn/diagnostics.ts';
import { createMlp, forward, mlpParameters } from '../../src/nn/mlp.ts';
import { Sgd } from '../../src/nn/sgd.ts';
import { trainStep } from '../../src/nn/training.ts';
import { type NetworkWorkload, type TrainingRunner, WORKED_EXAMPLE, type WorkedExampleStep, workloadStart } from './workloads.ts';

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

/**
 * W3 with the engine: the graph the backprop demo draws (x, t, a, b as leaves with gradients, the
 * numbers 5 and 3 as 'const' nodes), rebuilt every step in a pool as the lab's steps are, and an Sgd update.
 */
export function engineWorkedExample(): WorkedExampleStep {
  const { x, t, a, b, learningRate } = WORKED_EXAMPLE;
  const leaves = [scalar(x, 'x'), scalar(t, 't'), scalar(a, 'a'), scalar(b, 'b')];
  const [X, T, A, B] = leaves;
  const sgd = new Sgd([A, B], { learningRate });
  const pool = new BufferPool();
  const result = new Float64Array(4);
  const forwardAndBackward = () => backward(pow(sub(add(mul(B, add(mul(A, X), 5)), 3), T), 2));
  return () => {
    A.data[0] = a;
    B.data[0] = b;
    zeroGrad(leaves);
    reusingBuffers(pool, forwardAndBackward);
    result[0] = A.grad[0];
    result[1] = B.grad[0];
    sgd.step();
    result[2] = A.data[0];
    result[3] = B.data[0];
    return result;
  };
}
