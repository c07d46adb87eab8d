/**
 * Slide 16's take-away, drawn for its narrow column: backprop starts at Φ and works towards the
 * input, and every parameter further from the output multiplies one more local derivative into its
 * gradient: ∂Φ/∂b = 4 × 9, ∂Φ/∂a = 4 × 1 × 2, a layer before that 4 × 1 × 2 × ⋯.
 */

import { palette } from '../../ui/palette.ts';
import { tint } from '../color.ts';
import { Figure, type RenderedFigure } from '../figure.ts';
import { arrow, circle, roundedBox } from '../shapes.ts';
import { backpropNumbers } from './backprop-example.ts';

const WIDTH = 384;
const HEIGHT = 684;
const RAIL_X = 52; // the backward path: Φ, then each parameter below it
const R = 30;
const TEXT_X = 104;
const PHI = { y: 64, width: 72, height: 60 };
const ROWS_TOP = 208;
const ROW_STEP = 166;

interface Row {
  /** The parameter, or ⋯ for the layers before a. */
  node: string;
  /** What its gradient is. */
  heading: string;
  product: string;
}

export function backpropFactorsFigure(): RenderedFigure {
  const n = backpropNumbers();
  const fig = new Figure(
    WIDTH,
    HEIGHT,
    `逆伝播は出力側から: ∂Φ/∂b = ${n.dPhiDy}×${n.dyDb}、∂Φ/∂a = ${n.dPhiDy}×${n.dyDx1}×${n.dx1Da}、入力に近い層ほど掛ける微分が増える`,
  );
  const rows: Row[] = [
    { node: 'b', heading: '\\partial\\Phi/\\partial b', product: `= ${n.dPhiDy} \\times ${n.dyDb}` },
    { node: 'a', heading: '\\partial\\Phi/\\partial a', product: `= ${n.dPhiDy} \\times ${n.dyDx1} \\times ${n.dx1Da}` },
    // A parameter one layer before a: its path runs through x₁ = ax + 5, so ∂x₁/∂x = a joins the product.
    { node: '\\cdots', heading: '\\text{さらに前の層}', product: `= ${n.dPhiDy} \\times ${n.dyDx1} \\times ${n.dx1Dx} \\times \\cdots` },
  ];
  const rowY = (i: number) => ROWS_TOP + i * ROW_STEP;

  // Φ, where the backward pass starts.
  fig.add(
    roundedBox(RAIL_X - PHI.width / 2, PHI.y - PHI.height / 2, PHI.width, PHI.height, {
      fill: '#eef2ff',
      stroke: palette.primary,
      'stroke-width': 3,
    }),
  );
  fig.math('\\Phi', { x: RAIL_X, y: PHI.y, size: 32, anchor: 'middle', baseline: 'middle' });
  fig.text('出力側から順に', { x: TEXT_X, y: PHI.y, size: 26, baseline: 'middle', bold: true, fill: palette.accent });

  // The backward path, one accent arrow into each parameter.
  rows.forEach((_, i) => {
    const fromY = i === 0 ? PHI.y + PHI.height / 2 : rowY(i - 1) + R;
    fig.add(arrow({ x: RAIL_X, y: fromY + 6 }, { x: RAIL_X, y: rowY(i) - R - 6 }, { color: palette.accent, width: 4, head: 16 }));
  });

  rows.forEach((row, i) => {
    const y = rowY(i);
    const known = row.node !== '\\cdots';
    fig.add(
      roundedBox(TEXT_X - 14, y - 62, WIDTH - TEXT_X + 2, 124, { fill: tint(palette.accent, 0.06 + i * 0.05), stroke: 'none' }),
      circle(RAIL_X, y, R, known ? { fill: palette.primary } : { fill: palette.paper, stroke: palette.muted, 'stroke-width': 3 }),
    );
    fig.math(row.node, { x: RAIL_X, y, size: 30, anchor: 'middle', baseline: 'middle', fill: known ? palette.paper : palette.muted });
    fig.math(row.heading, { x: TEXT_X, y: y - 26, size: 26, baseline: 'middle', fill: palette.muted });
    fig.math(row.product, { x: TEXT_X, y: y + 26, size: 30, baseline: 'middle' });
  });

  fig.text('入力側', { x: RAIL_X, y: rowY(rows.length - 1) + R + 56, size: 26, anchor: 'middle', baseline: 'middle', fill: palette.muted });
  return fig.render();
}
