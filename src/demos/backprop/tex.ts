import { texNumber } from '../../ui/math.ts';

/** A node label as TeX ('x₁' → 'x_{1}', 'Φ' → '\Phi'); labels with an operator get parentheses. */
export function labelTex(label: string): string {
  const tex = label.replace(/₁/g, '_{1}').replace(/−/g, '-').replace(/Φ/g, '\\Phi');
  return /[-+]/.test(tex) ? `(${tex})` : tex;
}

/** ∂Φ/∂(label) as TeX. */
export function partialTex(label: string): string {
  return `\\frac{\\partial \\Phi}{\\partial ${labelTex(label)}}`;
}

/** A number to be multiplied or subtracted: negative values get parentheses. */
export function factorTex(value: number, digits = 3): string {
  const tex = texNumber(value, digits);
  return value < 0 || tex.includes('\\times') ? `(${tex})` : tex;
}
