import * as tf from '@tensorflow/tfjs';
import {
  type BenchActivation,
  type NetworkWorkload,
  type TrainingRunner,
  WORKED_EXAMPLE,
  type WorkedExampleStep,
  workloadStart,
} from './workloads.ts';

/*
 * The same training in TensorFlow.js on its pure-JS cpu backend (float32). Importing
 * '@tensorflow/tfjs' (not only tfjs-core) registers the cpu kernels and the gradient definitions in Node.
 */

export async function useTfjsCpuBackend(): Promise<void> {
  await tf.setBackend('cpu');
  await tf.ready();
}

const ACTIVATE: Record<BenchActivation, (z: tf.Tensor) => tf.Tensor> = {
  sigmoid: (z) => tf.sigmoid(z),
  tanh: (z) => tf.tanh(z),
  relu: (z) => tf.relu(z),
};

export function tfjsRunner(workload: NetworkWorkload): TrainingRunner {
  const start = workloadStart(workload);
  const { sizes } = start;
  const rows = start.dataset.count;
  const X = tf.tensor2d(Float32Array.from(start.dataset.inputs), [rows, 2]);
  const Y = tf.tensor2d(Float32Array.from(start.dataset.labels), [rows, 1]);
  const weights = start.weights.map((w, l) => tf.variable(tf.tensor2d(Float32Array.from(w), [sizes[l], sizes[l + 1]])));
  const biases = start.biases.map((b) => tf.variable(tf.tensor1d(Float32Array.from(b))));
  const optimizer = tf.train.sgd(workload.learningRate);
  const variables = [...weights, ...biases];

  const loss = (): tf.Scalar => {
    let h: tf.Tensor = X;
    for (let l = 0; l < weights.length; l++) {
      const z = tf.add(tf.matMul(h as tf.Tensor2D, weights[l]), biases[l]);
      h = l < weights.length - 1 ? ACTIVATE[workload.activation](z) : z;
    }
    return tf.losses.sigmoidCrossEntropy(Y, h) as tf.Scalar; // mean over points, stable on logits
  };

  return {
    reset() {
      tf.tidy(() => {
        weights.forEach((w, l) => {
          w.assign(tf.tensor2d(Float32Array.from(start.weights[l]), [sizes[l], sizes[l + 1]]));
        });
        biases.forEach((b, l) => {
          b.assign(tf.tensor1d(Float32Array.from(start.biases[l])));
        });
      });
    },
    step() {
      const cost = optimizer.minimize(loss, true, variables)!;
      const value = cost.dataSync()[0];
      cost.dispose();
      return value;
    },
    gradientNorms() {
      return tf.tidy(() => {
        const { grads } = tf.variableGrads(loss, weights);
        return weights.map((w) => tf.norm(grads[w.name]).dataSync()[0]);
      });
    },
  };
}

/** W3 in tfjs: four scalars, the expression and its gradients each step; a and b kept as numbers and updated in JS. */
const workedExampleGradients = tf.grads((x: tf.Tensor, t: tf.Tensor, a: tf.Tensor, b: tf.Tensor) =>
  tf.square(tf.sub(tf.add(tf.mul(b, tf.add(tf.mul(a, x), 5)), 3), t)),
);

export function tfjsWorkedExample(): WorkedExampleStep {
  const { x, t, learningRate } = WORKED_EXAMPLE;
  const result = new Float64Array(4);
  return () => {
    const a = WORKED_EXAMPLE.a;
    const b = WORKED_EXAMPLE.b;
    tf.tidy(() => {
      const grads = workedExampleGradients([tf.scalar(x), tf.scalar(t), tf.scalar(a), tf.scalar(b)]);
      result[0] = grads[2].dataSync()[0];
      result[1] = grads[3].dataSync()[0];
    });
    result[2] = a - learningRate * result[0];
    result[3] = b - learningRate * result[1];
    return result;
  };
}
