/** ReLU and its derivative: a step from 0 to 1, with ReLU′(0) = 0 as the engine defines it. */
import { ACTIVATIONS, sampleActivation } from '../../nn/activations.ts';
import { activationStyle, palette } from '../../ui/palette.ts';
import { Figure, type RenderedFigure } from '../figure.ts';
import { Plot } from '../plot.ts';
import { circle } from '../shapes.ts';

const X_DOMAIN: [number, number] = [-4, 4];
/** 161 samples put one exactly at x = 0, where the step's closed dot belongs. */
const SAMPLES = 161;

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
  const fig = new Figure(512, 720, 'ReLU関数とその微分(xが正なら1、0以下なら0)');
  const { color } = activationStyle.relu;
  const { symbol, formula } = ACTIVATIONS.relu;

  fig.math(formula, { x: 24, y: 42, size: 30 });
  const top = new Plot(fig, { x: 56, y: 84, width: 410, height: 236, xDomain: X_DOMAIN, yDomain: [-0.7, 4.3] });
  top.grid([-4, -2, 2, 4], [1, 2, 3, 4]);
  top.axes({ xTicks: [-4, -2, 2, 4], yTicks: [2, 4], xLabel: 'x' });
  const xs = top.samples(SAMPLES);
  const { y, dy } = sampleActivation('relu', xs);
  top.curve(xs, y, { color, width: 5 });

  fig.math(`${symbol}'(x)`, { x: 24, y: 428, size: 30 });
  fig.text('(微分)', { x: 170, y: 428, size: 26, fill: palette.muted });
  const bottom = new Plot(fig, { x: 56, y: 470, width: 410, height: 180, xDomain: X_DOMAIN, yDomain: [-0.45, 1.55] });
  bottom.grid([-4, -2, 2, 4], [1]);
  bottom.axes({ xTicks: [-4, -2, 2, 4], yTicks: [1], xLabel: 'x' });
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
  fig.math('x > 0 \\text{ なら }1', { x: bottom.sx(1.95), y: bottom.sy(1) - 26, size: 24, anchor: 'middle' });
  fig.math('x \\le 0 \\text{ なら }0', { x: bottom.sx(-2.05), y: bottom.sy(0) - 26, size: 24, anchor: 'middle' });
  return fig.render();
}
