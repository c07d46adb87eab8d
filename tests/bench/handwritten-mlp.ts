import { type BenchActivation, type NetworkWorkload, type TrainingRunner, workloadStart } from './workloads.ts';

/*
 * The same training written by hand over preallocated Float64Arrays: no graph, no allocation per
 * step, fused bias/activation/derivative loops, and matrix kernels blocked four rows at a time
 * (each loaded weight row is used for four rows of the batch, each gradient row is read and
 * written once per four rows). This is the practical speed limit for plain JS; part of the bench only.
 */

const ROW_BLOCK = 4;

/** C[m×n] = bias row + A[m×k]·B[k×n]. */
function matmulAddBias(A: Float64Array, B: Float64Array, bias: Float64Array, C: Float64Array, m: number, k: number, n: number): void {
  let i = 0;
  for (; i + ROW_BLOCK <= m; i += ROW_BLOCK) {
    const c0 = i * n,
      c1 = c0 + n,
      c2 = c1 + n,
      c3 = c2 + n;
    for (let j = 0; j < n; j++) {
      C[c0 + j] = bias[j];
      C[c1 + j] = bias[j];
      C[c2 + j] = bias[j];
      C[c3 + j] = bias[j];
    }
    for (let p = 0; p < k; p++) {
      const a0 = A[i * k + p],
        a1 = A[(i + 1) * k + p],
        a2 = A[(i + 2) * k + p],
        a3 = A[(i + 3) * k + p];
      const b = p * n;
      for (let j = 0; j < n; j++) {
        const bpj = B[b + j];
        C[c0 + j] += a0 * bpj;
        C[c1 + j] += a1 * bpj;
        C[c2 + j] += a2 * bpj;
        C[c3 + j] += a3 * bpj;
      }
    }
  }
  for (; i < m; i++) {
    const c = i * n;
    for (let j = 0; j < n; j++) C[c + j] = bias[j];
    for (let p = 0; p < k; p++) {
      const a = A[i * k + p];
      const b = p * n;
      for (let j = 0; j < n; j++) C[c + j] += a * B[b + j];
    }
  }
}

/** dW[k×n] = Aᵀ·G and db[n] = column sums of G, for A[m×k], G[m×n]. */
function weightGradients(A: Float64Array, G: Float64Array, dW: Float64Array, db: Float64Array, m: number, k: number, n: number): void {
  dW.fill(0);
  db.fill(0);
  let i = 0;
  for (; i + ROW_BLOCK <= m; i += ROW_BLOCK) {
    const g0 = i * n,
      g1 = g0 + n,
      g2 = g1 + n,
      g3 = g2 + n;
    for (let j = 0; j < n; j++) db[j] += G[g0 + j] + G[g1 + j] + G[g2 + j] + G[g3 + j];
    for (let p = 0; p < k; p++) {
      const a0 = A[i * k + p],
        a1 = A[(i + 1) * k + p],
        a2 = A[(i + 2) * k + p],
        a3 = A[(i + 3) * k + p];
      const w = p * n;
      for (let j = 0; j < n; j++) dW[w + j] += a0 * G[g0 + j] + a1 * G[g1 + j] + a2 * G[g2 + j] + a3 * G[g3 + j];
    }
  }
  for (; i < m; i++) {
    const g = i * n;
    for (let j = 0; j < n; j++) db[j] += G[g + j];
    for (let p = 0; p < k; p++) {
      const a = A[i * k + p];
      const w = p * n;
      for (let j = 0; j < n; j++) dW[w + j] += a * G[g + j];
    }
  }
}

/** The derivative of the activation, from its output h (and input z, for relu). */
function activationSlope(activation: BenchActivation, h: number, z: number): number {
  if (activation === 'sigmoid') return h * (1 - h);
  if (activation === 'tanh') return 1 - h * h;
  return z > 0 ? 1 : 0;
}

/**
 * dZprev[m×k] = (G·Wᵀ) ⊙ f′: each entry is the dot product of a row of G with a row of W,
 * times the activation's slope there. Four rows of G share each loaded row of W.
 */
