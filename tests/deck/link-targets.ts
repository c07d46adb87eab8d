import { DEFAULT_DEMO_BASE_URL } from '../../src/deck/link-base.ts';

/**
 * A link's target as the PDF and PPTX hold it: absolute as written, and relative links (the live
 * demos) resolved against DEMO_BASE_URL — the exports in these tests run without it, so the default.
 */
export function exportedLinkTarget(href: string): string {
  return new URL(href, process.env.DEMO_BASE_URL || DEFAULT_DEMO_BASE_URL).href;
}
