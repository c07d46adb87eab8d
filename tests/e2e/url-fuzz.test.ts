import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../src/deck/static-files.ts';
import { backSlide, type DemoId } from '../../src/demos/registry.ts';
import { DEMO_SCHEMAS } from '../../src/demos/schemas.ts';
import { noticeLines } from '../../src/ui/notices.ts';
import { type PageSchema, pageSchema } from '../../src/ui/page-schema.ts';
import { readState, type Schema } from '../../src/ui/url-state/index.ts';
import { fuzzedQueries, hostileTour } from './fuzzed-query.ts';
import { buildDemoPages, launchBrowser, watchPage } from './harness.ts';

/*
 * Every demo of the built site opened with hundreds of fuzzed query strings (seeded, so a failure
 * names a query that fails again): no error, no dialog, nothing fetched elsewhere, a notice exactly
 * when the URL parser in Node says a value was not used as given, listing what it says, no
 * non-number on screen, and no element made from the query.
 */
/** With the hostile tour, about 220 loads a demo: its time is most of CI's, which must stay under 15 minutes. */
const FUZZED_PER_DEMO = 180;
const SEED = 0x5eed;
/** Pages of one context loading side by side: one page's waiting overlaps another's drawing. */
const PAGES_PER_DEMO = 2;
const LOAD_TIMEOUT = 30_000;
/** About 220 loads of 0.1–0.6 s each, with room for a machine busy with other tests. */
const DEMO_TIMEOUT = 600_000;

/** Words a number becomes when it was never one. */
const NOT_A_NUMBER = /NaN|Infinity|undefined|null/;

/** What shows that each demo has drawn; its URL parameters come from DEMO_SCHEMAS. */
const READY_SELECTORS: Readonly<Record<DemoId, string>> = {
  composition: 'svg.plot',
  descent: '[data-testid=parabola] svg .drag-handle',
  backprop: '.bp-graph .node',
  activations: '.curve-plot svg.plot',
  'gradient-chain': '.gc-column svg.plot',
  training: '.tr-run [data-testid=layers] svg',
};
const DEMOS_UNDER_FUZZ: readonly { id: DemoId; schema: Schema; readySelector: string }[] = (Object.keys(READY_SELECTORS) as DemoId[]).map(
  (id) => ({ id, schema: DEMO_SCHEMAS[id], readySelector: READY_SELECTORS[id] }),
);

/** What one load of a demo shows, read in the page once it has drawn and its fonts are in. */
interface Shown {
  /** The query the browser navigated to, before the page corrected its address. */
  readonly search: string;
  /** The notice's lines, or null without a notice. */
  readonly notice: string[] | null;
  /** Visible text and accessible names outside the notice (which quotes the URL as given). */
  readonly text: string;
  /** Elements that run script or load something: their start tags. */
  readonly active: string[];
}

/**
 * Waits in the page for `readySelector`, its fonts and two frames, then reads what it shows: one call
 * into the page per load (each call costs a round trip, about a third of a load here).
 */
function readShown(page: Page, readySelector: string, timeout: number): Promise<Shown> {
  return page.evaluate(
    async ({ readySelector, timeout }) => {
      await new Promise<void>((resolve, reject) => {
        const gaveUp = setTimeout(() => reject(new Error(`${readySelector} did not appear in ${timeout} ms`)), timeout);
        const look = () => {
          if (!document.querySelector(readySelector)) return requestAnimationFrame(look);
          clearTimeout(gaveUp);
          resolve();
        };
        look();
      });
      await document.fonts.ready;
      // Two frames: whatever the first drawing scheduled has run.
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      const notice = document.querySelector('[data-testid=url-notice]');
      const outside = [...document.body.querySelectorAll('*')].filter((element) => !notice?.contains(element));
      const labels = outside.flatMap((element) => ['aria-label', 'title'].map((name) => element.getAttribute(name) ?? ''));
      const active = [...document.querySelectorAll('*')].filter(
        (element) =>
          element.matches('script, img, iframe, object, embed, frame, base, form') ||
          [...element.attributes].some((attribute) => attribute.name.startsWith('on') || /^\s*javascript:/i.test(attribute.value)),
      );
      return {
        search: new URL((performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).name).search,
        notice: notice ? [...notice.querySelectorAll('li')].map((li) => li.textContent ?? '') : null,
        text: [...document.body.children]
          .filter((child) => child !== notice)
          // biome-ignore lint/performance/useDomNodeTextContent: visible text is what a reader sees; hidden text may hold anything
          .map((child) => (child as HTMLElement).innerText)
          .concat(labels)
          .join('\n'),
        active: active.map((element) => element.outerHTML.slice(0, element.outerHTML.indexOf('>') + 1)),
      };
    },
    { readySelector, timeout },
  );
}

/** A query shortened for a failure message (some carry 5 KB values). */
const shortened = (query: string) => (query.length > 200 ? `${query.slice(0, 200)}… (${query.length} chars)` : query);

/**
 * What one load got wrong. `search` is the query the page was opened with, `schema` every parameter
 * the page reads, `plain` what the page shows without a query.
 */
