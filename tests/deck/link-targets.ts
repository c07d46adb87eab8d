import { handoutBase } from '../../src/deck/link-base.ts';

/**
 * A link's target as the PDF and PPTX hold it: absolute as written, and relative links (the live
 * demos) resolved against the public address when one is set, else kept relative (link-base.ts).
 */
export function exportedLinkTarget(href: string): string {
  const base = handoutBase();
  return base === null ? href : new URL(href, base).href;
}
