/** 線形 vs 非線形: a straight line y = 2x + 1 beside the sigmoid, an activation function. */
import { ACTIVATIONS, sampleActivation } from '../../nn/activations.ts';
import { activationStyle, palette } from '../../ui/palette.ts';
import { Figure, type RenderedFigure } from '../figure.ts';
import { Plot } from '../plot.ts';

const SLOPE = 2;
const INTERCEPT = 1;
// Drawn at the size of its place on slide 18 (the lower half of a 45 % column), so 1 unit is 1 px there.
const WIDTH = 540;
const HEIGHT = 260;
const HEADING = 26;

export function linearNonlinearFigure(): RenderedFigure {
  const fig = new Figure(WIDTH, HEIGHT, `線形(y = ${SLOPE}x + ${INTERCEPT}、直線)と非線形(シグモイド関数、曲線)`);

  fig.math(`\\textbf{線形}\\quad y = ${SLOPE}x + ${INTERCEPT}`, { x: 8, y: 30, size: HEADING });
  const linear = new Plot(fig, { x: 24, y: 72, width: 206, height: 180, xDomain: [-3, 3], yDomain: [-5, 7] });
  linear.grid([-2, -1, 1, 2], [-4, -2, 2, 4, 6]);
  linear.axes({ xTicks: [], yTicks: [], xLabel: 'x', yLabel: 'y' });
  const lx = linear.samples(2);
  linear.curve(
    lx,
    lx.map((v) => SLOPE * v + INTERCEPT),
    { color: palette.primary },
  );

  fig.math(`\\textbf{非線形}\\quad y = ${ACTIVATIONS.sigmoid.symbol}(x)`, { x: 286, y: 30, size: HEADING });
  const nonlinear = new Plot(fig, { x: 302, y: 72, width: 206, height: 180, xDomain: [-6, 6], yDomain: [-0.4, 1.2] });
  nonlinear.grid([-4, -2, 2, 4], [0.5, 1]);
  nonlinear.axes({ xTicks: [], yTicks: [], xLabel: 'x', yLabel: 'y' });
  const sx = nonlinear.samples(121);
  nonlinear.curve(sx, sampleActivation('sigmoid', sx).y, { color: activationStyle.sigmoid.color });
  return fig.render();
}