function problemsOf(shown: Shown, search: string, schema: PageSchema<Schema>, plain: Shown): string[] {
  const expected = readState(schema, search);
  const expectedNotice = expected.notices.length > 0 ? noticeLines(expected.notices, expected.state.lang) : null;
  const problems: string[] = [];
  if (shown.search !== search) problems.push(`the browser read the query as ${shortened(shown.search)}`);
  if (JSON.stringify(shown.notice) !== JSON.stringify(expectedNotice)) {
    problems.push(`notice ${JSON.stringify(shown.notice)}, expected ${JSON.stringify(expectedNotice)}`);
  }
  const word = NOT_A_NUMBER.exec(shown.text);
  if (word) problems.push(`shows "${word[0]}" in: ${shown.text.slice(Math.max(0, word.index - 60), word.index + 60)}`);
  const made = shown.active.filter((tag) => !plain.active.includes(tag));
  if (made.length > 0) problems.push(`elements made from the query: ${made.join(' ')}`);
  return problems;
}

/** A fresh page of `context` and what it has reported since last asked: errors, requests elsewhere, dialogs (dismissed). */
async function watchedPage(context: BrowserContext, origin: string) {
  const page = await context.newPage();
  const watch = watchPage(page, origin);
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const reported = () => [
    ...watch.errors.splice(0).map((error) => `error: ${error}`),
    ...watch.foreignRequests.splice(0).map((request) => `request to ${request}`),
    ...dialogs.splice(0).map((message) => `dialog: ${message}`),
  ];
  return { page, reported };
}

describe('demo URLs, fuzzed', () => {
  const out = mkdtempSync(join(tmpdir(), 'url-fuzz-'));
  let site: Awaited<ReturnType<typeof serveStatic>>;
  let browser: Browser & { dispose(): Promise<void> };

  beforeAll(async () => {
    [browser] = await Promise.all([launchBrowser(), buildDemoPages(out)]);
    site = await serveStatic(out, '/');
  }, 240_000);
  afterAll(async () => {
    await browser?.dispose();
    await site?.close();
    rmSync(out, { recursive: true, force: true });
  });

  for (const demo of DEMOS_UNDER_FUZZ) {
    it(`${demo.id}: every fuzzed query loads cleanly, with a notice exactly when a value was not used as given`, {
      timeout: DEMO_TIMEOUT,
    }, async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      const pageUrl = `${site.origin}/demos/${demo.id}/`;
      // As typed into the address bar: the browser escapes what needs escaping, as Node's URL does.
      const searchOf = (query: string) => new URL(`${pageUrl}${query}`).search;
      const load = async (page: Page, query: string) => {
        // From the moment the new document exists, the page itself waits for the drawing.
        await page.goto(`${pageUrl}${query}`, { timeout: LOAD_TIMEOUT, waitUntil: 'commit' });
        return readShown(page, demo.readySelector, LOAD_TIMEOUT);
      };

      // The page without a query: the slide it goes back to by default, and the elements it makes itself.
      const first = await context.newPage();
      const plain = await load(first, '');
      const slide = Number(new URL(await first.locator('.back-link').evaluate((a) => (a as HTMLAnchorElement).href)).hash.slice(1));
      await first.close();
      expect(slide).toBe(backSlide(demo.id, ''));
      const schema = { ...demo.schema, ...pageSchema(slide) };
      // The slide a page goes back to by default follows the state its query gives (registry.ts).
      const schemaOf = (query: string) => ({ ...demo.schema, ...pageSchema(backSlide(demo.id, searchOf(query))) });

      const queries = ['', ...hostileTour(schema), ...fuzzedQueries(schema, FUZZED_PER_DEMO, SEED)];
      // The queries give the parser every reason to correct a value.
      const reasons = new Set(queries.flatMap((query) => readState(schema, searchOf(query)).notices.map((notice) => notice.reason)));
      expect([...reasons].sort()).toEqual(['not-a-number', 'out-of-range', 'repeated', 'rounded', 'unknown-param', 'unknown-value']);

      const failures: { query: string; problems: string[] }[] = [];
      let next = 0;
      const loadInTurn = async () => {
        let tab = await watchedPage(context, site.origin);
        while (next < queries.length) {
          const query = queries[next++];
          const problems = await load(tab.page, query).then(
            (shown) => problemsOf(shown, searchOf(query), schemaOf(query), plain),
            (error: unknown) => [`did not load: ${String(error).split('\n')[0]}`],
          );
          problems.push(...tab.reported());
          if (problems.length === 0) continue;
          failures.push({ query: shortened(query), problems });
          // A page that failed may still be navigating: go on in a fresh one.
          await tab.page.close();
          tab = await watchedPage(context, site.origin);
        }
      };
      await Promise.all(Array.from({ length: PAGES_PER_DEMO }, loadInTurn));
      await context.close();
      expect({ loads: queries.length, failed: failures.length, first: failures.slice(0, 8) }).toEqual({
        loads: queries.length,
        failed: 0,
        first: [],
      });
    });
  }
});
