import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { chainInputs } from '../../../src/demos/gradient-chain/chain-inputs.ts';
import { TARGET, gradientChain } from '../../../src/demos/gradient-chain/model.ts';
import { GENERAL_TEX, HIGHLIGHT, productTex } from '../../../src/demos/gradient-chain/product-tex.ts';
import { CHAIN_ACTIVATIONS, gradientChainSchema } from '../../../src/demos/gradient-chain/schema.ts';
import { defaultState } from '../../../src/ui/url-state/index.ts';

const parse = (tex: string) => katex.renderToString(tex, { throwOnError: true, strict: 'error' });

describe('productTex', () => {
  const inputs = chainInputs({ ...defaultState(gradientChainSchema), depth: 10, x: 0 });
  const sigmoid = gradientChain('sigmoid', inputs);

  it('renders in KaTeX for every layer of every activation, and the general formula', () => {
    expect(() => parse(GENERAL_TEX)).not.toThrow();
    for (const depth of [1, 2, 3, 10, 100]) {
      const deep = chainInputs({ ...defaultState(gradientChainSchema), depth, init: 'xavier' });
      for (const act of CHAIN_ACTIVATIONS) {
        const chain = gradientChain(act, deep);
        expect(() => parse(productTex(chain, null, TARGET))).not.toThrow();
        for (const layer of new Set([1, 2, Math.ceil(depth / 2), depth - 1, depth].filter((k) => k >= 1))) {
          expect(() => parse(productTex(chain, layer, TARGET))).not.toThrow();
        }
      }
    }
  });

  it('writes the slide’s factors for layer 1: ∂Φ/∂y, w₂⋯w₁₀, A′₁⋯A′₁₀', () => {
    const tex = productTex(sigmoid, 1, TARGET);
    expect(tex).toContain('\\partial a_{1}');
    expect(tex).toContain('w_{2}\\cdots w_{10}');
    expect(tex).toContain("A'_{1}\\cdots A'_{10}");
    // x = 0: z₁ = 0, so the factor just multiplied in is σ′(0) = 0.25, highlighted.
    expect(tex).toContain(`\\colorbox{${HIGHLIGHT}}{$0.25$}`);
  });

  it('has no weight factor at the output layer, and only ∂Φ/∂y = 2(y − t) before the pulse starts', () => {
    const last = productTex(sigmoid, 10, TARGET);
    expect(last).not.toContain('w_');
    expect(last).toContain("A'_{10}");
    expect(productTex(sigmoid, null, TARGET)).toContain('2(y - t)');
  });
});
