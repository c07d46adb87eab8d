import { select, type Selection } from 'd3-selection';
import { palette } from '../../ui/palette.ts';
import { LOSS_EXPONENT } from './expression.ts';
import { pathToRoot, type ComputationGraph, type GraphNode } from './graph.ts';
import type { GraphLayout } from './layout.ts';
import type { BackpropModel } from './model.ts';
import { numberText, superscript } from '../../ui/number-text.ts';
import type { Focus } from './schema.ts';

/*
 * Draws the engine's graph (as walked by graph.ts) left to right: a box per value with
 * its value and gradient, an op badge on the box's left edge, and on each edge the local
 * derivative once the backward pass has crossed it.
 */
const WIDTH = 960;
const PAD = 10;
const BOX_W = 96;
const BOX_H = 50;
const CONST_W = 40;
const CONST_H = 36;
const ROW_GAP = 6;
const OP_R = 13;
const PILL_MAX_W = 58;

const OP_SYMBOL: Readonly<Record<string, string>> = {
  mul: '×', add: '+', sub: '−', pow: superscript(String(LOSS_EXPONENT)),
};

export interface GraphViewText {
  readonly title: string;
  readonly gradWord: string;
  /** Two lines explaining boxes and edge numbers, drawn in the empty lower-left corner. */
  readonly legend: readonly [string, string];
}

export interface GraphView {
  readonly element: SVGSVGElement;
  update(model: BackpropModel, focus: Focus): void;
}

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

function boxSize(node: GraphNode): { w: number; h: number } {
  return node.kind === 'const' ? { w: CONST_W, h: CONST_H } : { w: BOX_W, h: BOX_H };
}

/** Box centres: leaves stacked by row with small constants taking less height, ops at their inputs' mean. */
function centres(graph: ComputationGraph, layout: GraphLayout): { x: number[]; y: number[]; height: number } {
  const colStep = (WIDTH - 2 * PAD - BOX_W) / Math.max(1, layout.columns - 1);
  const leaves = graph.nodes.map((_, i) => i).filter((i) => graph.nodes[i].inputs.length === 0)
    .sort((p, q) => layout.places[p].row - layout.places[q].row);
  const y = new Array<number>(graph.nodes.length).fill(0);
  let bottom = PAD - ROW_GAP;
  for (const i of leaves) {
    const h = boxSize(graph.nodes[i]).h;
    y[i] = bottom + ROW_GAP + h / 2;
    bottom = y[i] + h / 2;
  }
  // Topological order: every input's centre is known before its consumer's.
  graph.nodes.forEach((node, i) => {
    if (node.inputs.length > 0) y[i] = node.inputs.reduce((s, j) => s + y[j], 0) / node.inputs.length;
  });
  const x = graph.nodes.map((_, i) => PAD + BOX_W / 2 + layout.places[i].column * colStep);
  return { x, y, height: bottom + PAD };
}

