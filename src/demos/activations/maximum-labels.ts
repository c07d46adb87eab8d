import { ACTIVATIONS, type ActivationName } from '../../nn/activations.ts';
import { curveClutter, type Polyline } from './curve-clutter.ts';
import { curvePieces } from './curve-pieces.ts';
import { maximumWhere } from './describe-maximum.ts';
import { type Box, crosses, type Segment } from './label-geometry.ts';
import { estimateWidth, labelBox, labelLines } from './label-size.ts';
import type { ActivationCurve, ExplorerNumbers } from './model.ts';
import { type LabelCandidate, type PlacedLabel, placeLabels } from './place-labels.ts';
import { shortReadoutNumber } from './readout-number.ts';

/*
 * Where the f′ plot marks each maximum (a ring at a peak, a band along a plateau) and where its
 * label goes: anywhere in the plot, clear of every marker and every other label, as near its own
 * marker as the curves allow, with a leader line when it had to move away. Pure: the view draws it.
 */

/** Label text of a maximum (`name` is e.g. "tanh′"). */
export interface MaximumLabels {
  peak(name: string, value: string): string;
  plateau(names: string, value: string, where: string): string;
}

/** The plot area in pixels and its scales. */
export interface PlotArea {
  readonly width: number;
  readonly height: number;
  readonly x: (value: number) => number;
  readonly y: (value: number) => number;
  /** The f′ axis range, for telling a jump from a steep curve. */
  readonly domain: readonly [number, number];
}

/** Font size of the labels on the full page (px); a slide sets its own (view-plot.ts). */
export const LABEL_SIZE = 17;
export const RING_RADIUS = 7;
export const RING_STROKE = 3.5;
/** The crosshair's dots on the curves: their radius, and how far they reach with their white ring. */
export const DOT_RADIUS = 6;
export const DOT_STROKE = 2;
const DOT_REACH = DOT_RADIUS + DOT_STROKE / 2;
export const BAND_WIDTH = 14;
/** Candidate positions every this many pixels, across the whole plot. */
const GRID_STEP = 6;
/** What one curve under one 4-pixel cell of a label costs, in pixels of distance from its marker (by default). */
export const CLUTTER_COST = 0.5;
/** A label farther than this from its marker gets a leader line. */
const LEADER_FROM = 12;
/** What needing a leader line costs, in pixels: a label beside its marker reads best, even over a curve. */
const LEADER_COST = 40;
/** What covering the crosshair's line costs, in pixels: as much as a leader, as it hides where the slide points. */
const CROSSHAIR_COST = 40;

/** Curves whose maximum gets a mark: a peak inside the window, or a plateau (softplus′ → 1 at the edge is neither). */
export function markedCurves(numbers: ExplorerNumbers): ActivationCurve[] {
  return numbers.curves.filter((c) => c.maximum.from !== c.maximum.to || Math.abs(c.maximum.from) < numbers.range);
}

/** Curves with the same maximum at the same place share one label: ReLU′ and Leaky ReLU′ = 1 for x > 0. */
export function maximumGroups(curves: readonly ActivationCurve[]): ActivationCurve[][] {
  const groups = new Map<string, ActivationCurve[]>();
  for (const curve of curves) {
    const { value, from, to } = curve.maximum;
    const key = `${value}|${from}|${to}|${maximumWhere(curve.maximum)}`;
    groups.set(key, [...(groups.get(key) ?? []), curve]);
  }
  return [...groups.values()];
}

/** A maximum's marker as a segment in pixels (a point for a peak) and the half-thickness drawn around it. */
function markerOf(curve: ActivationCurve, area: PlotArea) {
  const { value, from, to } = curve.maximum;
  const peak = from === to;
  return { x1: area.x(from), x2: area.x(to), y: area.y(value), reach: peak ? RING_RADIUS + RING_STROKE / 2 : BAND_WIDTH / 2 };
}

export function markerBox(curve: ActivationCurve, area: PlotArea): Box {
  const m = markerOf(curve, area);
  return { left: m.x1 - m.reach, right: m.x2 + m.reach, top: m.y - m.reach, bottom: m.y + m.reach };
}

const clamp = (v: number, low: number, high: number) => Math.min(high, Math.max(low, v));

/** The closest points of a marker's segment and a box. */
function closestPoints(m: ReturnType<typeof markerOf>, box: Box) {
  const overlapLeft = Math.max(m.x1, box.left);
  const overlapRight = Math.min(m.x2, box.right);
  const xm = overlapLeft <= overlapRight ? (overlapLeft + overlapRight) / 2 : clamp((box.left + box.right) / 2, m.x1, m.x2);
  const xb = clamp(xm, box.left, box.right);
  return { marker: { x: xm, y: m.y }, box: { x: xb, y: clamp(m.y, box.top, box.bottom) } };
}

