import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page, Request } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slidesOf } from '../../src/deck/built-slides.ts';
import { findChromium } from '../../src/deck/find-chromium.ts';
import { launchChromium } from '../../src/deck/launch-chromium.ts';
import { serveStatic } from '../../src/deck/static-files.ts';
import { deckExports } from './deck-exports.ts';

interface Visit {
  requests: string[];
  failures: string[];
  fonts: { family: string; status: string }[];
  japaneseGlyphsReady: boolean;
}

/** Opens the deck, shows every slide in turn, and records what the page asked for. */
async function visitEverySlide(page: Page, url: string, slideCount: number): Promise<Visit> {
  const requests: string[] = [];
  const failures: string[] = [];
  const pending = new Set<Request>();
  page.on('request', (request) => {
    requests.push(request.url());
    pending.add(request);
  });
  page.on('requestfinished', (request) => pending.delete(request));
  page.on('requestfailed', (request) => {
    pending.delete(request);
    failures.push(`${request.url()} ${request.failure()?.errorText}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) failures.push(`${response.url()} ${response.status()}`);
  });
  await page.goto(url, { waitUntil: 'load' });
  for (let slide = 1; slide <= slideCount; slide++) {
    await page.evaluate(`location.hash = '#${slide}'`);
    await page.evaluate('document.fonts.ready');
  }
  await expect.poll(() => pending.size, { timeout: 60_000 }).toBe(0);
  const fonts = (await page.evaluate(
    '[...document.fonts].map((face) => ({ family: face.family.replace(/"/g, ""), status: face.status }))',
  )) as Visit['fonts'];
  const japaneseGlyphsReady = (await page.evaluate(`document.fonts.check('28px "Noto Sans JP"', '勾配消失問題')`)) as boolean;
  return { requests, failures, fonts, japaneseGlyphsReady };
}

function expectFontsLoaded({ fonts, japaneseGlyphsReady }: Visit): void {
  const loaded = fonts.filter(({ status }) => status === 'loaded').map(({ family }) => family);
  expect(loaded).toContain('Noto Sans JP');
  expect(loaded).toContain('KaTeX_Main');
  expect(japaneseGlyphsReady).toBe(true);
}

describe('the built deck works with no network', () => {
  let browser: Browser;
  let outDir = '';
  let slideCount = 0;

  beforeAll(async () => {
    outDir = deckExports().outDir;
    slideCount = slidesOf(readFileSync(join(outDir, 'deck.html'), 'utf8')).length;
    browser = await launchChromium(findChromium());
  });
  afterAll(() => browser?.close());

  it('references no http(s) URL in its HTML or CSS except hyperlinks', () => {
    const cssFiles = readdirSync(outDir, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.css'));
    const sources = ['deck.html', ...cssFiles].map((name) => readFileSync(join(outDir, name), 'utf8'));
    const remote = sources.flatMap((source) => {
      const markup = source.replace(/<script\b[\s\S]*?<\/script>/g, '');
      return [
        ...[...markup.matchAll(/<(\w+)\b[^>]*\b(?:src|href|srcset|poster|data)=["']?((?:https?:)?\/\/[^"' >]+)/g)]
          .filter(([, tag]) => tag !== 'a')
          .map(([, tag, url]) => `<${tag}> ${url}`),
        ...[...markup.matchAll(/(?:url\(|@import)\s*(?:&quot;|["'])?((?:https?:)?\/\/[^"')&\s]+)/g)].map(([, url]) => url),
      ];
    });
    expect(remote).toEqual([]);
  });

  it('opened from disk, loads only local files, finds them all, and shows its fonts', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const visit = await visitEverySlide(page, pathToFileURL(join(outDir, 'deck.html')).href, slideCount);
    await page.close();
    expect(visit.requests.filter((url) => !/^(file|data):/.test(url))).toEqual([]);
    expect(visit.requests.some((url) => url.includes('/img/'))).toBe(true);
    expect(visit.failures).toEqual([]);
    expectFontsLoaded(visit);
  });

  it('shows the presenter notes in the bundled Japanese font', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${pathToFileURL(join(outDir, 'deck.html')).href}?view=presenter#1`, { waitUntil: 'load' });
    const notes = page.locator('.bespoke-marp-presenter-note-container');
    const text = (await notes.locator('.bespoke-marp-note.active').textContent()) ?? '';
    const family = await notes.evaluate((element) => getComputedStyle(element).fontFamily);
    await page.evaluate(`document.fonts.load('16px "Noto Sans JP"', ${JSON.stringify(text)})`);
    const ready = await page.evaluate(`document.fonts.check('16px "Noto Sans JP"', ${JSON.stringify(text)})`);
    await page.close();
    expect(text).toMatch(/[ぁ-んァ-ヶ一-龠]/);
    expect(family).toMatch(/^"Noto Sans JP"/);
    expect(ready).toBe(true);
  });

  it('served by a static server from a sub-path, loads only same-origin files, all found', async () => {
    const server = await serveStatic(outDir, '/talks/relu/');
    try {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      const visit = await visitEverySlide(page, `${server.origin}/talks/relu/deck.html`, slideCount);
      await page.close();
      const elsewhere = visit.requests.filter((url) => !url.startsWith(`${server.origin}/talks/relu/`) && !url.startsWith('data:'));
      expect(elsewhere).toEqual([]);
      expect(visit.failures).toEqual([]);
      expectFontsLoaded(visit);
    } finally {
      await server.close();
    }
  });
});
