/**
 * The chain of the first layer's gradient, ∂Φ/∂y · w₂⋯wₙ · A₂′⋯Aₙ′, walked from the output
 * (top) back to layer 1 (bottom). With the sigmoid each step back multiplies by σ′ ≤ 0.25, so
 * the bar (log scale, labelled with its value) all but vanishes by layer 1; with ReLU (on its
 * active side) each factor is 1 and the gradient arrives whole.
 */
import { sampleActivation } from '../../nn/activations.ts';
import { activationStyle, palette } from '../../ui/palette.ts';
import { Figure, type RenderedFigure } from '../figure.ts';
import { arrow } from '../shapes.ts';
import { el } from '../svg.ts';

export const CHAIN_LAYERS = 10;

export type ChainActivation = 'sigmoid' | 'relu';

/** Where each activation's derivative is taken: σ′ is largest at 0; ReLU′ is 1 for any positive input. */
const CHAIN_INPUT: Record<ChainActivation, number> = { sigmoid: 0, relu: 1 };

/** Running products 1, A′, A′², … of the activation's derivative (from the engine). */
export function gradientChain(layers: number, activation: ChainActivation = 'sigmoid'): number[] {
  const factor = sampleActivation(activation, [CHAIN_INPUT[activation]]).dy[0];
  return Array.from({ length: layers + 1 }, (_, k) => factor ** k);
}

/** 0.25, 0.0625, 0.0156, then 3.9 × 10^{-3}: readable values as TeX. */
export function magnitudeTex(value: number): string {
  if (value >= 0.01) return String(Number(value.toPrecision(3)));
  const exponent = Math.floor(Math.log10(value));
  const mantissa = value / 10 ** exponent;
  return `${mantissa.toFixed(1)} \\times 10^{${exponent}}`;
}

// Drawn at the size of its place on slides 19 and 23 (a 40 % column less the theme's margin), so 1 unit is 1 px there.
const WIDTH = 476;
const HEIGHT = 620;
/** The smallest label: rows, values and the scale. */
const LABEL = 24;

/** Bars are on a log scale from 10^LOG_MIN (length 0) to 1 (full length): each ×0.25 is one equal step down. */
const LOG_MIN = -7;

const chainText: Record<ChainActivation, { title: string; factor: string; verdict: string; emphasis: string }> = {
  sigmoid: {
    title: '勾配消失(シグモイド): 出力から第1層へ戻るたびに微分(0.25以下)が掛かり、勾配がほぼ0になる',
    factor: '\\le',
    verdict: 'ほぼ0!',
    emphasis: palette.accent,
  },
  relu: {
    title: 'ReLUなら: 戻るたびに掛かる微分が1なので、第1層まで勾配がそのまま届く',
    factor: '=',
    verdict: '届く!',
    emphasis: activationStyle.relu.color,
  },
};

export function vanishingChainFigure(activation: ChainActivation): RenderedFigure {
  const text = chainText[activation];
  const fig = new Figure(WIDTH, HEIGHT, text.title);
  const chain = gradientChain(CHAIN_LAYERS, activation);

  fig.text('層を戻るたびに', { x: 8, y: 34, size: 26, bold: true });
  fig.math(`\\times A' ~(${text.factor} ${magnitudeTex(chain[1])})`, { x: 200, y: 34, size: 28 });

  const rowsTop = 98;
  const rowHeight = 47;
  const barX = 124;
  const barMax = 204;
  const barHeight = 26;
  const rowsBottom = rowsTop + rowHeight * (CHAIN_LAYERS + 1);
  const barLength = (value: number) => (barMax * Math.max(0, Math.log10(value) - LOG_MIN)) / -LOG_MIN;

  // Decade gridlines and labels (log scale).
  for (const exponent of [0, -2, -4, -6]) {
    const x = barX + barLength(10 ** exponent);
    fig.add(el('line', { x1: x, y1: rowsTop - 6, x2: x, y2: rowsBottom - 10, stroke: palette.grid, 'stroke-width': 2 }));
    fig.math(exponent === 0 ? '1' : `10^{${exponent}}`, { x, y: rowsTop - 16, size: LABEL, anchor: 'middle', fill: palette.muted });
  }
  fig.text('(対数目盛)', { x: WIDTH - 4, y: rowsTop - 16, size: LABEL, anchor: 'end', fill: palette.muted });

  fig.add(arrow({ x: 10, y: rowsTop + 6 }, { x: 10, y: rowsBottom - 8 }, { color: palette.muted, width: 3 }));
  fig.add(el('line', { x1: barX, y1: rowsTop - 6, x2: barX, y2: rowsBottom - 10, stroke: palette.muted, 'stroke-width': 2 }));

  chain.forEach((value, k) => {
    const cy = rowsTop + rowHeight * k + rowHeight / 2 - 4;
    const last = k === CHAIN_LAYERS;
    const color = last ? text.emphasis : palette.ink;
    fig.text(k === 0 ? '出力' : `第${CHAIN_LAYERS + 1 - k}層`, {
      x: barX - 12,
      y: cy,
      size: LABEL,
      anchor: 'end',
      baseline: 'middle',
      fill: color,
      bold: last,
    });
    const length = barLength(value);
    fig.add(
      el('rect', {
        x: barX,
        y: cy - barHeight / 2,
        width: length,
        height: barHeight,
        rx: Math.min(4, length / 2),
        fill: activationStyle[activation].color,
      }),
    );
    const label = fig.math(magnitudeTex(value), { x: barX + length + 10, y: cy, size: LABEL, baseline: 'middle', fill: color });
    if (last)
      fig.text(text.verdict, { x: label.x + label.width + 14, y: cy, size: 26, baseline: 'middle', bold: true, fill: text.emphasis });
  });
  return fig.render();
}