function previousLayerGradient(
  G: Float64Array,
  W: Float64Array,
  H: Float64Array,
  Z: Float64Array,
  dZ: Float64Array,
  m: number,
  k: number,
  n: number,
  activation: BenchActivation,
): void {
  let i = 0;
  for (; i + ROW_BLOCK <= m; i += ROW_BLOCK) {
    const g0 = i * n,
      g1 = g0 + n,
      g2 = g1 + n,
      g3 = g2 + n;
    for (let p = 0; p < k; p++) {
      const w = p * n;
      let s0 = 0,
        s1 = 0,
        s2 = 0,
        s3 = 0;
      for (let j = 0; j < n; j++) {
        const wpj = W[w + j];
        s0 += G[g0 + j] * wpj;
        s1 += G[g1 + j] * wpj;
        s2 += G[g2 + j] * wpj;
        s3 += G[g3 + j] * wpj;
      }
      const q0 = i * k + p,
        q1 = q0 + k,
        q2 = q1 + k,
        q3 = q2 + k;
      dZ[q0] = s0 * activationSlope(activation, H[q0], Z[q0]);
      dZ[q1] = s1 * activationSlope(activation, H[q1], Z[q1]);
      dZ[q2] = s2 * activationSlope(activation, H[q2], Z[q2]);
      dZ[q3] = s3 * activationSlope(activation, H[q3], Z[q3]);
    }
  }
  for (; i < m; i++) {
    const g = i * n;
    for (let p = 0; p < k; p++) {
      const w = p * n;
      let s = 0;
      for (let j = 0; j < n; j++) s += G[g + j] * W[w + j];
      const q = i * k + p;
      dZ[q] = s * activationSlope(activation, H[q], Z[q]);
    }
  }
}

function activate(activation: BenchActivation, Z: Float64Array, H: Float64Array): void {
  for (let i = 0; i < Z.length; i++) {
    const z = Z[i];
    if (activation === 'sigmoid') H[i] = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
    else if (activation === 'tanh') H[i] = Math.tanh(z);
    else H[i] = Math.max(z, 0);
  }
}

export function handwrittenRunner(workload: NetworkWorkload): TrainingRunner {
  const start = workloadStart(workload);
  const { sizes } = start;
  const rows = start.dataset.count;
  const layers = sizes.length - 1;
  const X = start.dataset.inputs;
  const labels = start.dataset.labels;
  const weights = start.weights.map((w) => Float64Array.from(w));
  const biases = start.biases.map((b) => Float64Array.from(b));
  const Z = sizes.slice(1).map((n) => new Float64Array(rows * n)); // pre-activations
  const H = sizes.slice(1).map((n) => new Float64Array(rows * n)); // activations (H of the last layer unused)
  const dZ = sizes.slice(1).map((n) => new Float64Array(rows * n));
  const dW = start.weights.map((w) => new Float64Array(w.length));
  const db = start.biases.map((b) => new Float64Array(b.length));
  const layerInput = (l: number) => (l === 0 ? X : H[l - 1]);

  /** Forward and backward; leaves the gradients in dW, db and returns the mean BCE. */
  function computeGradients(): number {
    for (let l = 0; l < layers; l++) {
      matmulAddBias(layerInput(l), weights[l], biases[l], Z[l], rows, sizes[l], sizes[l + 1]);
      if (l < layers - 1) activate(workload.activation, Z[l], H[l]);
    }
    const logits = Z[layers - 1];
    const dLogits = dZ[layers - 1];
    let loss = 0;
    for (let i = 0; i < rows; i++) {
      const z = logits[i];
      loss += Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z))) - labels[i] * z;
      const s = z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z));
      dLogits[i] = (s - labels[i]) / rows;
    }
    for (let l = layers - 1; l >= 0; l--) {
      weightGradients(layerInput(l), dZ[l], dW[l], db[l], rows, sizes[l], sizes[l + 1]);
      if (l > 0) previousLayerGradient(dZ[l], weights[l], H[l - 1], Z[l - 1], dZ[l - 1], rows, sizes[l], sizes[l + 1], workload.activation);
    }
    return loss / rows;
  }

  return {
    reset() {
      weights.forEach((w, l) => {
        w.set(start.weights[l]);
      });
      biases.forEach((b, l) => {
        b.set(start.biases[l]);
      });
    },
    step() {
      const loss = computeGradients();
      for (let l = 0; l < layers; l++) {
        const w = weights[l],
          g = dW[l],
          b = biases[l],
          gb = db[l];
        for (let i = 0; i < w.length; i++) w[i] -= workload.learningRate * g[i];
        for (let i = 0; i < b.length; i++) b[i] -= workload.learningRate * gb[i];
      }
      return loss;
    },
    gradientNorms() {
      computeGradients();
      return dW.map((g) => Math.sqrt(g.reduce((s, v) => s + v * v, 0)));
    },
  };
}

/** W3 by hand: the chain rule written out for this one expression. Returns [∂Φ/∂a, ∂Φ/∂b]. */
export function handwrittenWorkedExample(x: number, t: number, a: number, b: number): [number, number] {
  const x1 = a * x + 5;
  const y = b * x1 + 3;
  const dPhiDy = 2 * (y - t);
  return [dPhiDy * b * x, dPhiDy * x1];
}
