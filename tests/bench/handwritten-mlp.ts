import {
  type BenchActivation,
  type NetworkWorkload,
  type TrainingRunner,
  WORKED_EXAMPLE,
  type WorkedExampleStep,
  workloadStart,
} from './workloads.ts';

/*
 * The same training written by hand over preallocated Float64Arrays: no graph, no allocation per
 * step, fused bias/activation/derivative loops, and matrix kernels that compute a 2×4 tile of
 * outputs at a time in eight local variables, which the JIT keeps in registers across the whole
 * inner dimension: each step of it loads 2 + 4 numbers for 8 multiply-adds, and each output is
 * written once. This is the practical speed limit for plain JS; part of the bench only.
 */

const TILE_ROWS = 2;
const TILE_COLUMNS = 4;

/** Σₜ X[x + t·xStride] · Y[y + t·yStride] for t < length: one output the tiles leave out. */
function dot(X: Float64Array, x: number, xStride: number, Y: Float64Array, y: number, yStride: number, length: number): number {
  let sum = 0;
  for (let t = 0; t < length; t++) sum += X[x + t * xStride] * Y[y + t * yStride];
  return sum;
}

/**
 * Calls `visit(i, j)` for each entry of an m×n output that no full 2×4 tile covers: the last
 * n mod 4 columns, and the last row when m is odd (the output layer's single column, for one).
 */
function forEachEntryOutsideTiles(m: number, n: number, visit: (i: number, j: number) => void): void {
  const tiledRows = m - (m % TILE_ROWS);
  const tiledColumns = n - (n % TILE_COLUMNS);
  for (let i = 0; i < tiledRows; i++) for (let j = tiledColumns; j < n; j++) visit(i, j);
  for (let i = tiledRows; i < m; i++) for (let j = 0; j < n; j++) visit(i, j);
}

/** C[m×n] = bias row + A[m×k]·B[k×n]: rows i, i+1 of A meet columns j…j+3 of B along p. */
function matmulAddBias(A: Float64Array, B: Float64Array, bias: Float64Array, C: Float64Array, m: number, k: number, n: number): void {
  for (let i = 0; i + TILE_ROWS <= m; i += TILE_ROWS) {
    const a0 = i * k,
      a1 = a0 + k;
    for (let j = 0; j + TILE_COLUMNS <= n; j += TILE_COLUMNS) {
      let c00 = 0,
        c01 = 0,
        c02 = 0,
        c03 = 0,
        c10 = 0,
        c11 = 0,
        c12 = 0,
        c13 = 0;
      for (let p = 0; p < k; p++) {
        const x0 = A[a0 + p],
          x1 = A[a1 + p];
        const b = p * n + j;
        const y0 = B[b],
          y1 = B[b + 1],
          y2 = B[b + 2],
          y3 = B[b + 3];
        c00 += x0 * y0;
        c01 += x0 * y1;
        c02 += x0 * y2;
        c03 += x0 * y3;
        c10 += x1 * y0;
        c11 += x1 * y1;
        c12 += x1 * y2;
        c13 += x1 * y3;
      }
      const c0 = i * n + j,
        c1 = c0 + n;
      C[c0] = bias[j] + c00;
      C[c0 + 1] = bias[j + 1] + c01;
      C[c0 + 2] = bias[j + 2] + c02;
      C[c0 + 3] = bias[j + 3] + c03;
      C[c1] = bias[j] + c10;
      C[c1 + 1] = bias[j + 1] + c11;
      C[c1 + 2] = bias[j + 2] + c12;
      C[c1 + 3] = bias[j + 3] + c13;
    }
  }
  forEachEntryOutsideTiles(m, n, (i, j) => {
    C[i * n + j] = bias[j] + dot(A, i * k, 1, B, j, n, k);
  });
}

/** db[n] = column sums of G[m×n]: the bias gradient. */
function columnSums(G: Float64Array, db: Float64Array, m: number, n: number): void {
  db.fill(0);
  for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) db[j] += G[i * n + j];
}

/**
 * dW[k×n] = Aᵀ·G for A[m×k], G[m×n]: rows p, p+1 of dW (columns p, p+1 of A) meet columns
 * j…j+3 of G along the batch index i, so the sum over all m samples stays in registers.
 */
