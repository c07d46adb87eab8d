import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import type { BrowserTarget } from './browser.ts';
import type { BuiltDemos } from './built-demos.ts';
import { formatFrames, recordFrames, VSYNC_MS } from './frames.ts';

/*
 * The live demos inside the built HTML deck (embed-runtime.js), in Chromium at 1280×720:
 * - a slide change to a slide with a live demo: until that demo has drawn and answers on window.demo,
 *   p95 over 20 changes ≤ 500 ms;
 * - the gradient chain at depth 100 animating inside slide 23: frame p95 within one vsync;
 * - walking the whole deck forward and back twice: heap growth after GC ≤ 10 MB (no frame kept alive);
 * - the deck page's JavaScript (its inline scripts, gzipped) ≤ 150 KB.
 */
const VIEWPORT = { width: 1280, height: 720 };
const SLIDE_CHANGE_BUDGET_MS = 500;
const HEAP_BUDGET_BYTES = 10 * 1024 * 1024;
const JS_BUDGET_BYTES = 150_000;
const JITTER_MS = 0.5;

/** True once the shown slide's live demo is on screen, has drawn its stage and answers on window.demo. */
export const LIVE_DEMO_READY = `(() => {
  const box = document.querySelector('.demo-embed-box');
  if (!box || box.style.opacity === '0') return false;
  const frame = box.querySelector('iframe');
  const inner = frame && frame.contentWindow;
  try {
    return !!(inner && inner.demo && inner.document.querySelector('.demo-stage svg'));
  } catch {
    return false;
  }
})()`;

const slideShown = (page: Page) => page.evaluate<number>('Number(location.hash.slice(1))');

async function goToSlide(page: Page, slide: number): Promise<void> {
  await page.evaluate(`location.hash = '#${slide}'`);
  await page.waitForFunction(`Number(location.hash.slice(1)) === ${slide}`);
}

async function slideChanges(page: Page): Promise<number[]> {
  const times: number[] = [];
  await goToSlide(page, 18);
  for (let i = 0; i < 20; i++) {
    // Into slide 19 (gradient chain) from 18, or into 20 (activations) from 21.
    const [from, to] = i % 2 === 0 ? [18, 19] : [21, 20];
    await goToSlide(page, from);
    await page.waitForFunction(`document.querySelector('.demo-embed-box') === null`);
    const start = performance.now();
    await page.keyboard.press(to > from ? 'ArrowRight' : 'ArrowLeft');
    await page.waitForFunction(LIVE_DEMO_READY, undefined, { polling: 'raf' });
    times.push(performance.now() - start);
    if ((await slideShown(page)) !== to) throw new Error(`expected slide ${to}`);
  }
  return times;
}

async function heapAfterGc(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  await session.send('HeapProfiler.collectGarbage');
  const { usedSize } = await session.send('Runtime.getHeapUsage');
  await session.detach();
  return usedSize;
}

async function walkDeck(page: Page, slides: number): Promise<void> {
  for (const key of ['ArrowRight', 'ArrowLeft']) {
    for (let i = 1; i < slides; i++) {
      await page.keyboard.press(key);
      // Let a live demo load where there is one, as a presenter would.
      if (await page.evaluate(`document.querySelector('.demo-embed-box') !== null`)) {
        await page.waitForFunction(LIVE_DEMO_READY, undefined, { polling: 'raf' });
      }
    }
  }
}

export const percentile = (values: readonly number[], q: number): number => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1)))];
};

export async function deckEmbeds(site: BuiltDemos, deckHtmlFile: string): Promise<BrowserTarget[]> {
  const page = await site.browser.newPage({ viewport: VIEWPORT });
  await page.goto(`${site.base}deck.html#1`);
  await page.locator('svg.bespoke-marp-slide.bespoke-marp-active').waitFor();
  const slides = await page.locator('svg.bespoke-marp-slide').count();

  const changes = await slideChanges(page);
  const changeP95 = percentile(changes, 0.95);

  await goToSlide(page, 23);
  await page.waitForFunction(LIVE_DEMO_READY, undefined, { polling: 'raf' });
  await page.keyboard.press('Enter');
  await page.keyboard.press('r');
  await page.keyboard.press(' ');
  const animating = await recordFrames(page, 4000);
  const played = await page.evaluate<boolean>(`document.querySelector('.demo-embed-box iframe').contentWindow.demo.get().playing`);
  if (!played) throw new Error('the gradient chain in slide 23 did not play while its frames were measured');
  await page.keyboard.press('Escape');

  await goToSlide(page, 1);
  const heapBefore = await heapAfterGc(page);
  await walkDeck(page, slides);
  await walkDeck(page, slides);
  const heapAfter = await heapAfterGc(page);
  await page.close();

  const html = readFileSync(deckHtmlFile, 'utf8');
  const inlineScripts = [...html.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)].map(([, body]) => body).join('\n');
  const scriptBytes = gzipSync(inlineScripts).length;

  const growth = heapAfter - heapBefore;
  console.log('\nDeck with live demos (built site), 1280×720');
  console.log(
    `  slide change to a live demo, drawn and answering (20 changes): median ${percentile(changes, 0.5).toFixed(0)} ms, p95 ${changeP95.toFixed(0)} ms, max ${Math.max(...changes).toFixed(0)} ms`,
  );
  console.log(`  gradient chain depth 100 playing in slide 23: ${formatFrames(animating)}`);
  console.log(
    `  heap after GC: ${(heapBefore / 1e6).toFixed(1)} MB before, ${(heapAfter / 1e6).toFixed(1)} MB after walking ${slides} slides forward and back twice`,
  );
  console.log(`  deck page JavaScript: ${scriptBytes.toLocaleString('en')} B gzip (inline scripts)`);
  return [
    {
      name: 'deck: slide change to a live demo, p95 ≤ 500 ms',
      met: changeP95 <= SLIDE_CHANGE_BUDGET_MS,
      figure: `${changeP95.toFixed(0)} ms`,
    },
    {
      name: 'deck: gradient chain embed, frame p95 ≤ one vsync',
      met: animating.p95 <= VSYNC_MS + JITTER_MS,
      figure: `${animating.p95.toFixed(1)} ms`,
    },
    { name: 'deck: heap growth after two walks ≤ 10 MB', met: growth <= HEAP_BUDGET_BYTES, figure: `${(growth / 1e6).toFixed(1)} MB` },
    { name: 'deck: JS ≤ 150 KB gzip', met: scriptBytes <= JS_BUDGET_BYTES, figure: `${(scriptBytes / 1000).toFixed(1)} KB` },
  ];
}
