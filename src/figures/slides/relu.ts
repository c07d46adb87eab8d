/** ReLU and its derivative: a step from 0 to 1, with ReLU′(0) = 0 as the engine defines it. */
import { ACTIVATIONS, sampleActivation } from '../../nn/activations.ts';
import { activationStyle, palette } from '../../ui/palette.ts';
import { Figure, type RenderedFigure } from '../figure.ts';
import { Plot } from '../plot.ts';
import { circle } from '../shapes.ts';

const X_DOMAIN: [number, number] = [-4, 4];
/** 161 samples put one exactly at x = 0, where the step's closed dot belongs. */
const SAMPLES = 161;
// Drawn at the size of its place on slide 22 (a 40 % column less the theme's margin), so 1 unit is 1 px there.
const WIDTH = 476;
const HEIGHT = 620;
const TICK = 24;

/** Splits sample indices where the derivative jumps, so the step is not drawn as a slope. */
function continuousPieces(values: Float64Array): Array<[number, number]> {
  const pieces: Array<[number, number]> = [];
  let start = 0;
  for (let i = 1; i < values.length; i++) {
    if (Math.abs(values[i] - values[i - 1]) > 0.5) {
      pieces.push([start, i]);
      start = i;
    }
  }
  pieces.push([start, values.length]);
  return pieces;
}

export function reluFigure(): RenderedFigure {
  const fig = new Figure(WIDTH, HEIGHT, 'ReLU関数とその微分(xが正なら1、0以下なら0)');
  const { color } = activationStyle.relu;
  const { symbol, formula } = ACTIVATIONS.relu;

  fig.math(formula, { x: 12, y: 36, size: 30 });
  const top = new Plot(fig, { x: 44, y: 70, width: 400, height: 210, xDomain: X_DOMAIN, yDomain: [-0.7, 4.3] });
  top.grid([-4, -2, 2, 4], [1, 2, 3, 4]);
  top.axes({ xTicks: [-4, -2, 2, 4], yTicks: [2, 4], xLabel: 'x', tickSize: TICK });
  const xs = top.samples(SAMPLES);
  const { y, dy } = sampleActivation('relu', xs);
  top.curve(xs, y, { color, width: 5 });

  fig.math(`${symbol}'(x)`, { x: 12, y: 370, size: 30 });
  fig.text('(微分)', { x: 158, y: 370, size: 26, fill: palette.muted });
  const bottom = new Plot(fig, { x: 44, y: 404, width: 400, height: 164, xDomain: X_DOMAIN, yDomain: [-0.45, 1.55] });
  bottom.grid([-4, -2, 2, 4], [1]);
  bottom.axes({ xTicks: [-4, -2, 2, 4], yTicks: [1], xLabel: 'x', tickSize: TICK });
  for (const [from, to] of continuousPieces(dy)) {
    bottom.curve(xs.subarray(from, to), dy.subarray(from, to), { color, width: 5 });
  }

  // Closed dot: the engine's value at 0 itself; open dot: the one-sided limit it does not take.
  const zero = xs.indexOf(0);
  const openLimit = dy[zero - 1] === dy[zero] ? dy[zero + 1] : dy[zero - 1];
  fig.add(
    circle(bottom.sx(0), bottom.sy(openLimit), 8, { fill: palette.paper, stroke: color, 'stroke-width': 4 }),
    circle(bottom.sx(0), bottom.sy(dy[zero]), 8, { fill: color }),
  );
  fig.math('x > 0 \\text{ なら }1', { x: bottom.sx(1.95), y: bottom.sy(1) - 24, size: 26, anchor: 'middle' });
  fig.math('x \\le 0 \\text{ なら }0', { x: bottom.sx(-2.05), y: bottom.sy(0) - 24, size: 26, anchor: 'middle' });
  return fig.render();
}
