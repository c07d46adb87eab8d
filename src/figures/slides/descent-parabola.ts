/** One gradient-descent step on Φ(y) = (y − t)²: from y, move against the slope by α·Φ′(y). */

import { palette } from '../../ui/palette.ts';
import { Figure, type RenderedFigure } from '../figure.ts';
import { Plot } from '../plot.ts';
import { arrow, circle } from '../shapes.ts';
import { el } from '../svg.ts';

export const DESCENT_EXAMPLE = { t: 10, y: 12, alpha: 0.25 } as const;

export function descentStep({ t, y, alpha }: { t: number; y: number; alpha: number }) {
  const objective = (v: number) => (v - t) ** 2;
  const slope = 2 * (y - t); // Φ′(y), the one place the gradient is written out
  return { objective, slope, yNew: y - alpha * slope };
}

export function descentParabolaFigure(): RenderedFigure {
  const { t, y, alpha } = DESCENT_EXAMPLE;
  const { objective, slope, yNew } = descentStep(DESCENT_EXAMPLE);
  const fig = new Figure(440, 640, `勾配降下法: Φ(y)=(y−t)² の上で y=${y} から y_new=${yNew} へ1ステップ進む(t=${t}, α=${alpha})`);

  fig.math("y_{\\mathrm{new}} = y - \\alpha\\, \\Phi'(y)", { x: 24, y: 46, size: 32 });
  fig.math(`= ${y} - ${alpha} \\times ${slope} = ${yNew}`, { x: 78, y: 94, size: 28 });
  fig.math(`t = ${t},~~ \\alpha = ${alpha}`, { x: 24, y: 140, size: 26, fill: palette.muted });

  const plot = new Plot(fig, { x: 64, y: 186, width: 344, height: 384, xDomain: [6, 14], yDomain: [0, 16] });
  const named: Record<number, string> = { [t]: 't', [yNew]: 'y_{\\mathrm{new}}', [y]: 'y' };
  plot.grid([t, yNew, y], [4, 8, 12, 16]);
  plot.axes({
    xTicks: [t, yNew, y],
    yTicks: [4, 8, 12, 16],
    xTickLabel: (v) => named[v],
    tickSize: 26,
    xLabel: 'y',
    yLabel: '\\Phi(y)',
  });

  const xs = plot.samples(161);
  plot.curve(xs, xs.map(objective), { color: palette.primary });

  // Tangent at the current y: slope Φ′(y).
  const tangent = (v: number) => objective(y) + slope * (v - y);
  fig.add(
    el('line', {
      x1: plot.sx(y - 1),
      y1: plot.sy(tangent(y - 1)),
      x2: plot.sx(y + 0.9),
      y2: plot.sy(tangent(y + 0.9)),
      stroke: palette.accent,
      'stroke-width': 3,
      'stroke-dasharray': '10 7',
    }),
  );
  fig.math(`\\text{傾き } \\Phi'(y) = ${slope}`, { x: plot.sx(10), y: plot.sy(9.5), size: 26, anchor: 'middle', fill: palette.accent });

  // Guides from both points down to the axis, then the step as an arrow just inside the bowl.
  const guides = [y, yNew].map((v) =>
    el('line', {
      x1: plot.sx(v),
      y1: plot.sy(objective(v)),
      x2: plot.sx(v),
      y2: plot.sy(0),
      stroke: palette.muted,
      'stroke-width': 2,
      'stroke-dasharray': '4 5',
    }),
  );
  fig.add(...guides);
  const from = { x: plot.sx(y), y: plot.sy(objective(y)) };
  const to = { x: plot.sx(yNew), y: plot.sy(objective(yNew)) };
  const length = Math.hypot(to.x - from.x, to.y - from.y);
  const nx = -(to.y - from.y) / length; // unit normal pointing into the bowl (up and left)
  const ny = (to.x - from.x) / length;
  const inset = 20;
  const trim = 14;
  const ux = (to.x - from.x) / length;
  const uy = (to.y - from.y) / length;
  fig.add(
    arrow(
      { x: from.x + nx * inset + ux * trim, y: from.y + ny * inset + uy * trim },
      { x: to.x + nx * inset - ux * trim, y: to.y + ny * inset - uy * trim },
      { color: palette.accent, width: 4 },
    ),
    circle(from.x, from.y, 8, { fill: palette.accent }),
    circle(to.x, to.y, 8, { fill: palette.paper, stroke: palette.accent, 'stroke-width': 4 }),
  );
  return fig.render();
}
