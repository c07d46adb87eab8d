/** A node label as TeX ('x₁' → 'x_{1}', 'Φ' → '\Phi'); labels with an operator get parentheses. */
export function labelTex(label: string): string {
  const tex = label.replace(/₁/g, '_{1}').replace(/−/g, '-').replace(/Φ/g, '\\Phi');
  return /[-+]/.test(tex) ? `(${tex})` : tex;
}

/** ∂Φ/∂(label) as TeX. */
export function partialTex(label: string): string {
  return `\\frac{\\partial \\Phi}{\\partial ${labelTex(label)}}`;
}
