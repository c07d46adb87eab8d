import type { Marp } from '@marp-team/marp-core';
import type { DeckSource } from './deck-source.ts';
import { decodeHtmlEntities } from './html-entities.ts';

/**
 * A short address for every demo link of the deck, to be printed beside its QR code and typed from a
 * printed page: `go/19` for the first demo link on slide 19, `go/19b` for the second. The deck's
 * Marp rule (demo-references.ts) names each link's code in `data-short`; the site has a page at
 * `go/<code>/` that forwards to the demo in that slide's state.
 */
export const SHORT_LINKS_FOLDER = 'go';

export function shortCode(slide: number, index: number): string {
  return index === 0 ? String(slide) : `${slide}${String.fromCharCode(97 + index)}`;
}

/** The address printed in a handout: the site's host and path, no scheme, and the short path. */
export function printedShortAddress(base: string, code: string): string {
  const url = new URL(base);
  return `${url.host}${url.pathname}${SHORT_LINKS_FOLDER}/${code}`;
}

export interface ShortLink {
  readonly code: string;
  /** The demo link, relative to the deck's folder (`demos/…`). */
  readonly href: string;
}

/** Every demo link of the deck with its code, as the Marp rule names them. */
export function shortLinks(marp: Marp, deck: DeckSource): ShortLink[] {
  return demoLinksIn(marp.render(deck.markdown).html).flatMap(({ href, shortCode }) => (shortCode ? [{ code: shortCode, href }] : []));
}

/** A link the deck's Marp rule made (demo-references.ts): its target, its short code, and whether it is the front page's. */
export interface DeckDemoLink {
  readonly href: string;
  readonly shortCode: string | null;
  readonly front: boolean;
}

/** The demo links (class `demo-link`) in rendered deck HTML, in order. */
export function demoLinksIn(html: string): DeckDemoLink[] {
  return [...html.matchAll(/<a\s[^>]*>/g)].flatMap(([tag]) => {
    const classes = /\sclass="([^"]*)"/.exec(tag)?.[1] ?? '';
    if (!/\bdemo-link\b/.test(classes)) return [];
    const href = decodeHtmlEntities(/\shref="([^"]*)"/.exec(tag)?.[1] ?? '');
    const code = /\sdata-short="([^"]*)"/.exec(tag)?.[1];
    return [{ href, shortCode: code === undefined ? null : decodeHtmlEntities(code), front: /\bdemo-front\b/.test(classes) }];
  });
}

const escapeAttribute = (text: string) => text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The page at `go/<code>/`: forwards to the demo at once. The target is resolved against the folder
 * the page is in, whether the address was typed with its trailing slash or without (a static server
 * may answer `go/19` with the folder's index without redirecting). Without JavaScript, the refresh
 * and the link do the same from `go/19/`.
 */
export function shortLinkPage({ code, href }: ShortLink): string {
  const target = `../../${href}`;
  const slide = /^\d+/.exec(code)?.[0] ?? code;
  return `<!DOCTYPE html>
<html lang="ja"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><link rel="icon" href="data:,">
<title>スライド ${slide} のデモ</title>
<script>
  const folder = location.pathname.endsWith('/') ? location.href : location.origin + location.pathname + '/';
  location.replace(new URL(${JSON.stringify(target)}, folder).href);
</script>
<noscript><meta http-equiv="refresh" content="0; url=${escapeAttribute(target)}"></noscript>
</head><body><p><a href="${escapeAttribute(target)}">▶ スライド ${slide} のデモを開く</a></p></body></html>
`;
}
