import { el } from '../../ui/dom.ts';
import { renderTex } from '../../ui/math.ts';

/**
 * Text with inline math between $…$, from this demo's own string table (never from the URL):
 * the plain parts become text nodes, the math parts KaTeX spans.
 */
export function richText(template: string): Node[] {
  return template.split('$').map((part, i) => {
    if (i % 2 === 0) return document.createTextNode(part);
    const span = el('span');
    renderTex(span, part);
    return span;
  });
}
