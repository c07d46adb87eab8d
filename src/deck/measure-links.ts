import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Marp } from '@marp-team/marp-core';
import type { Browser } from 'playwright-core';
import type { DeckSource } from './deck-source.ts';
import { type ExportSettings, renderingWith } from './export-settings.ts';

/** A box in slide pixels (the slide's own size, 1280×720 for a 16:9 deck), from its top left corner. */
export interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface SlideLinks {
  slide: number;
  width: number;
  height: number;
  /** One box per line a link's text occupies. */
  links: { href: string; boxes: Box[] }[];
}

/**
 * Where every <a href> sits on every slide: the deck rendered by marp-core (same engine, themes,
 * fonts and export settings as the exports) in Chromium at 1280×720, one slide after another.
 */
export async function measureLinks(
  browser: Browser,
  marp: Marp,
  deck: DeckSource,
  lang: string,
  settings: ExportSettings = {},
): Promise<SlideLinks[]> {
  const { html, css } = renderingWith(settings, () => marp.render(deck.markdown));
  const dir = await mkdtemp(join(tmpdir(), 'deck-links-'));
  try {
    const pageFile = join(dir, 'slides.html');
    await writeFile(pageFile, measurementPage(html, css, deck.file, lang));
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(pathToFileURL(pageFile).href, { waitUntil: 'load' });
    const slides = (await page.evaluate(measureInPage)) as SlideLinks[];
    await page.close();
    return slides;
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

function measurementPage(html: string, css: string, deckFile: string, lang: string): string {
  const base = `${pathToFileURL(dirname(deckFile)).href}/`;
  return `<!DOCTYPE html><html lang="${lang}"><head><meta charset="utf-8"><base href="${base}">
<style>${css}</style>
<style>body { margin: 0 } svg[data-marpit-svg] { display: block; width: 100vw; height: auto }</style>
</head><body>${html}</body></html>`;
}

// Runs in the page. Kept as source text: a transpiled function may carry helpers the page lacks.
const measureInPage = `(async () => {
  await document.fonts.ready;
  return [...document.querySelectorAll('svg[data-marpit-svg]')].map((svg, index) => {
    const frame = svg.getBoundingClientRect();
    const [, , width, height] = svg.getAttribute('viewBox').split(/\\s+/).map(Number);
    const scale = width / frame.width;
    const links = [...svg.querySelectorAll('a[href]')].map((a) => ({
      href: a.getAttribute('href'),
      boxes: [...a.getClientRects()]
        .filter((box) => box.width > 0 && box.height > 0)
        .map((box) => ({
          x: (box.left - frame.left) * scale,
          y: (box.top - frame.top) * scale,
          width: box.width * scale,
          height: box.height * scale,
        })),
    }));
    return { slide: index + 1, width, height, links };
  });
})()`;