export function createGraphView(text: GraphViewText, onParameterClick: (label: string) => void): GraphView {
  const svg = select(document.createElementNS('http://www.w3.org/2000/svg', 'svg'))
    .attr('class', 'plot bp-graph')
    .attr('role', 'img')
    .attr('aria-label', text.title);

  function update(model: BackpropModel, focus: Focus): void {
    const { graph, reveal } = model;
    const { x: cx, y: cy, height } = centres(graph, model.layout);
    const highlighted = focus === 'none' ? new Set<number>() : pathToRoot(graph, model.node[focus]);

    svg.attr('viewBox', `0 0 ${WIDTH} ${height}`).selectAll('*').remove();

    const legend = svg.append('text').attr('class', 'legend').attr('font-size', 15).attr('fill', palette.muted);
    text.legend.forEach((line, k) => legend.append('tspan').attr('x', PAD).attr('y', height - PAD - 6 - 22 * (1 - k)).text(line));

    const edges = svg.append('g').attr('class', 'edges');
    const nodes = svg.append('g').attr('class', 'nodes');
    // Edge labels go on top of the boxes: on the short edges into 'ax' they may touch a box.
    const locals = svg.append('g').attr('class', 'locals');
    graph.edges.forEach((edge, e) => {
      const x1 = cx[edge.from] + boxSize(graph.nodes[edge.from]).w / 2;
      const y1 = cy[edge.from];
      const x2 = cx[edge.to] - BOX_W / 2 - OP_R;
      const y2 = cy[edge.to];
      const onPath = highlighted.has(edge.from) && highlighted.has(edge.to);
      edges.append('line').attr('x1', x1).attr('y1', y1).attr('x2', x2).attr('y2', y2)
        .attr('stroke', onPath ? palette.primary : palette.muted).attr('stroke-width', onPath ? 5 : 2);
      if (!reveal.localShown[e]) return;
      const label = numberText(edge.local);
      const w = Math.min(PILL_MAX_W, 12 + 16 * estimatedEms(label));
      const pill = locals.append('g').attr('class', 'local').attr('data-edge', `${graph.nodes[edge.from].label}→${graph.nodes[edge.to].label}`)
        .attr('transform', `translate(${(x1 + x2) / 2},${(y1 + y2) / 2})`);
      pill.append('rect').attr('x', -w / 2).attr('y', -13).attr('width', w).attr('height', 26).attr('rx', 13)
        .attr('fill', palette.paper).attr('stroke', onPath ? palette.primary : palette.muted).attr('stroke-width', 2);
      const pillText = pill.append('text').attr('text-anchor', 'middle').attr('dy', '0.35em').attr('font-size', 16)
        .attr('font-weight', 700).attr('fill', palette.ink).text(label);
      fitText(pillText, w - 10);
    });

    graph.nodes.forEach((node, i) => {
      const { w, h } = boxSize(node);
      const g = nodes.append('g').attr('transform', `translate(${cx[i] - w / 2},${cy[i] - h / 2})`)
        .attr('class', 'node').attr('data-label', node.label);
      const current = reveal.current === i;
      const onPath = highlighted.has(i);
      g.append('rect').attr('width', w).attr('height', h).attr('rx', 8)
        .attr('fill', current ? '#fff4e5' : onPath ? '#eef2ff' : palette.paper)
        .attr('stroke', current ? palette.accent : onPath ? palette.primary : palette.ink)
        .attr('stroke-width', current || onPath || node.kind === 'parameter' ? 3.5 : 1.5)
        .attr('stroke-dasharray', node.kind === 'const' ? '5 3' : null);

      if (node.kind === 'const') {
        g.append('text').attr('x', w / 2).attr('y', h / 2).attr('dy', '0.35em').attr('text-anchor', 'middle')
          .attr('font-size', 18).attr('fill', palette.ink).text(numberText(node.value));
        return;
      }
      const textX = node.kind === 'op' ? OP_R + 5 : 10;
      const room = w - textX - 6;
      const value = reveal.valueShown[i] ? numberText(node.value) : '?';
      const valueLine = g.append('text').attr('x', textX).attr('y', 21).attr('font-size', 18).attr('fill', palette.ink);
      valueLine.append('tspan').attr('font-weight', 700).text(`${node.label} = `);
      valueLine.append('tspan').attr('class', 'value')
        .attr('fill', reveal.valueShown[i] ? palette.ink : palette.muted).text(value);
      fitText(valueLine, room);
      if (reveal.gradShown[i]) {
        const grad = `${text.gradWord} ${numberText(node.grad)}`;
        const gradLine = g.append('text').attr('class', 'grad').attr('x', textX).attr('y', 42).attr('font-size', 16)
          .attr('fill', palette.accent).attr('font-weight', 700).text(grad);
        fitText(gradLine, room);
      }
      if (node.kind === 'parameter') {
        g.style('cursor', 'pointer').on('click', () => onParameterClick(node.label));
      }
      if (node.kind === 'op') {
        const badge = g.append('g').attr('transform', `translate(0,${h / 2})`);
        badge.append('circle').attr('r', OP_R).attr('fill', palette.ink);
        const isPow = node.op === 'pow';
        badge.append('text').attr('text-anchor', 'middle').attr('dy', isPow ? '0.75em' : '0.35em').attr('font-size', isPow ? 28 : 18)
          .attr('font-weight', 700).attr('fill', palette.paper).text(OP_SYMBOL[node.op] ?? node.op);
      }
    });
  }

  return { element: svg.node()!, update };
}
