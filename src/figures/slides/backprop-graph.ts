/**
 * The worked example's computational graph, x → [×a, +5] → x₁ → [×b, +3] → y → Φ = (y − t)²,
 * in four states that share one layout so the slides can flip between them: plain, with the
 * forward values, and with the backward path to b or to a highlighted with its local derivatives.
 */

import { palette } from '../../ui/palette.ts';
import { Figure, type RenderedFigure } from '../figure.ts';
import type { Point } from '../shapes.ts';
import { arrow, circle, roundedBox } from '../shapes.ts';
import { el, points } from '../svg.ts';
import { type BackpropNumbers, backpropNumbers } from './backprop-example.ts';

export type BackpropState = 'plain' | 'values' | 'gradB' | 'gradA';

const CX = 280; // the main chain
const PX = 106; // inputs that feed in from the left: t, b, a
const R = 30;
const BOX_H = 58;
const ROW = { phi: 62, y: 170, layer2: 278, x1: 386, layer1: 494, x: 602 } as const;
const BOX_W = { phi: 200, layer: 160 } as const;
const LABEL = 30;
const TAG = 28;
const DERIV = 28;

interface Edge {
  from: Point;
  to: Point;
}

const edges = {
  xToLayer1: { from: { x: CX, y: ROW.x - R }, to: { x: CX, y: ROW.layer1 + BOX_H / 2 } },
  aToLayer1: { from: { x: PX + R, y: ROW.layer1 }, to: { x: CX - BOX_W.layer / 2, y: ROW.layer1 } },
  layer1ToX1: { from: { x: CX, y: ROW.layer1 - BOX_H / 2 }, to: { x: CX, y: ROW.x1 + R } },
  x1ToLayer2: { from: { x: CX, y: ROW.x1 - R }, to: { x: CX, y: ROW.layer2 + BOX_H / 2 } },
  bToLayer2: { from: { x: PX + R, y: ROW.layer2 }, to: { x: CX - BOX_W.layer / 2, y: ROW.layer2 } },
  layer2ToY: { from: { x: CX, y: ROW.layer2 - BOX_H / 2 }, to: { x: CX, y: ROW.y + R } },
  yToPhi: { from: { x: CX, y: ROW.y - R }, to: { x: CX, y: ROW.phi + BOX_H / 2 } },
  tToPhi: { from: { x: PX + R, y: ROW.phi }, to: { x: CX - BOX_W.phi / 2, y: ROW.phi } },
} satisfies Record<string, Edge>;

type EdgeName = keyof typeof edges;

/** Which forward edges each backward path runs along. */
const paths: Record<'gradB' | 'gradA', EdgeName[]> = {
  gradB: ['yToPhi', 'layer2ToY', 'bToLayer2'],
  gradA: ['yToPhi', 'layer2ToY', 'x1ToLayer2', 'layer1ToX1', 'aToLayer1'],
};

/** A soft accent band from Φ down the chain to the parameter, and a ring on that parameter. */
function drawHighlight(fig: Figure, parameterRow: number): void {
  const band = points([
    [CX, ROW.phi],
    [CX, parameterRow],
    [PX, parameterRow],
  ]);
  fig.add(
    el('polyline', {
      points: band,
      fill: 'none',
      stroke: palette.accent,
      'stroke-opacity': 0.16,
      'stroke-width': 40,
      'stroke-linejoin': 'round',
      'stroke-linecap': 'round',
    }),
    circle(PX, parameterRow, R + 7, { fill: 'none', stroke: palette.accent, 'stroke-width': 4 }),
  );
}

function drawEdges(fig: Figure, highlighted: readonly EdgeName[]): void {
  for (const [name, { from, to }] of Object.entries(edges) as Array<[EdgeName, Edge]>) {
    const on = highlighted.includes(name);
    fig.add(arrow(from, to, { color: on ? palette.ink : palette.muted, width: on ? 4 : 3, head: on ? 16 : 14 }));
  }
}

/** The backward pass: accent arrows beside the highlighted edges, pointing from Φ towards the parameter. */
function drawBackward(fig: Figure, highlighted: readonly EdgeName[]): void {
  const gap = 18;
  for (const name of highlighted) {
    const { from, to } = edges[name];
    const vertical = from.x === to.x;
    const shift = vertical ? { x: gap, y: 0 } : { x: 0, y: gap };
    const inset = 6;
    const dir = vertical ? { x: 0, y: Math.sign(from.y - to.y) } : { x: Math.sign(from.x - to.x), y: 0 };
    fig.add(
      arrow(
        { x: to.x + shift.x + dir.x * inset, y: to.y + shift.y + dir.y * inset },
        { x: from.x + shift.x - dir.x * inset, y: from.y + shift.y - dir.y * inset },
        { color: palette.accent, width: 3, head: 13 },
      ),
    );
  }
}

