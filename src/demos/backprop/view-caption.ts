import { el } from '../../ui/dom.ts';
import { format } from '../../ui/i18n.ts';
import { renderTex, texNumber } from '../../ui/math.ts';
import { factorTex } from '../../ui/number-text.ts';
import type { View } from '../../ui/view.ts';
import { LOSS_EXPONENT } from './expression.ts';
import type { BackpropModel } from './model.ts';
import { forwardOrder } from './reveal.ts';
import type { BackpropText } from './strings.ts';
import { labelTex, partialTex } from './tex.ts';

const OP_TEX: Readonly<Record<string, string>> = { mul: '\\times', add: '+', sub: '-' };

/** The node just computed, symbolically and with its inputs' values: x_1 = ax + 5 = 4 + 5 = 9. */
function forwardTex(model: BackpropModel, i: number): string {
  const node = model.graph.nodes[i];
  const inputs = node.inputs.map((j) => model.graph.nodes[j]);
  const value = texNumber(node.value);
  if (node.op === 'pow') {
    return `${labelTex(node.label)} = ${labelTex(inputs[0].label)}^{${LOSS_EXPONENT}} = ${factorTex(inputs[0].value)}^{${LOSS_EXPONENT}} = ${value}`;
  }
  const op = OP_TEX[node.op];
  const symbols = inputs.map((n) => (n.kind === 'const' ? texNumber(n.value) : labelTex(n.label))).join(` ${op} `);
  const numbers = inputs.map((n) => factorTex(n.value)).join(` ${op} `);
  return `${labelTex(node.label)} = ${symbols} = ${numbers} = ${value}`;
}

/** The visit of one node: its gradient times each edge's local derivative gives its inputs' gradients. */
function backwardTex(model: BackpropModel, i: number): string {
  const node = model.graph.nodes[i];
  const parts = model.graph.edges.flatMap((edge) => {
    const input = model.graph.nodes[edge.from];
    if (edge.to !== i || input.kind === 'const') return [];
    return [`${partialTex(input.label)} = ${factorTex(node.grad)} \\times ${factorTex(edge.local)} = ${texNumber(input.grad)}`];
  });
  return parts.join(',\\quad ');
}

/** The update in one glance: a: 2 → 1.92, b: 1 → 0.64 (the formulas are in the chain panel). */
function updateTex(model: BackpropModel): string {
  return (['a', 'b'] as const).map((p) => `${p}: ${texNumber(model.inputs[p], 4)} \\to ${texNumber(model.updated[p], 4)}`).join(',\\quad ');
}

export type CaptionView = View<BackpropModel>;

/** One line above the graph saying what the latest step did, with its numbers. */
export function createCaptionView(text: (key: BackpropText) => string): CaptionView {
  const phase = el('strong', { class: 'bp-phase' });
  const math = el('span', { class: 'bp-caption-math' });
  const element = el('p', { class: 'bp-caption', 'aria-live': 'polite', 'data-testid': 'caption' }, phase, math);
  return {
    element,
    update(model) {
      const { reveal } = model;
      const n = forwardOrder(model.graph).length;
      const step =
        reveal.phase === 'forward'
          ? forwardOrder(model.graph).indexOf(reveal.current!) + 1
          : reveal.phase === 'backward'
            ? n - forwardOrder(model.graph).indexOf(reveal.current!)
            : 0;
      const label =
        reveal.phase === 'graph'
          ? text('phaseGraph')
          : reveal.phase === 'forward'
            ? format(text('phaseForward'), { i: step, n })
            : reveal.phase === 'backward'
              ? format(text('phaseBackward'), { i: step, n })
              : text('phaseUpdate');
      phase.textContent = label;
      const tex =
        reveal.phase === 'forward'
          ? forwardTex(model, reveal.current!)
          : reveal.phase === 'backward'
            ? backwardTex(model, reveal.current!)
            : reveal.phase === 'update'
              ? updateTex(model)
              : '';
      if (tex) renderTex(math, tex);
      else math.replaceChildren();
    },
  };
}
