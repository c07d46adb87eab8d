import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContextOptions, ConsoleMessage, Page } from 'playwright-core';
import { build, createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll } from 'vitest';
import { PAGE_SETTLED } from '../../src/deck/demo-stills.ts';
import { findChromium } from '../../src/deck/find-chromium.ts';
import { launchChromium } from '../../src/deck/launch-chromium.ts';

/**
 * End-to-end helpers: the system Chromium (found and launched as the deck exports do) driven by
 * playwright-core, and the demo pages served by Vite on loopback. Nothing here downloads a browser.
 */
export async function launchBrowser(): Promise<Browser & { dispose(): Promise<void> }> {
  const browser = await launchChromium(findChromium());
  return Object.assign(browser, { dispose: () => browser.close() });
}

/** The front page and the demos as `npm run build` makes them (bundled, minified), written to `outDir`. */
export async function buildDemoPages(outDir: string): Promise<void> {
  const root = join(import.meta.dirname, '../..');
  await build({
    configFile: join(root, 'vite.config.ts'),
    root: join(root, 'src'),
    logLevel: 'silent',
    build: { outDir, emptyOutDir: true },
  });
}

/** Serves src/ (demo pages at /demos/<name>/) on a free loopback port. */
export async function startDemoServer(): Promise<{ server: ViteDevServer; origin: string }> {
  const server = await createServer({
    configFile: false,
    root: join(import.meta.dirname, '../../src'),
    // Its own dependency cache: servers of test files running side by side would otherwise
    // re-optimize one shared cache under each other ("504 Outdated Optimize Dep").
    cacheDir: mkdtempSync(join(tmpdir(), 'vite-cache-')),
    logLevel: 'silent',
    server: { host: '127.0.0.1', port: 0, hmr: false },
  });
  await server.listen();
  const address = server.httpServer?.address();
  if (!address || typeof address === 'string') throw new Error('dev server has no port');
  return { server, origin: `http://127.0.0.1:${address.port}` };
}

/** Records console errors, page errors and any request that leaves `origin`. */
export function watchPage(page: Page, origin: string): { errors: string[]; foreignRequests: string[] } {
  const errors: string[] = [];
  const foreignRequests: string[] = [];
  page.on('console', (message: ConsoleMessage) => {
    // A failed load is reported below with its URL; the console line does not name it.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text());
  });
  page.on('response', (response) => {
    // Every page names its icon, so the browser never asks for a /favicon.ico the site does not have.
    if (response.status() >= 400) errors.push(`${response.status()} ${response.url()}`);
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreignRequests.push(url);
  });
  return { errors, foreignRequests };
}

/** A page of the site and the element that shows it has drawn. */
export interface DemoTarget {
  readonly path: string;
  readonly readySelector: string;
}

export interface OpenedDemo {
  readonly page: Page;
  readonly watch: ReturnType<typeof watchPage>;
  /** Messages of any alert/confirm/prompt the page tried to show (dismissed). */
  readonly dialogs: string[];
  /** Closes the page's own browser context. */
  close(): Promise<void>;
}

/** `browser` and `origin` exist once beforeAll has run: read them inside tests (destructuring `open` alone is fine). */
export interface DemoPages {
  readonly browser: Browser;
  readonly origin: string;
  /**
   * Opens `${origin}${path}${query}` in a context of its own (1280×720 unless `options` say otherwise)
   * and waits for the ready selector and the fonts. `target` opens another page of the site.
   */
  open(query?: string, options?: BrowserContextOptions, target?: DemoTarget): Promise<OpenedDemo>;
}

/** The first visit makes Vite transform and pre-bundle everything (KaTeX, d3, fonts, workers): room for a busy machine. */
const WARM_UP_VISIT_TIMEOUT = 110_000;
/** The hook's timeout for the first page; each further page reuses most of what it bundled. */
const WARM_UP_HOOK_TIMEOUT = 120_000;
const WARM_UP_FURTHER_PAGE_TIMEOUT = 30_000;

/**
 * One browser and one dev server for the calling test file: registers its beforeAll (both started
 * side by side, then one warm-up visit of `path` and of each `alsoWarmUp` page, so each test times
 * only its own page) and its afterAll (both disposed).
 */
export function useDemoPages(
  path: string,
  readySelector: string,
  { alsoWarmUp = [] }: { alsoWarmUp?: readonly DemoTarget[] } = {},
): DemoPages {
  let browser: Awaited<ReturnType<typeof launchBrowser>> | undefined;
  let server: ViteDevServer | undefined;
  let origin: string | undefined;
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('useDemoPages: the browser and the dev server start in beforeAll');
    return value;
  };

  beforeAll(
    async () => {
      [browser, { server, origin }] = await Promise.all([launchBrowser(), startDemoServer()]);
      const page = await browser.newPage();
      for (const target of [{ path, readySelector }, ...alsoWarmUp]) {
        await page.goto(`${origin}${target.path}`, { timeout: WARM_UP_VISIT_TIMEOUT });
        await page.waitForSelector(target.readySelector, { timeout: WARM_UP_VISIT_TIMEOUT });
      }
      await page.close();
    },
    WARM_UP_HOOK_TIMEOUT + WARM_UP_FURTHER_PAGE_TIMEOUT * alsoWarmUp.length,
  );

  afterAll(async () => {
    await browser?.dispose();
    await server?.close();
  });

  return {
    get browser() {
      return started(browser);
    },
    get origin() {
      return started(origin);
    },
    async open(query = '', options = {}, target = { path, readySelector }) {
      const home = started(origin);
      const context = await started(browser).newContext({ viewport: { width: 1280, height: 720 }, ...options });
      const page = await context.newPage();
      const watch = watchPage(page, home);
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      try {
        await page.goto(`${home}${target.path}${query}`);
        await page.waitForSelector(target.readySelector);
        await page.evaluate(() => document.fonts.ready);
      } catch (error) {
        await context.close();
        throw error;
      }
      return { page, watch, dialogs, close: () => context.close() };
    },
  };
}

/**
 * Formulas and late labels arrive after the first plot (formula rows one per animation frame, each
 * training run's panel when its worker first reports): waits until every training run has drawn a
 * report (the lab's `.tr-run[data-step]`), then until the fonts are in and two animation frames in a
 * row changed nothing in the page.
 */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('.tr-run:not([data-step])') === null);
  await page.evaluate(PAGE_SETTLED);
}

/**
 * Waits for `count` animation frames of the page: the time in which a demo that was (wrongly)
 * playing would have moved, counted on the page's own clock, so a busy machine cannot make it short.
 */
export async function animationFrames(page: Page, count: number): Promise<void> {
  await page.evaluate(
    (frames) =>
      new Promise<void>((resolve) => {
        let left = frames;
        const next = () => (--left <= 0 ? resolve() : void requestAnimationFrame(next));
        requestAnimationFrame(next);
      }),
    count,
  );
}
