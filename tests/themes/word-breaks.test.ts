import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../src/deck/find-chromium.ts';
import { launchChromium } from '../../src/deck/launch-chromium.ts';
import { serveStatic } from '../../src/deck/static-files.ts';
import { runDeckCli } from '../deck/run-deck-cli.ts';
import { SLIDE } from './deck-page.ts';
import { breaksInsideWords, lineBreaksOfSlide, type TextRunBreaks } from './line-breaks.ts';

/**
 * Japanese lines break between words, never inside one (勾/配, 更/新できない): the HTML deck as
 * `npm run build:deck` makes it, shown slide by slide at 1280x720 in Chromium as an audience sees it.
 */
const out = mkdtempSync(join(tmpdir(), 'word-breaks-'));
let site: Awaited<ReturnType<typeof serveStatic>> | undefined;
let browser: Browser | undefined;
let htmlLang = '';
const slides: { number: number; runs: TextRunBreaks[] }[] = [];

beforeAll(async () => {
  const build = await runDeckCli(['html', '--out', out]);
  if (build.status !== 0) throw new Error(`building the HTML deck failed (exit ${build.status}):\n${build.stderr}${build.stdout}`);
  site = await serveStatic(out, '/');
  browser = await launchChromium(findChromium());
  const page = await browser.newPage({ viewport: { ...SLIDE } });
  await page.goto(`${site.origin}/deck.html`);
  htmlLang = await page.evaluate(() => document.documentElement.lang);
  const slideCount = await page.locator('svg[data-marpit-svg]').count();
  for (let index = 0; index < slideCount; index++) {
    // The deck's own navigation (marp's bespoke hash): only the slide shown is laid out.
    await page.evaluate((number) => (location.hash = `#${number}`), index + 1);
    await page.waitForFunction(
      (i) => document.querySelectorAll('svg[data-marpit-svg]')[i]?.classList.contains('bespoke-marp-active'),
      index,
    );
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    slides.push({ number: index + 1, runs: await lineBreaksOfSlide(page, index) });
  }
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await site?.close();
  rmSync(out, { recursive: true, force: true });
});

describe('line breaks in the built HTML deck', () => {
  it('is marked Japanese, which phrase-aware breaking (word-break: auto-phrase) needs', () => {
    expect(htmlLang).toBe('ja');
  });

  it('reads the lines of every slide, some of them wrapped', () => {
    expect(slides.length).toBeGreaterThan(0);
    expect(slides.every(({ runs }) => runs.length > 0)).toBe(true);
    // The check below means something only if lines do wrap somewhere in the deck.
    expect(slides.flatMap(({ runs }) => runs.flatMap((run) => run.breaks)).length).toBeGreaterThan(0);
  });

  it('breaks no line inside a word (Intl.Segmenter ja words) on any slide', () => {
    const broken = slides.flatMap(({ number, runs }) =>
      runs.flatMap(breaksInsideWords).map(({ block, word, shown }) => `slide ${number}: 「${word}」 broken as 「${shown}」 in ${block}`),
    );
    expect(broken).toEqual([]);
  });
});
