/*
 * The loops behind matmul and its gradients, over row-major Float64Arrays.
 * Rows are processed four at a time: every value loaded from the shared matrix is used four
 * times, and the loop overhead of the short inner loops (a width of 16 is common here) is paid
 * once per four rows. This is what keeps the engine close to hand-written training code.
 * Each kernel adds into its output (C += …), matching how gradients accumulate.
 */

const ROWS_PER_BLOCK = 4;

/** C[m×n] += A[m×k] · B[k×n] */
export function addProduct(A: Float64Array, B: Float64Array, C: Float64Array, m: number, k: number, n: number): void {
  let i = 0;
  for (; i + ROWS_PER_BLOCK <= m; i += ROWS_PER_BLOCK) {
    const c0 = i * n,
      c1 = c0 + n,
      c2 = c1 + n,
      c3 = c2 + n;
    const a0 = i * k,
      a1 = a0 + k,
      a2 = a1 + k,
      a3 = a2 + k;
    for (let p = 0; p < k; p++) {
      const x0 = A[a0 + p],
        x1 = A[a1 + p],
        x2 = A[a2 + p],
        x3 = A[a3 + p];
      const b = p * n;
      for (let j = 0; j < n; j++) {
        const bpj = B[b + j];
        C[c0 + j] += x0 * bpj;
        C[c1 + j] += x1 * bpj;
        C[c2 + j] += x2 * bpj;
        C[c3 + j] += x3 * bpj;
      }
    }
  }
  for (; i < m; i++) {
    const c = i * n;
    for (let p = 0; p < k; p++) {
      const x = A[i * k + p];
      const b = p * n;
      for (let j = 0; j < n; j++) C[c + j] += x * B[b + j];
    }
  }
}

/** C[m×k] += G[m×n] · B[k×n]ᵀ: each entry is a dot product of a row of G with a row of B. */
export function addProductWithTransposedRight(G: Float64Array, B: Float64Array, C: Float64Array, m: number, n: number, k: number): void {
  let i = 0;
  for (; i + ROWS_PER_BLOCK <= m; i += ROWS_PER_BLOCK) {
    const g0 = i * n,
      g1 = g0 + n,
      g2 = g1 + n,
      g3 = g2 + n;
    const c0 = i * k,
      c1 = c0 + k,
      c2 = c1 + k,
      c3 = c2 + k;
    for (let p = 0; p < k; p++) {
      const b = p * n;
      let s0 = 0,
        s1 = 0,
        s2 = 0,
        s3 = 0;
      for (let j = 0; j < n; j++) {
        const bpj = B[b + j];
        s0 += G[g0 + j] * bpj;
        s1 += G[g1 + j] * bpj;
        s2 += G[g2 + j] * bpj;
        s3 += G[g3 + j] * bpj;
      }
      C[c0 + p] += s0;
      C[c1 + p] += s1;
      C[c2 + p] += s2;
      C[c3 + p] += s3;
    }
  }
  for (; i < m; i++) {
    const g = i * n;
    for (let p = 0; p < k; p++) {
      const b = p * n;
      let s = 0;
      for (let j = 0; j < n; j++) s += G[g + j] * B[b + j];
      C[i * k + p] += s;
    }
  }
}

/** C[k×n] += A[m×k]ᵀ · G[m×n]: row p of C gains A[i, p] times row i of G, for every i. */
export function addProductWithTransposedLeft(A: Float64Array, G: Float64Array, C: Float64Array, m: number, k: number, n: number): void {
  let i = 0;
  for (; i + ROWS_PER_BLOCK <= m; i += ROWS_PER_BLOCK) {
    const g0 = i * n,
      g1 = g0 + n,
      g2 = g1 + n,
      g3 = g2 + n;
    const a0 = i * k,
      a1 = a0 + k,
      a2 = a1 + k,
      a3 = a2 + k;
    for (let p = 0; p < k; p++) {
      const x0 = A[a0 + p],
        x1 = A[a1 + p],
        x2 = A[a2 + p],
        x3 = A[a3 + p];
      const c = p * n;
      for (let j = 0; j < n; j++) C[c + j] += x0 * G[g0 + j] + x1 * G[g1 + j] + x2 * G[g2 + j] + x3 * G[g3 + j];
    }
  }
  for (; i < m; i++) {
    const g = i * n;
    for (let p = 0; p < k; p++) {
      const x = A[i * k + p];
      const c = p * n;
      for (let j = 0; j < n; j++) C[c + j] += x * G[g + j];
    }
  }
}
