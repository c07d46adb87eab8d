import type { ForwardPass, Mlp } from './mlp.ts';
import type { Sgd } from './sgd.ts';

/*
 * Per-layer numbers that make the vanishing gradient visible. Layer l is the l-th weight matrix,
 * from the input side; the last entry is the output layer.
 */

function euclideanNorm(values: Float64Array): number {
  let sumOfSquares = 0;
  for (let i = 0; i < values.length; i++) sumOfSquares += values[i] * values[i];
  return Math.sqrt(sumOfSquares);
}

/** ‖∂L/∂W_l‖ (Frobenius norm of each layer's weight gradient, biases left out), after `backward`. */
export function layerGradientNorms(mlp: Mlp): number[] {
  return mlp.layers.map((layer) => euclideanNorm(layer.weights.grad));
}

/** ‖ΔW_l‖ (Frobenius norm of how much each layer's weights moved in the optimizer's last step). */
export function layerUpdateNorms(mlp: Mlp, optimizer: Sgd): number[] {
  return mlp.layers.map((layer) => euclideanNorm(optimizer.lastUpdate(layer.weights)));
}

/**
 * For each hidden layer, the share (0–1) of units whose pre-activation is ≤ 0 for every sample
 * in the pass. Such a ReLU unit outputs 0 and passes back no gradient on this batch: it is dead.
 */
export function deadUnitShares(pass: ForwardPass): number[] {
  return pass.preActivations.map((z) => {
    const [rows, cols] = z.shape;
    let dead = 0;
    for (let c = 0; c < cols; c++) {
      let everInactive = true;
      for (let r = 0; r < rows && everInactive; r++) everInactive = z.data[r * cols + c] <= 0;
      if (everInactive) dead++;
    }
    return dead / cols;
  });
}