/** "tanh′", "ReLU′・Leaky ReLU′" (a parenthesised alias like "(swish)" is dropped). */
const primed = (curves: readonly ActivationCurve[]) =>
  curves.map((c) => `${ACTIVATIONS[c.name].label.replace(/ \(.*\)$/, '')}′`).join('・');

function labelText(group: readonly ActivationCurve[], texts: MaximumLabels): string {
  const maximum = group[0].maximum;
  const value = shortReadoutNumber(maximum.value);
  return maximum.from === maximum.to ? texts.peak(primed(group), value) : texts.plateau(primed(group), value, maximumWhere(maximum));
}

/** The f′ curves in pixels, split at jumps, for the clutter under a label. */
function drawnCurves(numbers: ExplorerNumbers, area: PlotArea): Polyline[] {
  return numbers.curves.flatMap((curve) =>
    curvePieces(curve.dy, area.domain).map(([from, to]) => {
      const points: [number, number][] = [];
      for (let i = from; i <= to; i++) points.push([area.x(numbers.xs[i]), area.y(curve.dy[i])]);
      return points;
    }),
  );
}

/** The line from a marker's edge to a label's box, or null for a label right beside its marker. */
function leaderTo(m: ReturnType<typeof markerOf>, box: Box): Segment | null {
  const { marker, box: near } = closestPoints(m, box);
  const length = Math.hypot(near.x - marker.x, near.y - marker.y);
  if (length - m.reach <= LEADER_FROM) return null;
  return {
    x1: marker.x + ((near.x - marker.x) / length) * m.reach,
    y1: marker.y + ((near.y - marker.y) / length) * m.reach,
    x2: near.x,
    y2: near.y,
  };
}

/** A placed label and the curve whose marker it names (the first of its group), for the leader's colour. */
export interface MaximumLabel extends PlacedLabel {
  readonly curve: ActivationName;
}

export interface LabelOptions {
  /** Font size of the labels (px). */
  readonly labelSize?: number;
  /** What one curve under one 4-pixel cell of a label costs, in pixels of distance from its marker. */
  readonly clutterCost?: number;
  /**
   * The crosshair in plot pixels (its line's x, its dots' y), for labels to keep off: its dots
   * are obstacles, its line costs CROSSHAIR_COST. With it, every order of the labels is tried for
   * the cheapest placement, as the crosshair takes room. Null to ignore it.
   */
  readonly crosshair?: { readonly x: number; readonly dots: readonly number[] } | null;
}

/** Every labelled maximum's label, placed; each has its leader line when it sits away from its marker. */
export function maximumLabels(
  numbers: ExplorerNumbers,
  area: PlotArea,
  texts: MaximumLabels,
  { labelSize = LABEL_SIZE, clutterCost = CLUTTER_COST, crosshair = null }: LabelOptions = {},
): MaximumLabel[] {
  const marked = markedCurves(numbers);
  const clutter = curveClutter(drawnCurves(numbers, area), area);
  const markers = marked.map((curve) => ({ curve, box: markerBox(curve, area) }));
  const wanted = maximumGroups(marked).map((group) => {
    const text = labelText(group, texts);
    const width = estimateWidth(text, labelSize);
    const lines = labelLines(text).length;
    const m = markerOf(group[0], area);
    // A leader may not pass through another peak's ring: it would seem to point there (crossing a band is clear).
    const rings = markers.filter(({ curve }) => !group.includes(curve) && curve.maximum.from === curve.maximum.to).map(({ box }) => box);
    const candidates: LabelCandidate[] = [];
    for (let x = 0; x <= area.width; x += GRID_STEP) {
      for (let y = 0; y <= area.height; y += GRID_STEP) {
        const box = labelBox({ x, y, anchor: 'start' }, width, labelSize, lines);
        const { marker, box: near } = closestPoints(m, box);
        const distance = Math.max(0, Math.hypot(near.x - marker.x, near.y - marker.y) - m.reach);
        const leader = leaderTo(m, box);
        if (leader && rings.some((ring) => crosses(leader, ring))) continue;
        candidates.push({ x, y, anchor: 'start', cost: distance + (leader ? LEADER_COST : 0), leader });
      }
    }
    return { text, candidates, curve: group[0].name };
  });
  const dots = (crosshair?.dots ?? []).map((y) => ({
    left: crosshair!.x - DOT_REACH,
    right: crosshair!.x + DOT_REACH,
    top: y - DOT_REACH,
    bottom: y + DOT_REACH,
  }));
  const overCrosshair = (box: Box) => crosshair !== null && box.left < crosshair.x && crosshair.x < box.right;
  const placed = placeLabels(wanted, area, labelSize, {
    obstacles: [...markers.map(({ box }) => box), ...dots],
    clutter: (box) => clutterCost * clutter(box) + (overCrosshair(box) ? CROSSHAIR_COST : 0),
    cheapestOrder: crosshair !== null,
  });
  return placed.map((label) => ({ ...label, curve: wanted.find((w) => w.text === label.text)!.curve }));
}