function weightGradients(A: Float64Array, G: Float64Array, dW: Float64Array, m: number, k: number, n: number): void {
  for (let p = 0; p + TILE_ROWS <= k; p += TILE_ROWS) {
    for (let j = 0; j + TILE_COLUMNS <= n; j += TILE_COLUMNS) {
      let w00 = 0,
        w01 = 0,
        w02 = 0,
        w03 = 0,
        w10 = 0,
        w11 = 0,
        w12 = 0,
        w13 = 0;
      for (let i = 0; i < m; i++) {
        const a = i * k + p;
        const x0 = A[a],
          x1 = A[a + 1];
        const g = i * n + j;
        const y0 = G[g],
          y1 = G[g + 1],
          y2 = G[g + 2],
          y3 = G[g + 3];
        w00 += x0 * y0;
        w01 += x0 * y1;
        w02 += x0 * y2;
        w03 += x0 * y3;
        w10 += x1 * y0;
        w11 += x1 * y1;
        w12 += x1 * y2;
        w13 += x1 * y3;
      }
      const w0 = p * n + j,
        w1 = w0 + n;
      dW[w0] = w00;
      dW[w0 + 1] = w01;
      dW[w0 + 2] = w02;
      dW[w0 + 3] = w03;
      dW[w1] = w10;
      dW[w1 + 1] = w11;
      dW[w1 + 2] = w12;
      dW[w1 + 3] = w13;
    }
  }
  forEachEntryOutsideTiles(k, n, (p, j) => {
    dW[p * n + j] = dot(A, p, k, G, j, n, m);
  });
}

/** The derivative of the activation, from its output h (and input z, for relu). */
function activationSlope(activation: BenchActivation, h: number, z: number): number {
  if (activation === 'sigmoid') return h * (1 - h);
  if (activation === 'tanh') return 1 - h * h;
  return z > 0 ? 1 : 0;
}

/**
 * dZprev[m×k] = (G·Wᵀ) ⊙ f′ for G[m×n], W[k×n]: rows i, i+1 of G meet rows p…p+3 of W along j
 * (both contiguous), and each sum is scaled by the activation's slope as it is stored.
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
  for (let i = 0; i + TILE_ROWS <= m; i += TILE_ROWS) {
    const g0 = i * n,
      g1 = g0 + n;
    for (let p = 0; p + TILE_COLUMNS <= k; p += TILE_COLUMNS) {
      const w0 = p * n,
        w1 = w0 + n,
        w2 = w1 + n,
        w3 = w2 + n;
      let s00 = 0,
        s01 = 0,
        s02 = 0,
        s03 = 0,
        s10 = 0,
        s11 = 0,
        s12 = 0,
        s13 = 0;
      for (let j = 0; j < n; j++) {
        const x0 = G[g0 + j],
          x1 = G[g1 + j];
        const y0 = W[w0 + j],
          y1 = W[w1 + j],
          y2 = W[w2 + j],
          y3 = W[w3 + j];
        s00 += x0 * y0;
        s01 += x0 * y1;
        s02 += x0 * y2;
        s03 += x0 * y3;
        s10 += x1 * y0;
        s11 += x1 * y1;
        s12 += x1 * y2;
        s13 += x1 * y3;
      }
      const q0 = i * k + p,
        q1 = q0 + k;
      dZ[q0] = s00 * activationSlope(activation, H[q0], Z[q0]);
      dZ[q0 + 1] = s01 * activationSlope(activation, H[q0 + 1], Z[q0 + 1]);
      dZ[q0 + 2] = s02 * activationSlope(activation, H[q0 + 2], Z[q0 + 2]);
      dZ[q0 + 3] = s03 * activationSlope(activation, H[q0 + 3], Z[q0 + 3]);
      dZ[q1] = s10 * activationSlope(activation, H[q1], Z[q1]);
      dZ[q1 + 1] = s11 * activationSlope(activation, H[q1 + 1], Z[q1 + 1]);
      dZ[q1 + 2] = s12 * activationSlope(activation, H[q1 + 2], Z[q1 + 2]);
      dZ[q1 + 3] = s13 * activationSlope(activation, H[q1 + 3], Z[q1 + 3]);
    }
  }
  forEachEntryOutsideTiles(m, k, (i, p) => {
    const q = i * k + p;
    dZ[q] = dot(G, i * n, 1, W, p * n, 1, n) * activationSlope(activation, H[q], Z[q]);
  });
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
      weightGradients(layerInput(l), dZ[l], dW[l], rows, sizes[l], sizes[l + 1]);
      columnSums(dZ[l], db[l], rows, sizes[l + 1]);
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

/** W3 by hand: the chain rule written out for this one expression, on plain numbers. */
export function handwrittenWorkedExample(): WorkedExampleStep {
  const { x, t, learningRate } = WORKED_EXAMPLE;
  const result = new Float64Array(4);
  return () => {
    const a = WORKED_EXAMPLE.a;
    const b = WORKED_EXAMPLE.b;
    const x1 = a * x + 5;
    const y = b * x1 + 3;
    const dPhiDy = 2 * (y - t);
    result[0] = dPhiDy * b * x;
    result[1] = dPhiDy * x1;
    result[2] = a - learningRate * result[0];
    result[3] = b - learningRate * result[1];
    return result;
  };
}
