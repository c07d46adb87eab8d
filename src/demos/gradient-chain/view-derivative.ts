import { axisBottom, axisLeft } from 'd3-axis';
import { line } from 'd3-shape';
import { type PlotFrame, plotFrame } from '../../ui/plot-frame.ts';
import type { View } from '../../ui/view.ts';
import { derivativeCurve, type GradientChain } from './model.ts';
import { layerRevealer, pulseLayer } from './pulse.ts';

export interface DerivativeOptions {
  readonly chain: GradientChain;
  readonly maxDerivative: number;
  readonly halfWidth: number;
  readonly width: number;
  readonly height: number;
  readonly color: string;
  readonly title: string;
  readonly maxLabel: string;
  /** In a slide (embed=1): 22 px labels (gradient-chain.css), so fewer ticks and no axis caption. */
  readonly embedded: boolean;
}

/** Its model is the pulse's step: the factors of the layers it has reached are shown. */
export interface DerivativeView extends View<number> {
  readonly element: SVGSVGElement;
}

/**
 * Margins and label places for the type size (14 px notes on the page, 22 px in a slide): `nameY` is
 * the baseline of "A′(z)", `belowMax` how far under its line the label of a maximum at the top sits.
 */
const LOOK = {
  page: { margin: { top: 10, right: 12, bottom: 36, left: 52 }, nameY: 12, belowMax: 14 },
  slide: { margin: { top: 10, right: 14, bottom: 30, left: 52 }, nameY: 20, belowMax: 22 },
};
const Y_TOP = 1.15;

/** In a slide: three values of z, clear of the corner where A′'s 0 is labelled, and A′ at 0 and 1 (the maximum is labelled on its line). */
function drawSlideTicks(frame: PlotFrame, halfWidth: number): void {
  const { x, y, svg, innerWidth, innerHeight } = frame;
  const z = Math.floor(halfWidth / 2);
  svg.select<SVGGElement>('.axis-x').call(axisBottom(x).tickValues([-z, 0, z]).tickSize(-innerHeight));
  svg.select<SVGGElement>('.axis-y').call(axisLeft(y).tickValues([0, 1]).tickFormat(String).tickSize(-innerWidth));
}

/** The curve A′(z) with a dot at each layer's (z_k, A′(z_k)); the pulse's layer gets a ring. */
export function createDerivativeView(options: DerivativeOptions): DerivativeView {
  const { chain, halfWidth, embedded } = options;
  const n = chain.depth;
  const look = LOOK[embedded ? 'slide' : 'page'];
  const frame = plotFrame({
    width: options.width,
    height: options.height,
    x: [-halfWidth, halfWidth],
    y: [0, Y_TOP],
    xLabel: embedded ? undefined : 'z',
    title: options.title,
    margin: look.margin,
  });
  const { x, y, plot, innerWidth } = frame;
  if (embedded) {
    drawSlideTicks(frame, halfWidth);
  } else {
    frame.svg.select('.axis-label').attr('y', frame.innerHeight + 32);
    frame.svg.select<SVGGElement>('.axis-y').call(axisLeft(y).tickValues([0, 0.5, 1]).tickSize(-innerWidth));
  }
  plot.append('text').attr('class', 'gc-note').attr('x', 4).attr('y', look.nameY).text('A′(z)');
  const clampZ = (z: number) => Math.max(-halfWidth, Math.min(halfWidth, z));

  const yMax = y(options.maxDerivative);
  plot.append('line').attr('class', 'gc-max-line').attr('x1', 0).attr('x2', innerWidth).attr('y1', yMax).attr('y2', yMax);
  // A low maximum (sigmoid's 0.25) is labelled above its line on the left, clear of the "A′(z)" name at
  // the top left; a maximum at the top (1) just under its line, over z < 0 where A′ is small, clear of
  // the ring that marks the current unit (at z = 2 on the slides) and of the name.
  const lowMax = options.maxDerivative < 0.5;
  plot
    .append('text')
    .attr('class', 'gc-note')
    .attr('x', lowMax ? 4 : x(-halfWidth / 2))
    .attr('y', lowMax ? yMax - 5 : yMax + look.belowMax)
    .text(options.maxLabel);

  const curve = derivativeCurve(chain.activation, halfWidth);
  const path = line<number>()
    .x((i) => x(curve.z[i]))
    .y((i) => y(curve.dy[i]));
  plot
    .append('path')
    .attr('class', 'gc-curve')
    .attr('stroke', options.color)
    .attr('d', path(Array.from(curve.z, (_, i) => i)));

  const dots = Array.from(
    chain.z,
    (z, i) =>
      plot
        .append('circle')
        .attr('class', 'gc-dot')
        .attr('cx', x(clampZ(z)))
        .attr('cy', y(chain.derivatives[i]))
        .attr('r', 5)
        .attr('fill', options.color)
        .node()!,
  );
  const ring = plot.append('circle').attr('class', 'gc-ring').attr('r', 10);

  const reveal = layerRevealer(dots);
  return {
    element: frame.svg.node()!,
    update(step) {
      reveal(step);
      const layer = pulseLayer(n, step);
      if (layer === null) {
        ring.attr('visibility', 'hidden');
      } else {
        ring
          .attr('visibility', 'visible')
          .attr('cx', x(clampZ(chain.z[layer - 1])))
          .attr('cy', y(chain.derivatives[layer - 1]));
      }
    },
  };
}
