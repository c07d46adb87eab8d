import { describe, expect, it } from 'vitest';
import { gradientChainStrings } from '../../../src/demos/gradient-chain/strings.ts';

/** The slides' update of layer 1, which the footnote states word for word (as TeX). */
const SLIDE_UPDATE =
  "b_{1,\\text{new}} = b_1 - \\alpha \\cdot \\partial\\Phi/\\partial y \\cdot w_2\\cdots w_n \\cdot A'_1 A'_2\\cdots A'_n";

describe('gradient-chain strings', () => {
  it.each(['ja', 'en'] as const)('%s: the footnote states the slides’ update of b₁ and their model z_k = w_k x_{k−1} + b_k', (lang) => {
    const caption = gradientChainStrings[lang].caption;
    expect(caption).toContain(`$${SLIDE_UPDATE}$`);
    expect(caption).toContain('$z_k = w_k x_{k-1} + b_k$');
    expect(caption).toContain('$x_k = A(z_k)$');
    expect(caption).toContain('$x_0 = x$');
    // No second formula to reconcile: the slide's product already starts at A′₁.
    expect(caption).not.toContain("\\cdot A'_2");
    expect(caption).not.toMatch(/h_|a_k/);
  });

  it.each(['ja', 'en'] as const)('%s: every string names the parameter b and the hidden outputs x, never a or h', (lang) => {
    for (const [key, value] of Object.entries(gradientChainStrings[lang])) {
      expect(value, key).not.toMatch(/∂a\b|∂a_|a_k|\$a_|h_\{?k|\$h_/);
    }
    expect(gradientChainStrings[lang].barsTitle).toContain('∂Φ/∂b_k');
    expect(gradientChainStrings[lang].keyLayer).toContain('∂Φ/∂b|');
  });
});
