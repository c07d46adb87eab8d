import { type Selection, select } from 'd3-selection';
import { el } from '../../ui/dom.ts';
import { numberText, superscript } from '../../ui/number-text.ts';
import { palette } from '../../ui/palette.ts';
import type { View } from '../../ui/view.ts';
import { LOSS_EXPONENT } from './expression.ts';
import { pathToRoot } from './graph.ts';
import { EDGE_LABEL, OP_RADIUS, placeGraph } from './layout.ts';
import type { BackpropModel } from './model.ts';
import type { Focus } from './schema.ts';

/*
 * Draws the engine's graph (as walked by graph.ts) with the boxes layout.ts places: a box per
 * value with its value and gradient, an op badge where the edges come in, and on each edge the
 * local derivative once the backward pass has crossed it. Left to right where there is room;
 * top to bottom on a phone, redrawn whenever the width it gets changes.
 */
const OP_SYMBOL: Readonly<Record<string, string>> = {
  mul: '×',
  add: '+',
  sub: '−',
  pow: superscript(String(LOSS_EXPONENT)),
};

export interface GraphViewText {
  readonly title: string;
  readonly gradWord: string;
  /** Two lines explaining boxes and edge numbers: in the drawing's empty lower-left corner, or below it. */
  readonly legend: readonly [string, string];
}

/** The step to draw, and the parameter whose path to Φ is highlighted. */
export interface GraphModel {
  readonly model: BackpropModel;
  readonly focus: Focus;
}

/** Its element is the drawing and, when the drawing has no free corner, the legend below it. */
export type GraphView = View<GraphModel>;

/** Rough width of a text in ems (CJK square, Latin about half), for sizing edge labels before drawing. */
function estimatedEms(text: string): number {
  let ems = 0;
  for (const ch of text) ems += /[\u3000-\u9fff\uff00-\uffef]/.test(ch) ? 1 : /[⁰¹²³⁴⁵⁶⁷⁸⁹⁻₁]/.test(ch) ? 0.4 : 0.55;
  return ems;
}

/** Squeezes a drawn line that overflows `room` (long numbers after many updates) instead of letting it spill. */
function fitText(node: Selection<SVGTextElement, unknown, null, undefined>, room: number): void {
  const element = node.node();
  if (element && element.getComputedTextLength() > room) node.attr('textLength', room).attr('lengthAdjust', 'spacingAndGlyphs');
}

