import { describe, expect, it } from 'vitest';
import { buildExpression } from '../../../src/demos/backprop/expression.ts';
import { walkGraph } from '../../../src/demos/backprop/graph.ts';
import { layoutGraph } from '../../../src/demos/backprop/layout.ts';
import { forwardOrder, revealAt, stepCount } from '../../../src/demos/backprop/reveal.ts';
import { REVEAL_STEPS } from '../../../src/demos/backprop/schema.ts';

const { a, b, phi } = buildExpression({ x: 2, t: 10, a: 2, b: 1 });
const graph = walkGraph(phi, [a, b]);
const index = (label: string) => graph.nodes.findIndex((n) => n.label === label);
const labels = (flags: readonly boolean[]) => graph.nodes.filter((_, i) => flags[i]).map((n) => n.label).sort();

describe('layout', () => {
  const layout = layoutGraph(graph);
  const column = (label: string) => layout.places[index(label)].column;

  it('reads left to right like the slides: x and a first, then x₁, y, and Φ last', () => {
    expect(layout.columns).toBe(7);
    expect([column('a'), column('x'), column('x₁'), column('y'), column('Φ')]).toEqual([0, 0, 2, 4, 6]);
  });

  it('points every edge to the right and gives every leaf its own row', () => {
    graph.edges.forEach((e) => expect(layout.places[e.from].column).toBeLessThan(layout.places[e.to].column));
    const leafRows = graph.nodes.flatMap((n, i) => (n.inputs.length === 0 ? [layout.places[i].row] : []));
    expect(new Set(leafRows).size).toBe(leafRows.length);
    expect(layout.rows).toBe(leafRows.length);
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
