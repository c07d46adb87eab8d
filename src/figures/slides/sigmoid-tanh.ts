/** Sigmoid and tanh with their derivatives: both derivatives stay at or below 1 (σ′ ≤ 0.25). */
import { ACTIVATIONS, type ActivationName, sampleActivation } from '../../nn/activations.ts';
import { activationStyle, palette } from '../../ui/palette.ts';
import { Figure, type RenderedFigure } from '../figure.ts';
import { Plot } from '../plot.ts';
import { el } from '../svg.ts';

interface Panel {
  name: ActivationName;
  heading: string;
  top: number;
  yDomain: [number, number];
  yTicks: number[];
  /** Where the "最大" label starts, in data coordinates (clear of both curves). */
  peakLabel: [number, number];
}

// Slide 20 gives it a 50 % column less the theme's margin (604 × 620): this shape fills it at 0.94.
const WIDTH = 640;
const HEIGHT = 656;
const PANEL_HEIGHT = HEIGHT / 2;
const TICK = 24;
const X_DOMAIN: [number, number] = [-6, 6];

function drawPanel(fig: Figure, panel: Panel): void {
  const { color } = activationStyle[panel.name];
  const { symbol } = ACTIVATIONS[panel.name];
  const f = `${symbol}(x)`;
  const df = `${symbol}'(x)`;
  fig.text(panel.heading, { x: 24, y: panel.top + 34, size: 30, bold: true });
  const plot = new Plot(fig, {
    x: 60,
    y: panel.top + 62,
    width: 536,
    height: PANEL_HEIGHT - 100,
    xDomain: X_DOMAIN,
    yDomain: panel.yDomain,
  });
  plot.grid([-6, -4, -2, 2, 4, 6], panel.yTicks);
  plot.axes({ xTicks: [-6, -4, -2, 2, 4, 6], yTicks: panel.yTicks, xLabel: 'x', tickSize: TICK });

  const xs = plot.samples(241);
  const { y, dy } = sampleActivation(panel.name, xs);
  plot.curve(xs, dy, { color, dashed: true });
  plot.curve(xs, y, { color });

  // The derivative's maximum, read off the sampled curve (at x = 0).
  const peak = dy.reduce((best, v, i) => (v > dy[best] ? i : best), 0);
  fig.add(
    el('circle', { cx: plot.sx(xs[peak]), cy: plot.sy(dy[peak]), r: 7, fill: palette.paper, stroke: palette.ink, 'stroke-width': 3 }),
  );
  const [lx, ly] = panel.peakLabel;
  fig.math(`${df}\\text{ の最大} = ${Number(dy[peak].toFixed(4))}`, {
    x: plot.sx(lx),
    y: plot.sy(ly),
    size: 26,
    baseline: 'middle',
  });

  // Legend in the empty upper left: solid = f, dashed = f′.
  const legendX = plot.sx(-5.6);
  const rows: Array<[string, boolean]> = [
    [f, false],
    [df, true],
  ];
  rows.forEach(([tex, dashed], i) => {
    const ly = plot.sy(panel.yDomain[1]) + 20 + i * 40;
    fig.add(
      el('line', {
        x1: legendX,
        y1: ly,
        x2: legendX + 46,
        y2: ly,
        stroke: color,
        'stroke-width': 4,
        'stroke-dasharray': dashed ? '12 8' : undefined,
      }),
    );
    fig.math(tex, { x: legendX + 58, y: ly, size: 26, baseline: 'middle' });
  });
}

export function sigmoidTanhFigure(): RenderedFigure {
  const fig = new Figure(WIDTH, HEIGHT, 'シグモイド関数とtanh関数、およびその微分(微分の最大値はそれぞれ0.25と1)');
  drawPanel(fig, {
    name: 'sigmoid',
    heading: 'シグモイド関数',
    top: 0,
    yDomain: [0, 1.15],
    yTicks: [0.5, 1],
    peakLabel: [0.45, 0.3],
  });
  drawPanel(fig, {
    name: 'tanh',
    heading: 'tanh関数',
    top: PANEL_HEIGHT,
    yDomain: [-1.15, 1.45],
    yTicks: [-1, 1],
    peakLabel: [0.45, 1.28],
  });
  return fig.render();
}