export function createGraphView(text: GraphViewText, onParameterClick: (label: string) => void): GraphView {
  const svg = select(document.createElementNS('http://www.w3.org/2000/svg', 'svg'))
    .attr('class', 'plot bp-graph')
    .attr('role', 'img')
    .attr('aria-label', text.title);
  const legendBelow = el('p', { class: 'bp-legend' }, text.legend[0], el('br'), text.legend[1]);
  const element = el('div', { class: 'bp-graph-wrap', 'data-testid': 'graph' }, svg.node()!, legendBelow);
  let drawn: { shown: GraphModel; width: number } | null = null;

  function draw(shown: GraphModel): void {
    const { model, focus } = shown;
    const { graph, reveal } = model;
    const width = element.clientWidth;
    const placement = placeGraph(graph, model.layout, width);
    const { boxes, badges } = placement;
    const highlighted = focus === 'none' ? new Set<number>() : pathToRoot(graph, model.node[focus]);
    drawn = { shown, width };

    svg.attr('viewBox', `0 0 ${placement.width} ${placement.height}`).attr('data-flow', placement.flow).selectAll('*').remove();
    legendBelow.hidden = placement.legend.length > 0;
    if (placement.legend.length > 0) {
      const legend = svg.append('text').attr('class', 'legend').attr('font-size', 15).attr('fill', palette.muted);
      placement.legend.forEach((at, k) => {
        legend.append('tspan').attr('x', at.x).attr('y', at.y).text(text.legend[k]);
      });
    }

    const edges = svg.append('g').attr('class', 'edges');
    const nodes = svg.append('g').attr('class', 'nodes');
    // Edge labels go on top of the boxes: drawn left to right, the short edges into 'ax' may touch a box.
    const locals = svg.append('g').attr('class', 'locals');
    graph.edges.forEach((edge, e) => {
      const { x1, y1, x2, y2, label: at } = placement.edges[e];
      const onPath = highlighted.has(edge.from) && highlighted.has(edge.to);
      edges
        .append('line')
        .attr('x1', x1)
        .attr('y1', y1)
        .attr('x2', x2)
        .attr('y2', y2)
        .attr('stroke', onPath ? palette.primary : palette.muted)
        .attr('stroke-width', onPath ? 5 : 2);
      if (!reveal.localShown[e]) return;
      const label = numberText(edge.local);
      const w = Math.min(EDGE_LABEL.maxWidth, 12 + 16 * estimatedEms(label));
      const h = EDGE_LABEL.height;
      const pill = locals
        .append('g')
        .attr('class', 'local')
        .attr('data-edge', `${graph.nodes[edge.from].label}→${graph.nodes[edge.to].label}`)
        .attr('transform', `translate(${at.x},${at.y})`);
      pill
        .append('rect')
        .attr('x', -w / 2)
        .attr('y', -h / 2)
        .attr('width', w)
        .attr('height', h)
        .attr('rx', h / 2)
        .attr('fill', palette.paper)
        .attr('stroke', onPath ? palette.primary : palette.muted)
        .attr('stroke-width', 2);
      const pillText = pill
        .append('text')
        .attr('text-anchor', 'middle')
        .attr('dy', '0.35em')
        .attr('font-size', 16)
        .attr('font-weight', 700)
        .attr('fill', palette.ink)
        .text(label);
      fitText(pillText, w - 10);
    });

    graph.nodes.forEach((node, i) => {
      const { x, y, w, h } = boxes[i];
      const g = nodes
        .append('g')
        .attr('transform', `translate(${x - w / 2},${y - h / 2})`)
        .attr('class', 'node')
        .attr('data-label', node.label);
      const current = reveal.current === i;
      const onPath = highlighted.has(i);
      g.append('rect')
        .attr('width', w)
        .attr('height', h)
        .attr('rx', 8)
        .attr('fill', current ? '#fff4e5' : onPath ? '#eef2ff' : palette.paper)
        .attr('stroke', current ? palette.accent : onPath ? palette.primary : palette.ink)
        .attr('stroke-width', current || onPath || node.kind === 'parameter' ? 3.5 : 1.5)
        .attr('stroke-dasharray', node.kind === 'const' ? '5 3' : null);

      if (node.kind === 'const') {
        g.append('text')
          .attr('x', w / 2)
          .attr('y', h / 2)
          .attr('dy', '0.35em')
          .attr('text-anchor', 'middle')
          .attr('font-size', 18)
          .attr('fill', palette.ink)
          .text(numberText(node.value));
        return;
      }
      // Drawn left to right, the badge sits on the box's left edge: the text starts after it.
      const textX = placement.flow === 'across' && node.kind === 'op' ? OP_RADIUS + 5 : 10;
      const room = w - textX - 6;
      const value = reveal.valueShown[i] ? numberText(node.value) : '?';
      const valueLine = g.append('text').attr('x', textX).attr('y', 21).attr('font-size', 18).attr('fill', palette.ink);
      valueLine.append('tspan').attr('font-weight', 700).text(`${node.label} = `);
      valueLine
        .append('tspan')
        .attr('class', 'value')
        .attr('fill', reveal.valueShown[i] ? palette.ink : palette.muted)
        .text(value);
      fitText(valueLine, room);
      if (reveal.gradShown[i]) {
        const grad = `${text.gradWord} ${numberText(node.grad)}`;
        const gradLine = g
          .append('text')
          .attr('class', 'grad')
          .attr('x', textX)
          .attr('y', 42)
          .attr('font-size', 16)
          .attr('fill', palette.accent)
          .attr('font-weight', 700)
          .text(grad);
        fitText(gradLine, room);
      }
      if (node.kind === 'parameter') {
        g.style('cursor', 'pointer').on('click', () => onParameterClick(node.label));
      }
      const badgeAt = badges[i];
      if (node.kind === 'op' && badgeAt) {
        const badge = g.append('g').attr('transform', `translate(${badgeAt.x - x + w / 2},${badgeAt.y - y + h / 2})`);
        badge.append('circle').attr('r', OP_RADIUS).attr('fill', palette.ink);
        const isPow = node.op === 'pow';
        badge
          .append('text')
          .attr('text-anchor', 'middle')
          .attr('dy', isPow ? '0.75em' : '0.35em')
          .attr('font-size', isPow ? 28 : 18)
          .attr('font-weight', 700)
          .attr('fill', palette.paper)
          .text(OP_SYMBOL[node.op] ?? node.op);
      }
    });
  }

  // A new width may call for the other flow (or, top to bottom, new lane positions): draw again.
  let pending = 0;
  new ResizeObserver(() => {
    cancelAnimationFrame(pending);
    pending = requestAnimationFrame(() => {
      if (drawn && drawn.width !== element.clientWidth) draw(drawn.shown);
    });
  }).observe(element);

  return { element, update: draw };
}
