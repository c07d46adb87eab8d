import type { Frame, Page } from 'playwright-core';

/** The smallest text a live demo in a slide may show, in px of the 1280×720 slide (as the figures). */
export const MIN_EMBED_TEXT_PX = 22;

export interface DrawnText {
  text: string;
  /** The size its glyphs are drawn at on screen: the font size times the SVG's scale, in CSS px. */
  px: number;
}

export interface EmbedLayout {
  /** Every text run shown, smallest first. */
  texts: DrawnText[];
  /** Text runs that reach outside the page's box (cut off by the slide). */
  outside: string[];
  /** How far the page, or a box inside it, would have to scroll to show everything (px). */
  scroll: number;
}

/**
 * What a demo page shows as text and how large, as laid out in its box. Subscripts and superscripts
 * of formulas are measured at their base size (KaTeX sets them at 70 %, as print does); hidden text,
 * KaTeX's source for screen readers and text outside any box drawn (display: none) are left out.
 */
export function embedLayout(page: Page | Frame): Promise<EmbedLayout> {
  return page.evaluate(() => {
    const texts: { text: string; px: number }[] = [];
    const outside: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const parent = node.parentElement;
      if (!text || !parent || parent.closest('.katex-mathml, script, style, [hidden], title, desc')) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const rect = range.getBoundingClientRect();
      if (rect.width === 0 || rect.height === 0) continue;
      const style = getComputedStyle(parent);
      if (style.visibility === 'hidden' || Number(style.opacity) === 0) continue;
      const sized = parent.closest('.katex .msupsub')?.closest('.katex')?.querySelector('.katex-base, .base') ?? parent;
      let px = Number.parseFloat(getComputedStyle(sized).fontSize);
      if (parent instanceof SVGElement) {
        const matrix = (parent as unknown as SVGGraphicsElement).getScreenCTM();
        if (matrix) px *= Math.hypot(matrix.a, matrix.b);
      }
      texts.push({ text: text.slice(0, 40), px: Math.round(px * 10) / 10 });
      const slack = 1;
      if (rect.left < -slack || rect.top < -slack || rect.right > innerWidth + slack || rect.bottom > innerHeight + slack) {
        outside.push(text.slice(0, 40));
      }
    }
    let scroll = Math.max(0, document.documentElement.scrollHeight - innerHeight, document.documentElement.scrollWidth - innerWidth);
    for (const element of document.querySelectorAll<HTMLElement>('body *')) {
      const overflow = getComputedStyle(element);
      if (!/(auto|scroll)/.test(overflow.overflowY + overflow.overflowX)) continue;
      scroll = Math.max(scroll, element.scrollHeight - element.clientHeight, element.scrollWidth - element.clientWidth);
    }
    texts.sort((a, b) => a.px - b.px);
    return { texts, outside, scroll };
  });
}
