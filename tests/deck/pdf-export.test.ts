import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { slidesOf } from '../../src/deck/built-slides.ts';
import { deckExports } from './deck-exports.ts';
import { exportedLinkTarget } from './link-targets.ts';
import { pdfLinks, pdfOutline, readPdfXml } from './pdf-xml.ts';
import { hrefsOf } from './slide-html.ts';

const poppler = (tool: string, ...args: string[]): string => execFileSync(tool, args, { maxBuffer: 64 << 20 }).toString();

describe('npm run export:pdf: dist/deck.pdf', () => {
  let pdf = '';
  let xml = '';
  let slideCount = 0;
  let deckLinks: { page: number; href: string }[] = [];
  let embedSlides: { number: number; html: string }[] = [];

  beforeAll(() => {
    const { outDir } = deckExports();
    pdf = join(outDir, 'deck.pdf');
    xml = readPdfXml(pdf);
    const slides = slidesOf(readFileSync(join(outDir, 'deck.html'), 'utf8'));
    slideCount = slides.length;
    deckLinks = slides.flatMap((slide) => hrefsOf(slide.html).map((href) => ({ page: slide.number, href })));
    embedSlides = slides.filter((slide) => /\sdata-embed="/.test(slide.html));
  });

  it('has one page per slide', () => {
    expect(Number(/^Pages:\s+(\d+)/m.exec(poppler('pdfinfo', pdf))?.[1])).toBe(slideCount);
  });

  it('embeds Noto Sans JP, KaTeX fonts and the Latin dot of Noto Sans, and no other font (no system fallback, no empty boxes)', () => {
    const fonts = poppler('pdffonts', pdf)
      .split('\n')
      .slice(2)
      .filter(Boolean)
      .map((line) => {
        const [name = '', ...rest] = line.trim().split(/\s+/);
        // Columns after the name: type (1–2 words), encoding, emb, sub, uni, object id, generation.
        return { name: name.replace(/^[A-Z]{6}\+/, ''), embedded: rest.at(-5) };
      });
    expect(fonts.some(({ name }) => name.startsWith('NotoSansJP'))).toBe(true);
    expect(fonts.some(({ name }) => name.startsWith('KaTeX_'))).toBe(true);
    expect(fonts.filter(({ embedded }) => embedded !== 'yes')).toEqual([]);
    // Noto Sans (Latin) draws one character only, the middle dot of 「DALL·E」 (themes/sample.css).
    expect(fonts.filter(({ name }) => !/^(NotoSansJP|NotoSans-|KaTeX_)/.test(name))).toEqual([]);
  });

  it('shows each live demo as a picture of the demo itself, at the size of its slide’s figure area (twice the pixels)', () => {
    // Each slide with a live demo (an element with data-embed: the link or the figure), and the share of the slide its figure takes.
    const expected = embedSlides.map(({ number, html }) => {
      const share = Number(/--marpit-advanced-background-split:\s*([\d.]+)%/.exec(html)?.[1]) / 100;
      return [String(number), `${2 * Math.round(1280 * share)}x1440`] as const;
    });
    expect(expected.map(([page]) => page)).toEqual(['19', '20', '22', '23', '25']);
    for (const [page, size] of expected) {
      const images = poppler('pdfimages', '-list', '-f', page, '-l', page, pdf)
        .split('\n')
        .slice(2)
        .filter(Boolean)
        .map((line) => line.trim().split(/\s+/).slice(3, 5).join('x'))
        // Slide-high pictures only (Chromium also rasterizes the buttons' shadows).
        .filter((dimensions) => dimensions.endsWith('x1440'));
      expect({ page, images }).toEqual({ page, images: [size] });
    }
  });

  it('has extractable Japanese text', () => {
    expect(poppler('pdftotext', pdf, '-')).toContain('勾配消失');
  });

  it('keeps every link of the deck, on its slide (a relative one made absolute from slides/)', () => {
    expect(deckLinks.length).toBeGreaterThan(0);
    const inPdf = pdfLinks(xml).map(({ page, href }) => `${page} ${href}`);
    const expected = deckLinks.map(({ page, href }) => `${page} ${exportedLinkTarget(href)}`);
    expect(inPdf.sort()).toEqual(expected.sort());
  });

  it('has an outline of the slides’ titles, one per page, as plain text', () => {
    const outline = pdfOutline(xml);
    expect(outline).toHaveLength(slideCount);
    expect(outline[1]).toBe('おしながき');
    expect(outline.filter((title) => /^Page \d+$/.test(title))).toEqual([]);
    // The six slides of the worked example (11–16) can be told apart.
    const workedExample = outline.slice(10, 16);
    expect(workedExample.every((title) => title.startsWith('パラメータを更新：'))).toBe(true);
    expect(new Set(workedExample).size).toBe(6);
  });
});
