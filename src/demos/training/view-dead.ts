import { el } from '../../ui/dom.ts';
import type { View } from '../../ui/view.ts';

/** Its model is the dead share (0–1) of each hidden layer, or null for an empty row (not ReLU). */
export type DeadView = View<Float64Array | null>;

/** One small bar per hidden layer: the share of its ReLU units that output 0 for every sample. */
export function createDeadView(title: string): DeadView {
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('viewBox', '0 0 320 22');
  svg.setAttribute('class', 'tr-dead');
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('role', 'img');
  svg.setAttribute('aria-label', title);
  const element = el('div', { class: 'tr-dead-row' }, svg);
  return {
    element,
    update(shares) {
      if (!shares || shares.length === 0) {
        svg.replaceChildren();
        return;
      }
      const slotWidth = 320 / shares.length;
      const bars = Array.from(shares, (share, l) => {
        const back = document.createElementNS('http://www.w3.org/2000/svg', 'rect');
        back.setAttribute('x', String(l * slotWidth + 0.5));
        back.setAttribute('y', '0');
        back.setAttribute('width', String(Math.max(1, slotWidth - 1)));
        back.setAttribute('height', '22');
        back.setAttribute('class', 'tr-dead-slot');
        const bar = back.cloneNode() as SVGRectElement;
        bar.setAttribute('y', String(22 * (1 - share)));
        bar.setAttribute('height', String(22 * share));
        bar.setAttribute('class', 'tr-dead-bar');
        return [back, bar];
      });
      svg.replaceChildren(...bars.flat());
    },
  };
}
