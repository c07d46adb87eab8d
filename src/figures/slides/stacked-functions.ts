/** Ten quadratics composed: x → f₁ → f₂ → ⋯ → f₁₀ → y, the degree doubling at each step up to 2¹⁰ = 1024. */

import { palette } from '../../ui/palette.ts';
import { tint } from '../color.ts';
import { Figure, type RenderedFigure } from '../figure.ts';
import { arrow, circle, roundedBox } from '../shapes.ts';

export const STACK_DEPTH = 10;
const SHOWN = [1, 2, 3, STACK_DEPTH];
const CX = 128;

/** Degree of f_k ∘ ⋯ ∘ f₁ when every f is a quadratic. */
export function composedDegree(k: number): number {
  return 2 ** k;
}

export function stackedFunctionsFigure(): RenderedFigure {
  const fig = new Figure(384, 720, '2次関数を10個つなげると、次数が2, 4, 8, …, 1024と倍々に増える');
  const boxH = 64;
  const rowGap = 104;
  const degreeX = 236;
  const step = (from: number, to: number) =>
    fig.add(arrow({ x: CX, y: from }, { x: CX, y: to }, { color: palette.muted, width: 4, head: 14 }));
  const degree = (y: number, k: number) => {
    const last = k === STACK_DEPTH;
    fig.text(`${composedDegree(k)}次`, {
      x: degreeX,
      y,
      size: 28,
      baseline: 'middle',
      bold: last,
      fill: last ? palette.accent : palette.ink,
    });
  };

  let y = 48;
  fig.math('x', { x: CX, y, size: 36, anchor: 'middle', baseline: 'middle' });
  fig.text('1次', { x: degreeX, y, size: 28, baseline: 'middle', fill: palette.muted });
  for (const k of SHOWN) {
    const top = k === STACK_DEPTH ? y + rowGap * 1.8 : y + rowGap;
    const from = k === 1 ? y + 26 : y + boxH / 2;
    if (k === STACK_DEPTH) {
      // The skipped f₄ … f₉.
      const mid = (from + top - boxH / 2) / 2;
      step(from, mid - 26);
      fig.add(...[-12, 0, 12].map((dy) => circle(CX, mid + dy, 4.5, { fill: palette.muted })));
      step(mid + 22, top - boxH / 2);
    } else {
      step(from, top - boxH / 2);
    }
    y = top;
    fig.add(
      roundedBox(CX - 75, y - boxH / 2, 150, boxH, { fill: tint(palette.primary, 0.12), stroke: palette.primary, 'stroke-width': 3 }),
    );
    fig.math(`f_{${k}}`, { x: CX, y, size: 34, anchor: 'middle', baseline: 'middle' });
    degree(y, k);
  }
  step(y + boxH / 2, y + rowGap - 26);
  fig.math('y', { x: CX, y: y + rowGap, size: 36, anchor: 'middle', baseline: 'middle' });
  fig.math(`2^{${STACK_DEPTH}} = ${composedDegree(STACK_DEPTH)}`, {
    x: degreeX,
    y: y + rowGap,
    size: 28,
    baseline: 'middle',
    fill: palette.accent,
  });
  return fig.render();
}
