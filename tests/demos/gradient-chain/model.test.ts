import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ChainInputs, chainInputs } from '../../../src/demos/gradient-chain/chain-inputs.ts';
import { gradientChain, MAX_DERIVATIVE, TARGET } from '../../../src/demos/gradient-chain/model.ts';
import { CHAIN_ACTIVATIONS, type ChainActivation, gradientChainSchema } from '../../../src/demos/gradient-chain/schema.ts';
import { defaultState } from '../../../src/ui/url-state/index.ts';

/*
 * The model against values computed without the engine: closed-form activations and their
 * derivatives, the chain rule written out by hand, and numbers derived on paper.
 */

const closedForm: Record<ChainActivation, { f: (z: number) => number; df: (z: number) => number }> = {
  sigmoid: { f: (z) => 1 / (1 + Math.exp(-z)), df: (z) => Math.exp(-z) / (1 + Math.exp(-z)) ** 2 },
  tanh: { f: (z) => Math.tanh(z), df: (z) => 1 / Math.cosh(z) ** 2 },
  relu: { f: (z) => Math.max(z, 0), df: (z) => (z > 0 ? 1 : 0) },
};

/** ∂Φ/∂b_k = 2(y − t) · w_{k+1}⋯w_n · A′(z_k)⋯A′(z_n), forward and backward by hand. */
function referenceGradients(activation: ChainActivation, inputs: ChainInputs): { dPhiDy: number; gradients: number[] } {
  const { f, df } = closedForm[activation];
  const n = inputs.depth;
  const z: number[] = [];
  let x = inputs.x; // x_{k−1}
  for (let k = 0; k < n; k++) {
    z.push(inputs.zTargets ? inputs.zTargets[k] : inputs.weights[k] * x);
    x = f(z[k]);
  }
  const dPhiDy = 2 * (x - TARGET);
  const gradients = new Array<number>(n);
  for (let k = n; k >= 1; k--) {
    let product = dPhiDy;
    for (let j = k + 1; j <= n; j++) product *= inputs.weights[j - 1];
    for (let j = k; j <= n; j++) product *= df(z[j - 1]);
    gradients[k - 1] = product;
  }
  return { dPhiDy, gradients };
}

function inputsOf(depth: number, x: number, weights: number[] | number, zTargets: number[] | null = null): ChainInputs {
  const w = typeof weights === 'number' ? new Array<number>(depth).fill(weights) : weights;
  return { depth, x, weights: Float64Array.from(w), zTargets: zTargets && Float64Array.from(zTargets) };
}

const relativeError = (a: number, b: number) => (a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(a), Math.abs(b)));

describe('gradientChain: a worked example by hand', () => {
  // Two sigmoid layers, x = 0, w = 1, b = 0, t = 10:
  // z₁ = 0, σ(0) = 1/2, σ′(0) = 1/4; z₂ = 1/2, y = σ(1/2) = 0.6224593312018546…, σ′(1/2) = y(1 − y) = 0.23500371220159449…
  // ∂Φ/∂y = 2(y − 10) = −18.755081337596291…; ∂Φ/∂b₂ = ∂Φ/∂y·σ′(z₂) = −4.4075137369779746…;
  // ∂Φ/∂b₁ = ∂Φ/∂b₂·w₂·σ′(z₁) = −1.1018784342444936… (50-digit decimal arithmetic).
  const chain = gradientChain('sigmoid', inputsOf(2, 0, 1));

  it('has the pre-activations, derivatives and output', () => {
    expect(chain.z[0]).toBe(0);
    expect(chain.z[1]).toBe(0.5);
    expect(chain.derivatives[0]).toBe(0.25);
    expect(chain.derivatives[1]).toBeCloseTo(0.23500371220159449, 15);
    expect(chain.y).toBeCloseTo(0.6224593312018546, 15);
  });

  it('has the gradients', () => {
    expect(chain.dPhiDy).toBeCloseTo(-18.755081337596291, 13);
    expect(chain.gradients[1]).toBeCloseTo(-4.407513736977974, 13);
    expect(chain.gradients[0]).toBeCloseTo(-1.1018784342444936, 13);
  });
});

