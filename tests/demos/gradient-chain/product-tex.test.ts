import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { chainInputs } from '../../../src/demos/gradient-chain/chain-inputs.ts';
import { gradientChain, TARGET } from '../../../src/demos/gradient-chain/model.ts';
import { generalTex, HIGHLIGHT, type ProductForm, productTex } from '../../../src/demos/gradient-chain/product-tex.ts';
import { CHAIN_ACTIVATIONS, gradientChainSchema } from '../../../src/demos/gradient-chain/schema.ts';
import { defaultState } from '../../../src/ui/url-state/index.ts';

const parse = (tex: string) => katex.renderToString(tex, { throwOnError: true, strict: 'error' });

describe('productTex', () => {
  const inputs = chainInputs({ ...defaultState(gradientChainSchema), depth: 10, x: 0 });
  const sigmoid = gradientChain('sigmoid', inputs);

  it.each(['full', 'compact', 'slide'] as const)(
    'renders in KaTeX for every layer of every activation, and the general formula (%s)',
    (form: ProductForm) => {
      expect(() => parse(generalTex(form))).not.toThrow();
      for (const depth of [1, 2, 3, 10, 100]) {
        const deep = chainInputs({ ...defaultState(gradientChainSchema), depth, init: 'xavier' });
        for (const act of CHAIN_ACTIVATIONS) {
          const chain = gradientChain(act, deep);
          expect(() => parse(productTex(chain, null, TARGET, form))).not.toThrow();
          for (const layer of new Set([1, 2, Math.ceil(depth / 2), depth - 1, depth].filter((k) => k >= 1))) {
            expect(() => parse(productTex(chain, layer, TARGET, form))).not.toThrow();
          }
        }
      }
    },
  );

  it('writes the slide’s factors for layer 1: ∂Φ/∂y, w₂⋯w₁₀, A′₁⋯A′₁₀', () => {
    const tex = productTex(sigmoid, 1, TARGET);
    expect(tex).toContain('\\partial b_{1}');
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

  it('names the parameter b_k, as the slides do, in the general formula of both forms', () => {
    for (const form of ['full', 'compact'] as const) {
      expect(generalTex(form)).toMatch(/\\partial b_k/);
      expect(generalTex(form)).toContain("A'_k\\,A'_{k+1}\\cdots A'_n");
      expect(generalTex(form)).not.toMatch(/a_k|h_/);
    }
  });

  it('writes the compact form with no fraction and no label (script-size type) and free to wrap', () => {
    const tex = productTex(sigmoid, 1, TARGET, 'compact');
    expect(tex).toContain('\\partial \\Phi / \\partial b_{1} = ');
    expect(tex).not.toMatch(/\\frac|\\underset/);
    expect(tex.startsWith('{')).toBe(false); // top-level = and · stay break points
    expect(generalTex('compact')).not.toContain('\\frac');
    expect(productTex(sigmoid, null, TARGET, 'compact')).toBe(
      productTex(sigmoid, null, TARGET, 'full').replace('\\frac{\\partial \\Phi}{\\partial y}', '\\partial \\Phi / \\partial y'),
    );
  });

  it('lists fewer A′ factors in the compact form: the newest, ⋯, the last; the same value on the right', () => {
    const compact = productTex(sigmoid, 1, TARGET, 'compact');
    const full = productTex(sigmoid, 1, TARGET, 'full');
    // Factors from the highlighted one up to the ⋯ before the last.
    const listed = (tex: string) => tex.slice(tex.indexOf('\\colorbox')).split('\\cdots')[0].split('\\cdot ').length;
    expect(listed(compact)).toBe(1);
    expect(listed(full)).toBe(3);
    expect(compact).toContain(`\\colorbox{${HIGHLIGHT}}{$0.25$} \\cdots`);
    expect(full.startsWith('{') && full.endsWith('}')).toBe(true); // one unbreakable group
    expect(compact.split(' = ').at(-1)).toBe(full.slice(1, -1).split(' = ').at(-1));
    // Two factors left: both shown, no ⋯.
    expect(productTex(sigmoid, 9, TARGET, 'compact')).not.toContain('\\cdots');
  });

  it('writes the slide form as the compact one with the value on a second line, aligned at its =', () => {
    const slide = productTex(sigmoid, 1, TARGET, 'slide');
    const compact = productTex(sigmoid, 1, TARGET, 'compact');
    const [left, factors, value] = compact.split(' = ');
    expect(slide).toBe(`\\begin{aligned}${left} &= ${factors} \\\\ &= ${value}\\end{aligned}`);
    // Before the pulse: 2(y − t) stays on the first line, the value of ∂Φ/∂y alone on the second.
    expect(productTex(sigmoid, null, TARGET, 'slide')).toMatch(
      /^\\begin\{aligned\}\\partial \\Phi \/ \\partial y &= 2\(y - t\) = 2\([^)]*\) \\\\ &= [^=]+\\end\{aligned\}$/,
    );
  });
});
