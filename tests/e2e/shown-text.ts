import type { Page } from 'playwright-core';

/*
 * What a page shows as text, for checks on how numbers are written: every text node that is not
 * hidden (HTML and SVG alike), KaTeX's rendered formulas but not the TeX source it keeps for screen
 * readers, and every accessible name.
 */
export function shownText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      if (text.trim() && !node.parentElement?.closest('.katex-mathml, script, style, [hidden]')) texts.push(text);
    }
    document.querySelectorAll('[aria-label]').forEach((element) => {
      texts.push(element.getAttribute('aria-label') ?? '');
    });
    return texts;
  });
}

/** A negative number written with a hyphen-minus ("-2.00") instead of the minus sign U+2212. */
export const HYPHEN_MINUS_NUMBER = /-[\d.∞]/;

/** What a page must never show for a number. */
export const NOT_A_NUMBER = /NaN|Infinity|∞/;
