import { describe, expect, it } from 'vitest';
import { buildExpression } from '../../../src/demos/backprop/expression.ts';
import { walkGraph } from '../../../src/demos/backprop/graph.ts';
import {
  ACROSS_MIN_WIDTH,
  type Box,
  EDGE_LABEL,
  type GraphPlacement,
  layoutGraph,
  OP_RADIUS,
  type Point,
  placeGraph,
} from '../../../src/demos/backprop/layout.ts';
import { forwardOrder, revealAt, stepCount } from '../../../src/demos/backprop/reveal.ts';
import { REVEAL_STEPS } from '../../../src/demos/backprop/schema.ts';

const { a, b, phi } = buildExpression({ x: 2, t: 10, a: 2, b: 1 });
const graph = walkGraph(phi, [a, b]);
const index = (label: string) => graph.nodes.findIndex((n) => n.label === label);
const labels = (flags: readonly boolean[]) =>
  graph.nodes
    .filter((_, i) => flags[i])
    .map((n) => n.label)
    .sort();

describe('layout', () => {
  const layout = layoutGraph(graph);
  const column = (label: string) => layout.places[index(label)].column;

  it('reads left to right like the slides: x and a first, then x₁, y, and Φ last', () => {
    expect(layout.columns).toBe(7);
    expect([column('a'), column('x'), column('x₁'), column('y'), column('Φ')]).toEqual([0, 0, 2, 4, 6]);
  });

  it('points every edge forward and gives every leaf its own row', () => {
    graph.edges.forEach((e) => {
      expect(layout.places[e.from].column).toBeLessThan(layout.places[e.to].column);
    });
    const leafRows = graph.nodes.flatMap((n, i) => (n.inputs.length === 0 ? [layout.places[i].row] : []));
    expect(new Set(leafRows).size).toBe(leafRows.length);
    expect(layout.rows).toBe(leafRows.length);
  });

  it('top to bottom, puts the longest chain a → … → Φ in lane 0 and each other input beside it', () => {
    const lane = (label: string) => layout.places[index(label)].lane;
    expect(['a', 'ax', 'x₁', 'bx₁', 'y', 'y−t', 'Φ'].map(lane)).toEqual([0, 0, 0, 0, 0, 0, 0]);
    expect(['x', '5', 'b', '3', 't'].map(lane)).toEqual([1, 1, 1, 1, 1]);
    expect(layout.lanes).toBe(2);
  });
});

/** Rectangles as [left, top, right, bottom]. */
type Rect = readonly [number, number, number, number];
const boxRect = (b: Box): Rect => [b.x - b.w / 2, b.y - b.h / 2, b.x + b.w / 2, b.y + b.h / 2];
const labelRect = (p: Point): Rect => [
  p.x - EDGE_LABEL.maxWidth / 2,
  p.y - EDGE_LABEL.height / 2,
  p.x + EDGE_LABEL.maxWidth / 2,
  p.y + EDGE_LABEL.height / 2,
];
const badgeRect = (p: Point): Rect => [p.x - OP_RADIUS, p.y - OP_RADIUS, p.x + OP_RADIUS, p.y + OP_RADIUS];
const overlap = (p: Rect, q: Rect) => p[0] < q[2] && q[0] < p[2] && p[1] < q[3] && q[1] < p[3];
const inside = (p: Rect, width: number, height: number) => p[0] >= 0 && p[1] >= 0 && p[2] <= width && p[3] <= height;
/** Whether a line passes through a rectangle, by points every half unit along it. */
function crosses(line: { x1: number; y1: number; x2: number; y2: number }, r: Rect): boolean {
  const steps = Math.ceil(2 * Math.hypot(line.x2 - line.x1, line.y2 - line.y1));
  for (let k = 0; k <= steps; k++) {
    const x = line.x1 + ((line.x2 - line.x1) * k) / steps;
    const y = line.y1 + ((line.y2 - line.y1) * k) / steps;
    if (x > r[0] && x < r[2] && y > r[1] && y < r[3]) return true;
  }
  return false;
}
const pairs = <T>(items: readonly T[]): [T, T][] => items.flatMap((p, i) => items.slice(i + 1).map((q): [T, T] => [p, q]));

