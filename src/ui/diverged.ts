import { el } from './dom.ts';
import type { Lang } from './i18n.ts';
import { sharedStrings } from './strings.ts';
import type { View } from './view.ts';

/**
 * One rule for every demo: when its numbers leave the finite range (or grow far past where they
 * started), the demo says so with this badge and a plain sentence, keeps showing its last finite
 * values (never NaN or ∞), and disables whatever would step further (a player's `canStep`).
 */
/** Its model is the sentence to show, or null to hide the note. */
export type DivergedView = View<string | null>;

export function createDivergedView(lang: Lang): DivergedView {
  const sentence = el('span', { class: 'diverged-text' });
  const element = el(
    'p',
    { class: 'diverged', role: 'status', 'data-testid': 'diverged', hidden: '' },
    el('strong', { class: 'diverged-badge' }, sharedStrings[lang].divergedBadge),
    sentence,
  );
  return {
    element,
    update(text) {
      element.hidden = text === null;
      sentence.textContent = text ?? '';
    },
  };
}