describe('gradientChain: the engine against the chain rule by hand', () => {
  const activation = fc.constantFrom(...CHAIN_ACTIVATIONS);
  const depth = fc.integer({ min: 1, max: 40 });
  const weight = fc.double({ min: 0.05, max: 2, noNaN: true }).chain((m) => fc.constantFrom(m, -m));

  it('matches closed-form gradients for x pushed forward and for sampled z', () => {
    fc.assert(
      fc.property(
        activation,
        depth,
        fc.double({ min: -4, max: 4, noNaN: true }),
        fc.boolean(),
        fc.integer({ min: 0, max: 10 ** 6 }),
        (act, n, x, sampled, salt) => {
          const weights = Array.from({ length: n }, (_, k) => 0.05 + ((salt * (k + 7)) % 1950) / 1000);
          const zTargets = sampled ? Array.from({ length: n }, (_, k) => Math.sin(salt + 3 * k) * 3 + 0.01) : null;
          const inputs = inputsOf(n, x, weights, zTargets);
          const chain = gradientChain(act, inputs);
          const reference = referenceGradients(act, inputs);
          expect(relativeError(chain.dPhiDy, reference.dPhiDy)).toBeLessThan(1e-12);
          for (let k = 0; k < n; k++) expect(relativeError(chain.gradients[k], reference.gradients[k])).toBeLessThan(1e-9);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('shows factors whose running product is exactly the engine gradient, layer by layer', () => {
    fc.assert(
      fc.property(activation, depth, fc.double({ min: -4, max: 4, noNaN: true }), weight, (act, n, x, w) => {
        const chain = gradientChain(act, inputsOf(n, x, w));
        // The order the pulse multiplies in: ∂Φ/∂y·A′_n, then ·w_{k+1}·A′_k for k = n − 1 … 1.
        // `===`, not Object.is: the engine accumulates 0 + (−0) = +0 where a product gives −0.
        let product = chain.dPhiDy * chain.derivatives[n - 1];
        expect(chain.gradients[n - 1] === product).toBe(true);
        for (let k = n - 1; k >= 1; k--) {
          product = product * chain.weights[k] * chain.derivatives[k - 1];
          expect(chain.gradients[k - 1] === product).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('gives derivatives equal to the closed forms at the engine’s z', () => {
    const chain = gradientChain('tanh', inputsOf(12, 1.3, 0.9));
    chain.z.forEach((z, i) => {
      expect(relativeError(chain.derivatives[i], 1 / Math.cosh(z) ** 2)).toBeLessThan(1e-12);
    });
  });
});

describe('the ceiling', () => {
  it('bounds sigmoid by |∂Φ/∂y|·0.25^(n−k+1) when every |w| ≤ 1', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100 }),
        fc.double({ min: -4, max: 4, noNaN: true }),
        fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 100, maxLength: 100 }),
        (n, x, weights) => {
          const chain = gradientChain('sigmoid', inputsOf(n, x, weights.slice(0, n)));
          for (let k = 1; k <= n; k++) {
            expect(Math.abs(chain.gradients[k - 1])).toBeLessThanOrEqual(Math.abs(chain.dPhiDy) * 0.25 ** (n - k + 1));
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('is reached by sigmoid at z = 0 (x = 0, w = 0), where σ′ = 1/4 exactly', () => {
    // w = 0 keeps every z_k = 0 (σ′ = 1/4) but also zeroes the gradient below layer n; layer n alone shows it.
    const chain = gradientChain('sigmoid', inputsOf(5, 0, 0));
    expect(chain.gradients[4]).toBe(chain.dPhiDy * 0.25);
    expect(chain.ceiling[4]).toBe(Math.abs(chain.dPhiDy) * 0.25);
  });

  it('bounds every activation for any weights (the drawn ceiling)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CHAIN_ACTIVATIONS),
        fc.integer({ min: 1, max: 100 }),
        fc.double({ min: -4, max: 4, noNaN: true }),
        fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 100, maxLength: 100 }),
        (act, n, x, weights) => {
          const chain = gradientChain(act, inputsOf(n, x, weights.slice(0, n)));
          chain.gradients.forEach((g, i) => {
            expect(Math.abs(g)).toBeLessThanOrEqual(chain.ceiling[i]);
          });
        },
      ),
      { numRuns: 100 },
    );
  });

  it('uses the true maxima of the derivatives', () => {
    const zs = Array.from({ length: 20001 }, (_, i) => -10 + i / 1000);
    for (const act of CHAIN_ACTIVATIONS) {
      const peak = Math.max(...zs.map(closedForm[act].df));
      expect(peak).toBeCloseTo(MAX_DERIVATIVE[act], 12);
    }
  });
});

describe('ReLU', () => {
  it('passes the gradient through unchanged when every z > 0 and w = 1', () => {
    for (const x of [0.5, 2, 3.7]) {
      const n = 100;
      const chain = gradientChain('relu', inputsOf(n, x, 1));
      expect(chain.y).toBe(x);
      expect(chain.dPhiDy).toBe(2 * (x - TARGET));
      for (let k = 0; k < n; k++) {
        expect(chain.derivatives[k]).toBe(1);
        expect(chain.gradients[k]).toBe(2 * (x - TARGET));
      }
      expect(chain.float32Zero).toBeNull();
    }
  });

  it('stops the gradient exactly when a z is ≤ 0', () => {
    // x = −1: z₁ = −1, h₁ = 0, then z_k = 0 and ReLU′(0) = 0 in every layer.
    const chain = gradientChain('relu', inputsOf(20, -1, 1));
    expect([...chain.gradients]).toEqual(new Array(20).fill(0));
    expect(chain.float32Zero).toEqual({ layer: 20, kind: 'exact' });
  });
});

describe('float32 underflow', () => {
  it('finds the layer by hand for ReLU with w = 0.3', () => {
    // y = 0.3¹⁰⁰ ≈ 5·10⁻⁵³, so ∂Φ/∂y = 2(y − 10) ≈ −20 and |∂Φ/∂b_k| = 20·0.3^(100−k).
    // 20·0.3⁸⁹ ≈ 5.8·10⁻⁴⁶ is below 2⁻¹⁵⁰ ≈ 7.0·10⁻⁴⁶ (rounds to 0); 20·0.3⁸⁸ ≈ 1.9·10⁻⁴⁵ is not. So k = 11.
    const chain = gradientChain('relu', inputsOf(100, 1, 0.3));
    expect(chain.float32Zero).toEqual({ layer: 11, kind: 'underflow' });
    expect(chain.gradients[10]).not.toBe(0);
  });

  it('agrees with the closed form for deep sigmoid chains', () => {
    for (const x of [-2, 0, 2]) {
      const inputs = inputsOf(100, x, 1);
      const reference = referenceGradients('sigmoid', inputs);
      let expected: number | null = null;
      for (let k = 100; k >= 1 && expected === null; k--) if (Math.abs(reference.gradients[k - 1]) <= 2 ** -150) expected = k;
      expect(expected).not.toBeNull();
      expect(gradientChain('sigmoid', inputs).float32Zero).toEqual({ layer: expected, kind: 'underflow' });
    }
  });

  it('never happens for ten layers (slide 19’s depth)', () => {
    const inputs = chainInputs(defaultState(gradientChainSchema));
    for (const act of CHAIN_ACTIVATIONS) expect(gradientChain(act, inputs).float32Zero).toBeNull();
  });
});
