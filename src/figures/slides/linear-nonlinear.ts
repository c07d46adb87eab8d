/** 線形 vs 非線形: a straight line y = 2x + 1 beside the sigmoid, an activation function. */
import { ACTIVATIONS, sampleActivation } from '../../nn/activations.ts';
import { activationStyle, palette } from '../../ui/palette.ts';
import { Figure, type RenderedFigure } from '../figure.ts';
import { Plot } from '../plot.ts';

const SLOPE = 2;
const INTERCEPT = 1;

export function linearNonlinearFigure(): RenderedFigure {
  const fig = new Figure(576, 360, `線形(y = ${SLOPE}x + ${INTERCEPT}、直線)と非線形(シグモイド関数、曲線)`);

  fig.math(`\\textbf{線形}\\quad y = ${SLOPE}x + ${INTERCEPT}`, { x: 20, y: 40, size: 28 });
  const linear = new Plot(fig, { x: 36, y: 100, width: 220, height: 230, xDomain: [-3, 3], yDomain: [-5, 7] });
  linear.grid([-2, -1, 1, 2], [-4, -2, 2, 4, 6]);
  linear.axes({ xTicks: [], yTicks: [], xLabel: 'x', yLabel: 'y' });
  const lx = linear.samples(2);
  linear.curve(
    lx,
    lx.map((v) => SLOPE * v + INTERCEPT),
    { color: palette.primary },
  );

  fig.math(`\\textbf{非線形}\\quad y = ${ACTIVATIONS.sigmoid.symbol}(x)`, { x: 310, y: 40, size: 28 });
  const nonlinear = new Plot(fig, { x: 326, y: 100, width: 220, height: 230, xDomain: [-6, 6], yDomain: [-0.4, 1.2] });
  nonlinear.grid([-4, -2, 2, 4], [0.5, 1]);
  nonlinear.axes({ xTicks: [], yTicks: [], xLabel: 'x', yLabel: 'y' });
  const sx = nonlinear.samples(121);
  nonlinear.curve(sx, sampleActivation('sigmoid', sx).y, { color: activationStyle.sigmoid.color });
  return fig.render();
}
