import type { Marp } from '@marp-team/marp-core';
import { type PDFDocument, PDFHexString, PDFName, type PDFRef } from 'pdf-lib';

/**
 * The PDF's outline (bookmarks): one entry per slide, its title as plain text. marp-cli's own
 * outline takes a heading's rendered text, so math comes out twice (KaTeX's MathML and its HTML:
 * "b bの更新") and every page adds a "Page N" entry; this one reads the headings from the
 * Markdown, with math in its text form.
 */
export function slideTitles(marp: Marp, markdown: string): string[] {
  const tokens = marp.markdown.parse(markdown, {}) as Token[];
  const titles: (string | null)[] = [];
  for (const [index, token] of tokens.entries()) {
    if (token.type === 'marpit_slide_open') titles.push(null);
    const slide = titles.length - 1;
    if (token.type === 'heading_open' && slide >= 0 && titles[slide] === null) titles[slide] = plainText(tokens[index + 1]);
  }
  return titles.map((title, slide) => title || `スライド ${slide + 1}`);
}

interface Token {
  type: string;
  content: string;
  children: Token[] | null;
}

function plainText(inline: Token | undefined): string {
  const parts = (inline?.children ?? []).map((child) => (child.type.includes('math') ? texAsText(child.content) : child.content));
  return parts.join('').trim();
}

const TEX_SYMBOLS: Readonly<Record<string, string>> = {
  alpha: 'α',
  beta: 'β',
  sigma: 'σ',
  phi: 'φ',
  Phi: 'Φ',
  partial: '∂',
  cdots: '⋯',
  ldots: '…',
  cdot: '·',
  times: '×',
  leq: '≤',
  geq: '≥',
  to: '→',
};

/** TeX as a reader would type it: `\text{new}` → new, `\Phi'(y)` → Φ'(y), `\frac{a}{b}` → a/b, spacing commands and braces dropped. */
export function texAsText(tex: string): string {
  return tex
    .replace(/\\(?:text|mathrm|mathit|mathbf|operatorname)\s*\{([^{}]*)\}/g, '$1')
    .replace(/\\[dt]?frac\s*\{([^{}]*)\}\s*\{([^{}]*)\}/g, '$1/$2')
    .replace(/\\([A-Za-z]+)/g, (command, name: string) => TEX_SYMBOLS[name] ?? command)
    .replace(/\\[,;:! ]/g, ' ')
    .replace(/[{}]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Replaces the PDF's outline with one entry per page, `titles[i]` for page i + 1, shown when the file opens. */
export function writePdfOutline(document: PDFDocument, titles: readonly string[]): void {
  const pages = document.getPages();
  if (pages.length !== titles.length) throw new Error(`the PDF has ${pages.length} pages for ${titles.length} slide titles`);
  const { context } = document;
  const outlines = context.nextRef();
  const items: PDFRef[] = titles.map(() => context.nextRef());
  items.forEach((item, i) => {
    context.assign(
      item,
      context.obj({
        Title: PDFHexString.fromText(titles[i]),
        Parent: outlines,
        Dest: [pages[i].ref, 'Fit'],
        ...(i > 0 ? { Prev: items[i - 1] } : {}),
        ...(i < items.length - 1 ? { Next: items[i + 1] } : {}),
      }),
    );
  });
  context.assign(outlines, context.obj({ Type: 'Outlines', First: items[0], Last: items[items.length - 1], Count: items.length }));
  document.catalog.set(PDFName.of('Outlines'), outlines);
  document.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