function expectBoxesApart(placement: GraphPlacement): void {
  const boxes = placement.boxes.map(boxRect);
  boxes.forEach((box) => {
    expect(inside(box, placement.width, placement.height)).toBe(true);
  });
  pairs(boxes).forEach(([p, q]) => {
    expect(overlap(p, q)).toBe(false);
  });
}

describe('placement', () => {
  const layout = layoutGraph(graph);

  it('draws left to right on the projector (1280×720 leaves the graph 915 px), its boxes apart', () => {
    const placement = placeGraph(graph, layout, 915);
    expect(placement.flow).toBe('across');
    expectBoxesApart(placement);
    expect(placement.legend).toHaveLength(2);
  });

  it('turns top to bottom where the left-to-right drawing would shrink its labels below 12 px', () => {
    expect(placeGraph(graph, layout, ACROSS_MIN_WIDTH).flow).toBe('across');
    expect(16 * (ACROSS_MIN_WIDTH / placeGraph(graph, layout, ACROSS_MIN_WIDTH).width)).toBeGreaterThanOrEqual(12);
    expect(placeGraph(graph, layout, ACROSS_MIN_WIDTH - 1).flow).toBe('down');
  });

  // 390 and 360 px phones leave the graph about 350 and 320 px; 660 is a 1024 px laptop's stage.
  it.each([350, 320, 660])('at %i px wide draws top to bottom, 1:1, with nothing outside and nothing on top of anything else', (width) => {
    const placement = placeGraph(graph, layout, width);
    expect(placement.flow).toBe('down');
    expect(placement.width).toBe(width);
    expectBoxesApart(placement);
    expect(placement.legend).toEqual([]);

    const boxes = placement.boxes.map(boxRect);
    const badges = placement.badges.flatMap((b) => (b ? [badgeRect(b)] : []));
    const labels = placement.edges.map((e) => labelRect(e.label));
    [...badges, ...labels].forEach((r) => {
      expect(inside(r, placement.width, placement.height)).toBe(true);
    });
    // A badge sits above its own box, touching it, and clear of every other box.
    badges.forEach((badge) => {
      boxes.forEach((box) => {
        expect(overlap(badge, box)).toBe(false);
      });
    });
    labels.forEach((label) => {
      [...boxes, ...badges].forEach((other) => {
        expect(overlap(label, other)).toBe(false);
      });
    });
    pairs(labels).forEach(([p, q]) => {
      expect(overlap(p, q)).toBe(false);
    });
    placement.edges.forEach((edge, e) => {
      labels.forEach((label, f) => {
        if (e !== f) expect(crosses(edge, label), `edge ${e} through the label of edge ${f}`).toBe(false);
      });
    });
  });
});

describe('reveal', () => {
  it('has as many steps as the schema allows: 6 ops forward, 6 backward, 1 update', () => {
    expect(stepCount(graph)).toBe(REVEAL_STEPS);
    expect(forwardOrder(graph).map((i) => graph.nodes[i].label)).toEqual(['ax', 'x₁', 'bx₁', 'y', 'y−t', 'Φ']);
  });

  it('step 0 shows the leaves only; step 6 every value and no gradient', () => {
    expect(labels(revealAt(graph, 0).valueShown)).toEqual(['3', '5', 'a', 'b', 't', 'x']);
    const forward = revealAt(graph, 6);
    expect(forward.valueShown.every(Boolean)).toBe(true);
    expect(forward.gradShown.some(Boolean)).toBe(false);
    expect(forward.current).toBe(index('Φ'));
  });

  it('step 7 visits Φ: its gradient 1, the edge into it and the gradient of y−t appear', () => {
    const r = revealAt(graph, 7);
    expect(r.phase).toBe('backward');
    expect(labels(r.gradShown)).toEqual(['y−t', 'Φ']);
    expect(graph.edges.filter((_, e) => r.localShown[e]).map((e) => graph.nodes[e.from].label)).toEqual(['y−t']);
  });

  it('b’s gradient is known after 4 backward steps, a’s only after 6 (one more derivative on its path)', () => {
    expect(revealAt(graph, 6 + 3).gradShown[index('b')]).toBe(false);
    expect(revealAt(graph, 6 + 4).gradShown[index('b')]).toBe(true);
    expect(revealAt(graph, 6 + 5).gradShown[index('a')]).toBe(false);
    expect(revealAt(graph, 6 + 6).gradShown[index('a')]).toBe(true);
    expect(revealAt(graph, 13).phase).toBe('update');
  });
});
