/**
 * The title slide's full-bleed background: an abstract deep network (columns of nodes, every
 * pair of neighbouring columns fully connected) on a dark blue gradient, with a few paths
 * glowing through it. Positions come from the seeded generator, so the file never changes.
 *
 * It stays vector all the way into the PDF: no SVG filter and no CSS filter on the slide, either of
 * which makes Chromium print the whole picture as an 8 MB bitmap. The glow is translucent strokes
 * and radial gradients instead of a blur, and the darkening the title needs is baked into the colours.
 */
import { createRandom } from '../../nn/random.ts';
import { palette } from '../../ui/palette.ts';
import { dim } from '../color.ts';
import { Figure, type RenderedFigure } from '../figure.ts';
import { circle } from '../shapes.ts';
import { el } from '../svg.ts';

const WIDTH = 1280;
const HEIGHT = 720;
const SEED = 20221;
const COLUMN_SIZES = [6, 9, 11, 12, 12, 11, 9, 6];
const GLOWING_PATHS = 4;
/** The picture is shown at this brightness (it was `![bg brightness:0.7]` on the slide). */
const BRIGHTNESS = 0.7;
const color = (hex: string) => dim(hex, BRIGHTNESS);
const GLOW_COLORS = ['#7dd3fc', palette.sigmoid, '#7dd3fc', '#a5b4fc'].map(color);
/**
 * The halo a Gaussian blur (σ = 5) of a 3 px line, merged twice, puts around it, as wider and fainter
 * strokes under the line: [stroke width, opacity], widest first.
 */
const LINE_HALO: ReadonlyArray<readonly [number, number]> = [
  [26, 0.07],
  [18, 0.12],
  [11, 0.17],
  [6, 0.22],
];
/** The same blur around a lit node (r = 10): opacity of a white halo at fractions of its radius. */
const NODE_HALO_RADIUS = 22;
const NODE_HALO_STOPS: ReadonlyArray<readonly [number, number]> = [
  [0.45, 0.55],
  [0.7, 0.2],
  [1, 0],
];

interface Node {
  x: number;
  y: number;
}

function layoutNetwork(): Node[][] {
  const random = createRandom(SEED);
  const left = -30;
  const step = (WIDTH + 60) / (COLUMN_SIZES.length - 1);
  return COLUMN_SIZES.map((size, c) => {
    const gap = (HEIGHT + 80) / size;
    return Array.from({ length: size }, (_, i) => ({
      x: left + c * step + random.uniform(-18, 18),
      y: -40 + gap * (i + 0.5) + random.uniform(-gap * 0.2, gap * 0.2),
    }));
  });
}

/** One node per column, each a neighbour-ish of the last, so the glowing path reads as a signal passing through. */
function glowingPath(columns: Node[][], random: ReturnType<typeof createRandom>): Node[] {
  let row = random.next();
  return columns.map((column) => {
    row = Math.min(0.999, Math.max(0, row + random.uniform(-0.22, 0.22)));
    return column[Math.floor(row * column.length)];
  });
}

export function titleBackgroundFigure(): RenderedFigure {
  const fig = new Figure(WIDTH, HEIGHT, '抽象的なディープニューラルネットワーク(背景画像)');
  const background = fig.define(
    'sky',
    el(
      'linearGradient',
      { id: 'sky', x1: 0, y1: 0, x2: 1, y2: 1 },
      el('stop', { offset: 0, 'stop-color': color('#08122e') }),
      el('stop', { offset: 0.55, 'stop-color': color('#10265e') }),
      el('stop', { offset: 1, 'stop-color': color('#1d4ed8') }),
    ),
  );
  const haze = fig.define(
    'haze',
    el(
      'radialGradient',
      { id: 'haze', cx: 0.62, cy: 0.45, r: 0.55 },
      el('stop', { offset: 0, 'stop-color': color('#3b82f6'), 'stop-opacity': 0.35 }),
      el('stop', { offset: 1, 'stop-color': color('#3b82f6'), 'stop-opacity': 0 }),
    ),
  );
  const nodeHalo = fig.define(
    'node-halo',
    el(
      'radialGradient',
      { id: 'node-halo' },
      ...NODE_HALO_STOPS.map(([offset, opacity]) => el('stop', { offset, 'stop-color': color('#ffffff'), 'stop-opacity': opacity })),
    ),
  );
  fig.add(el('rect', { width: WIDTH, height: HEIGHT, fill: background }), el('rect', { width: WIDTH, height: HEIGHT, fill: haze }));

  const columns = layoutNetwork();
  const random = createRandom(SEED + 1);
  // Edges in three brightness buckets, one <g> each, to keep the file small.
  const buckets: string[][] = [[], [], []];
  for (let c = 0; c + 1 < columns.length; c++) {
    for (const a of columns[c]) {
      for (const b of columns[c + 1]) {
        buckets[Math.floor(random.next() * buckets.length)].push(el('line', { x1: a.x, y1: a.y, x2: b.x, y2: b.y }));
      }
    }
  }
  buckets.forEach((lines, i) => {
    fig.add(el('g', { stroke: color('#93c5fd'), 'stroke-opacity': 0.07 + i * 0.07, 'stroke-width': 1.2 }, ...lines));
  });

  const paths = Array.from({ length: GLOWING_PATHS }, () => glowingPath(columns, random));
  const glowingLine = (path: Node[], stroke: string) =>
    [...LINE_HALO, [3, 1] as const].map(([width, opacity]) =>
      el('polyline', {
        points: path.map((n) => `${Math.round(n.x)},${Math.round(n.y)}`).join(' '),
        stroke,
        'stroke-width': width,
        'stroke-opacity': opacity === 1 ? undefined : opacity,
      }),
    );
  fig.add(
    el(
      'g',
      { fill: 'none', 'stroke-linecap': 'round', 'stroke-linejoin': 'round' },
      ...paths.flatMap((path, i) => glowingLine(path, GLOW_COLORS[i % GLOW_COLORS.length])),
    ),
  );

  const lit = new Set(paths.flat());
  const nodes = columns.flat();
  const litNodes = nodes.filter((n) => lit.has(n));
  fig.add(
    el('g', { fill: color('#dbeafe'), 'fill-opacity': 0.8 }, ...nodes.filter((n) => !lit.has(n)).map((n) => circle(n.x, n.y, 7, {}))),
  );
  fig.add(el('g', { fill: nodeHalo }, ...litNodes.map((n) => circle(n.x, n.y, NODE_HALO_RADIUS, {}))));
  fig.add(el('g', { fill: color('#ffffff') }, ...litNodes.map((n) => circle(n.x, n.y, 10, {}))));
  return fig.render();
}