function drawNodes(fig: Figure): void {
  const valueNode = (y: number, tex: string) => {
    fig.add(circle(CX, y, R, { fill: palette.paper, stroke: palette.ink, 'stroke-width': 3 }));
    fig.math(tex, { x: CX, y, size: LABEL, anchor: 'middle', baseline: 'middle' });
  };
  const inputNode = (y: number, tex: string, color: string) => {
    fig.add(circle(PX, y, R, { fill: color }));
    fig.math(tex, { x: PX, y, size: LABEL, anchor: 'middle', baseline: 'middle', fill: palette.paper });
  };
  const box = (y: number, width: number, tex: string) => {
    fig.add(roundedBox(CX - width / 2, y - BOX_H / 2, width, BOX_H, { fill: '#eef2ff', stroke: palette.primary, 'stroke-width': 3 }));
    fig.math(tex, { x: CX, y, size: LABEL - 2, anchor: 'middle', baseline: 'middle' });
  };
  box(ROW.phi, BOX_W.phi, '\\Phi = (y - t)^2');
  valueNode(ROW.y, 'y');
  box(ROW.layer2, BOX_W.layer, 'b x_1 + 3');
  valueNode(ROW.x1, 'x_1');
  box(ROW.layer1, BOX_W.layer, 'a x + 5');
  valueNode(ROW.x, 'x');
  inputNode(ROW.phi, 't', palette.muted);
  inputNode(ROW.layer2, 'b', palette.primary);
  inputNode(ROW.layer1, 'a', palette.primary);
}

function drawValues(fig: Figure, n: BackpropNumbers): void {
  const right = (y: number, value: number, dx = R) =>
    fig.math(`= ${value}`, { x: CX + dx + 12, y, size: TAG, baseline: 'middle', fill: palette.primary });
  right(ROW.phi, n.phi, BOX_W.phi / 2);
  right(ROW.y, n.y);
  right(ROW.x1, n.x1);
  right(ROW.x, n.x);
  const below = (y: number, value: number) =>
    fig.math(`= ${value}`, { x: PX, y: y + R + 16 + TAG * 0.75, size: TAG, anchor: 'middle', fill: palette.primary });
  below(ROW.phi, n.t);
  below(ROW.layer2, n.b);
  below(ROW.layer1, n.a);
}

function between(a: number, b: number): number {
  return (a + b) / 2;
}

function drawDerivatives(fig: Figure, n: BackpropNumbers, state: 'gradB' | 'gradA'): void {
  const style = { size: DERIV, baseline: 'middle' as const, fill: palette.accent };
  const onVertical = (y: number, tex: string) => fig.math(tex, { x: CX + 40, y, ...style });
  const aboveInput = (y: number, tex: string) => fig.math(tex, { x: PX - R - 26, y: y - R - 30, ...style });

  onVertical(between(ROW.phi + BOX_H / 2, ROW.y - R), `\\partial\\Phi/\\partial y = 2(y - t) = ${n.dPhiDy}`);
  let product: string;
  if (state === 'gradB') {
    aboveInput(ROW.layer2, `\\partial y/\\partial b = x_1 = ${n.dyDb}`);
    product = `\\partial\\Phi/\\partial b = ${n.dPhiDy} \\times ${n.dyDb} = ${n.dPhiDb}`;
  } else {
    onVertical(between(ROW.layer2 + BOX_H / 2, ROW.x1 - R), `\\partial y/\\partial x_1 = b = ${n.dyDx1}`);
    aboveInput(ROW.layer1, `\\partial x_1/\\partial a = x = ${n.dx1Da}`);
    product = `\\partial\\Phi/\\partial a = ${n.dPhiDy} \\times ${n.dyDx1} \\times ${n.dx1Da} = ${n.dPhiDa}`;
  }
  fig.add(roundedBox(60, 652, 520, 56, { fill: '#fff7ed', stroke: palette.accent, 'stroke-width': 3 }));
  fig.math(product, { x: 320, y: 680, size: 28, anchor: 'middle', baseline: 'middle', fill: palette.ink });
}

const titles: Record<BackpropState, string> = {
  plain: '計算グラフ: x → (×a, +5) → x₁ → (×b, +3) → y → Φ = (y − t)²',
  values: '計算グラフと順伝播の値: x=2, a=2, b=1, x₁=9, y=12, t=10, Φ=4',
  gradB: 'bの勾配: ∂Φ/∂y と ∂y/∂b を掛けて ∂Φ/∂b を求める',
  gradA: 'aの勾配: ∂Φ/∂y, ∂y/∂x₁, ∂x₁/∂a を掛けて ∂Φ/∂a を求める',
};

export function backpropGraphFigure(state: BackpropState): RenderedFigure {
  const n = backpropNumbers();
  const fig = new Figure(640, 720, titles[state]);
  const highlighted = state === 'gradB' || state === 'gradA' ? paths[state] : [];
  if (state === 'gradB' || state === 'gradA') drawHighlight(fig, state === 'gradB' ? ROW.layer2 : ROW.layer1);
  drawEdges(fig, highlighted);
  if (state === 'gradB' || state === 'gradA') drawBackward(fig, highlighted);
  drawNodes(fig);
  if (state !== 'plain') drawValues(fig, n);
  if (state === 'gradB' || state === 'gradA') drawDerivatives(fig, n, state);
  return fig.render();
}
