import { texNumber } from '../../ui/math.ts';

/**
 * w_k(⋯(w_1x + b_1)⋯) + b_k, or with `A` wrapped around every inner layer:
 * w_k A(⋯A(w_1x + b_1)⋯) + b_k. Long stacks are shortened with ⋯.
 */
export function stackTex(k: number, activation: string | null): string {
  const wrap = (inner: string) => (activation ? `${activation}(${inner})` : `(${inner})`);
  const layer = (i: number, inner: string) => `w_{${i}}${i === 1 ? 'x' : wrap(inner)} + b_{${i}}`;
  if (k <= 3) {
    let tex = '';
    for (let i = 1; i <= k; i++) tex = layer(i, tex);
    return tex;
  }
  const inner = layer(2, layer(1, ''));
  return `w_{${k}}${wrap(`\\cdots ${inner} \\cdots`)} + b_{${k}}`;
}

/** W x + B with the signs written the way a person would: 2.1x − 0.5. */
export function lineTex(w: number, b: number): string {
  const slope = `${texNumber(w)}\\,x`;
  if (b === 0) return slope;
  return `${slope} ${b < 0 ? '-' : '+'} ${texNumber(Math.abs(b))}`;
}
