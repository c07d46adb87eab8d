/*
 * The loops behind matmul and its gradients, over row-major Float64Arrays.
 * Each kernel computes its output a tile of 2 rows × 4 columns at a time, in eight local
 * variables that the JIT keeps in registers over the whole inner dimension: every step of it
 * loads 2 + 4 numbers for 8 multiply-adds, and each output is read and written once instead of
 * once per step. The columns past the last full tile (n mod 4 of them, all of a network's
 * single-column last layer) go in strips of 4 rows × 1 column: four independent sums, so each
 * load from the shared matrix serves four rows and no add waits for the one before it, as it
 * would in a single running sum over a long inner dimension. What is left (the last row when the
 * row count is odd, fewer than 4 rows in those columns) is done one entry at a time.
 * This is what keeps the engine as fast as hand-written training code.
 * Each kernel adds into its output (C += …), matching how gradients accumulate. Each output's sum
 * runs over the inner index in increasing order from 0, then is added to C, whatever the path:
 * the results do not depend on the tiling.
 */

/** The output tile kept in registers: its 8 sums and the 6 numbers loaded per step fit x64's 16 float registers. */
const TILE_ROWS = 2;
const TILE_COLUMNS = 4;
/** Rows of each 1-column strip past the last full tile. */
const STRIP_ROWS = 4;

/** Σₜ X[x + t·xStride] · Y[y + t·yStride] for t < length: one output entry outside every tile and strip. */
function dot(X: Float64Array, x: number, xStride: number, Y: Float64Array, y: number, yStride: number, length: number): number {
  let sum = 0;
  for (let t = 0; t < length; t++, x += xStride, y += yStride) sum += X[x] * Y[y];
  return sum;
}

/** C[m×n] += A[m×k] · B[k×n]: rows i, i+1 of A meet columns j…j+3 of B along p. */
export function addProduct(A: Float64Array, B: Float64Array, C: Float64Array, m: number, k: number, n: number): void {
  const tiledRows = m - (m % TILE_ROWS);
  const tiledColumns = n - (n % TILE_COLUMNS);
  for (let i = 0; i < tiledRows; i += TILE_ROWS) {
    const a0 = i * k,
      a1 = a0 + k;
    const c0 = i * n,
      c1 = c0 + n;
    for (let j = 0; j < tiledColumns; j += TILE_COLUMNS) {
      let s00 = 0,
        s01 = 0,
        s02 = 0,
        s03 = 0,
        s10 = 0,
        s11 = 0,
        s12 = 0,
        s13 = 0;
      for (let p = 0, b = j; p < k; p++, b += n) {
        const x0 = A[a0 + p],
          x1 = A[a1 + p];
        const y0 = B[b],
          y1 = B[b + 1],
          y2 = B[b + 2],
          y3 = B[b + 3];
        s00 += x0 * y0;
        s01 += x0 * y1;
        s02 += x0 * y2;
        s03 += x0 * y3;
        s10 += x1 * y0;
        s11 += x1 * y1;
        s12 += x1 * y2;
        s13 += x1 * y3;
      }
      C[c0 + j] += s00;
      C[c0 + j + 1] += s01;
      C[c0 + j + 2] += s02;
      C[c0 + j + 3] += s03;
      C[c1 + j] += s10;
      C[c1 + j + 1] += s11;
      C[c1 + j + 2] += s12;
      C[c1 + j + 3] += s13;
    }
  }
  // The columns past the tiles, in strips of 4 rows.
  const stripRows = m - (m % STRIP_ROWS);
  for (let i = 0; i < stripRows; i += STRIP_ROWS) {
    const a0 = i * k,
      a1 = a0 + k,
      a2 = a1 + k,
      a3 = a2 + k;
    const c0 = i * n,
      c1 = c0 + n,
      c2 = c1 + n,
      c3 = c2 + n;
    for (let j = tiledColumns; j < n; j++) {
      let s0 = 0,
        s1 = 0,
        s2 = 0,
        s3 = 0;
      for (let p = 0, b = j; p < k; p++, b += n) {
        const y = B[b];
        s0 += A[a0 + p] * y;
        s1 += A[a1 + p] * y;
        s2 += A[a2 + p] * y;
        s3 += A[a3 + p] * y;
      }
      C[c0 + j] += s0;
      C[c1 + j] += s1;
      C[c2 + j] += s2;
      C[c3 + j] += s3;
    }
  }
  // Entries no tile or strip covers: rows below the strips, then an odd last row under the tiles.
  for (let i = stripRows; i < m; i++) {
    for (let j = tiledColumns; j < n; j++) C[i * n + j] += dot(A, i * k, 1, B, j, n, k);
  }
  for (let i = tiledRows; i < m; i++) {
    for (let j = 0; j < tiledColumns; j++) C[i * n + j] += dot(A, i * k, 1, B, j, n, k);
  }
}

/**
 * C[m×k] += G[m×n] · B[k×n]ᵀ: each entry is a dot product of a row of G with a row of B, so rows
 * i, i+1 of G meet rows p…p+3 of B along j, all four contiguous.
 */
export function addProductWithTransposedRight(G: Float64Array, B: Float64Array, C: Float64Array, m: number, n: number, k: number): void {
  const tiledRows = m - (m % TILE_ROWS);
  const tiledColumns = k - (k % TILE_COLUMNS);
  for (let i = 0; i < tiledRows; i += TILE_ROWS) {
    const g0 = i * n,
      g1 = g0 + n;
    const c0 = i * k,
      c1 = c0 + k;
    for (let p = 0; p < tiledColumns; p += TILE_COLUMNS) {
      const b0 = p * n,
        b1 = b0 + n,
        b2 = b1 + n,
        b3 = b2 + n;
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
        const y0 = B[b0 + j],
          y1 = B[b1 + j],
          y2 = B[b2 + j],
          y3 = B[b3 + j];
        s00 += x0 * y0;
        s01 += x0 * y1;
        s02 += x0 * y2;
        s03 += x0 * y3;
        s10 += x1 * y0;
        s11 += x1 * y1;
        s12 += x1 * y2;
        s13 += x1 * y3;
      }
      C[c0 + p] += s00;
      C[c0 + p + 1] += s01;
      C[c0 + p + 2] += s02;
      C[c0 + p + 3] += s03;
      C[c1 + p] += s10;
      C[c1 + p + 1] += s11;
      C[c1 + p + 2] += s12;
      C[c1 + p + 3] += s13;
    }
  }
  // The columns past the tiles, in strips of 4 rows.
  const stripRows = m - (m % STRIP_ROWS);
  for (let i = 0; i < stripRows; i += STRIP_ROWS) {
    const g0 = i * n,
      g1 = g0 + n,
      g2 = g1 + n,
      g3 = g2 + n;
    const c0 = i * k,
      c1 = c0 + k,
      c2 = c1 + k,
      c3 = c2 + k;
    for (let p = tiledColumns; p < k; p++) {
      const b = p * n;
      let s0 = 0,
        s1 = 0,
        s2 = 0,
        s3 = 0;
      for (let j = 0; j < n; j++) {
        const y = B[b + j];
        s0 += G[g0 + j] * y;
        s1 += G[g1 + j] * y;
        s2 += G[g2 + j] * y;
        s3 += G[g3 + j] * y;
      }
      C[c0 + p] += s0;
      C[c1 + p] += s1;
      C[c2 + p] += s2;
      C[c3 + p] += s3;
    }
  }
  // Entries no tile or strip covers: rows below the strips, then an odd last row under the tiles.
  for (let i = stripRows; i < m; i++) {
    for (let p = tiledColumns; p < k; p++) C[i * k + p] += dot(G, i * n, 1, B, p * n, 1, n);
  }
  for (let i = tiledRows; i < m; i++) {
    for (let p = 0; p < tiledColumns; p++) C[i * k + p] += dot(G, i * n, 1, B, p * n, 1, n);
  }
}

/**
 * C[k×n] += A[m×k]ᵀ · G[m×n]: rows p, p+1 of C (columns p, p+1 of A) meet columns j…j+3 of G
 * along the row index i, so the sum over all m rows stays in registers.
 */
export function addProductWithTransposedLeft(A: Float64Array, G: Float64Array, C: Float64Array, m: number, k: number, n: number): void {
  const tiledRows = k - (k % TILE_ROWS);
  const tiledColumns = n - (n % TILE_COLUMNS);
  for (let p = 0; p < tiledRows; p += TILE_ROWS) {
    const c0 = p * n,
      c1 = c0 + n;
    for (let j = 0; j < tiledColumns; j += TILE_COLUMNS) {
      let s00 = 0,
        s01 = 0,
        s02 = 0,
        s03 = 0,
        s10 = 0,
        s11 = 0,
        s12 = 0,
        s13 = 0;
      for (let i = 0, a = p, g = j; i < m; i++, a += k, g += n) {
        const x0 = A[a],
          x1 = A[a + 1];
        const y0 = G[g],
          y1 = G[g + 1],
          y2 = G[g + 2],
          y3 = G[g + 3];
        s00 += x0 * y0;
        s01 += x0 * y1;
        s02 += x0 * y2;
        s03 += x0 * y3;
        s10 += x1 * y0;
        s11 += x1 * y1;
        s12 += x1 * y2;
        s13 += x1 * y3;
      }
      C[c0 + j] += s00;
      C[c0 + j + 1] += s01;
      C[c0 + j + 2] += s02;
      C[c0 + j + 3] += s03;
      C[c1 + j] += s10;
      C[c1 + j + 1] += s11;
      C[c1 + j + 2] += s12;
      C[c1 + j + 3] += s13;
    }
  }
  // The columns past the tiles, in strips of 4 rows.
  const stripRows = k - (k % STRIP_ROWS);
  for (let p = 0; p < stripRows; p += STRIP_ROWS) {
    const c0 = p * n,
      c1 = c0 + n,
      c2 = c1 + n,
      c3 = c2 + n;
    for (let j = tiledColumns; j < n; j++) {
      let s0 = 0,
        s1 = 0,
        s2 = 0,
        s3 = 0;
      for (let i = 0, a = p, g = j; i < m; i++, a += k, g += n) {
        const y = G[g];
        s0 += A[a] * y;
        s1 += A[a + 1] * y;
        s2 += A[a + 2] * y;
        s3 += A[a + 3] * y;
      }
      C[c0 + j] += s0;
      C[c1 + j] += s1;
      C[c2 + j] += s2;
      C[c3 + j] += s3;
    }
  }
  // Entries no tile or strip covers: rows below the strips, then an odd last row under the tiles.
  for (let p = stripRows; p < k; p++) {
    for (let j = tiledColumns; j < n; j++) C[p * n + j] += dot(A, p, k, G, j, n, m);
  }
  for (let p = tiledRows; p < k; p++) {
    for (let j = 0; j < tiledColumns; j++) C[p * n + j] += dot(A, p, k, G, j, n, m);
  }
}
