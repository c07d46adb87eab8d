import { mkdtempSync, rmSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Config } from '@marp-team/marp-cli';
import { Marp, type MarpOptions } from '@marp-team/marp-core';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { findChromium } from '../../src/deck/find-chromium.ts';
import { QUIET_CHROMIUM_ARGS } from '../../src/deck/launch-chromium.ts';
import { contentType, staticFiles } from '../../src/deck/static-files.ts';

/**
 * Renders slides/deck.md with the theme through marp-core, with the options of the
 * build's marp.config.mjs (KaTeX and its local fonts, no CDN emoji), and shows it in
 * the system Chromium at 1280x720, served from the project folder on loopback so
 * that the theme's '../node_modules/...' imports resolve and nothing needs the network.
 */
export const PROJECT_ROOT = join(import.meta.dirname, '../..');
export const THEME_PATH = join(PROJECT_ROOT, 'themes/sample.css');
export const DECK_PATH = join(PROJECT_ROOT, 'slides/deck.md');
const MARP_CONFIG_PATH = join(PROJECT_ROOT, 'marp.config.mjs');
export const SLIDE = { width: 1280, height: 720 } as const;

/** Lives only in memory; served beside deck.md so relative URLs mean what they mean in the deck. */
const DECK_PAGE_PATH = '/slides/__theme-test-deck.html';

/** The build's marp-core options, with KaTeX's font folder (a file: URL there) served from the project folder. */
async function buildMarpOptions(): Promise<MarpOptions> {
  const { default: config } = (await import(pathToFileURL(MARP_CONFIG_PATH).href)) as { default: Config };
  const options: MarpOptions = { ...config.options, ...(config.html === undefined ? {} : { html: config.html }) };
  const math = options.math;
  const fontUrl = typeof math === 'object' && math.lib === 'katex' ? math.katexFontPath : undefined;
  if (typeof math !== 'object' || typeof fontUrl !== 'string' || !fontUrl.startsWith('file:')) {
    throw new Error(`${MARP_CONFIG_PATH}: expected options.math with lib 'katex' and a file: URL as katexFontPath`);
  }
  const fontsDir = relative(PROJECT_ROOT, fileURLToPath(fontUrl));
  if (fontsDir.startsWith('..')) throw new Error(`KaTeX fonts outside the project folder: ${fontUrl}`);
  return { ...options, math: { ...math, katexFontPath: `/${fontsDir.split(sep).join('/')}/` } };
}

export async function renderDeckHtml(): Promise<string> {
  const [markdown, theme, options] = await Promise.all([readFile(DECK_PATH, 'utf8'), readFile(THEME_PATH, 'utf8'), buildMarpOptions()]);
  const marp = new Marp(options);
  marp.themeSet.add(theme);
  const { html, css } = marp.render(markdown);
  return `<!doctype html>
<html lang="ja"><head><meta charset="utf-8"><title>theme test</title>
<style>${css}</style>
<style>
  body { margin: 0; background: #808080; }
  div.marpit > svg[data-marpit-svg] { display: block; width: ${SLIDE.width}px; height: ${SLIDE.height}px; }
  body.one-slide div.marpit > svg[data-marpit-svg]:not(.current) { display: none; }
  body.hide-text section, body.hide-text section *, body.hide-text section::after,
  body.hide-text section *::before, body.hide-text section *::after, body.hide-text section *::marker {
    color: transparent !important; -webkit-text-fill-color: transparent !important; text-shadow: none !important;
  }
</style></head><body>${html}</body></html>`;
}

async function startProjectServer(deckHtml: string): Promise<{ server: Server; origin: string }> {
  const serveProject = staticFiles(PROJECT_ROOT, '/', 'no-cache');
  const server = createServer((request, response) => {
    if (new URL(request.url ?? '/', 'http://loopback').pathname === DECK_PAGE_PATH) {
      response.writeHead(200, { 'content-type': contentType(DECK_PAGE_PATH) }).end(deckHtml);
      return;
    }
    void serveProject(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('project server has no port');
  return { server, origin: `http://127.0.0.1:${address.port}` };
}

export interface DeckSession {
  page: Page;
  slideCount: number;
  /** Requests for anything but the loopback server (aborted, and a test failure). */
  foreignRequests: string[];
  /** Local files the deck asked for that are not there (e.g. figures not generated yet). */
  missingFiles: string[];
  close(): Promise<void>;
}

/** The system Chromium with a fresh, throw-away profile (findChromium() explains what to install if it is missing). */
async function launchChromium(): Promise<{ context: BrowserContext; dispose(): Promise<void> }> {
  const executablePath = findChromium();
  const profile = mkdtempSync(join(tmpdir(), 'theme-test-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    args: [...QUIET_CHROMIUM_ARGS, '--disable-quic'],
    viewport: { ...SLIDE },
    deviceScaleFactor: 1,
  });
  return {
    context,
    async dispose() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

export async function openDeck(): Promise<DeckSession> {
  const { server, origin } = await startProjectServer(await renderDeckHtml());
  const browser = await launchChromium().catch((error: unknown) => {
    server.close();
    throw error;
  });
  const { context } = browser;
  const page = context.pages()[0] ?? (await context.newPage());
  const foreignRequests: string[] = [];
  const missingFiles: string[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${origin}/`)) return route.continue();
    foreignRequests.push(url);
    return route.abort('blockedbyclient');
  });
  page.on('response', (response) => {
    if (response.status() === 404) missingFiles.push(new URL(response.url()).pathname);
  });
  await page.goto(`${origin}${DECK_PAGE_PATH}`, { waitUntil: 'load' });
  // Every slide is laid out once, so every unicode-range subset the deck needs starts loading.
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const slideCount = await page.locator('div.marpit > svg[data-marpit-svg]').count();
  return {
    page,
    slideCount,
    foreignRequests,
    missingFiles,
    async close() {
      await browser.dispose();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}

/** Shows slide `index` (0-based) alone at the top left of the 1280x720 viewport. */
export async function showSlide(page: Page, index: number): Promise<void> {
  await page.evaluate((i) => {
    document.body.classList.add('one-slide');
    document.querySelectorAll('div.marpit > svg[data-marpit-svg]').forEach((svg, n) => {
      svg.classList.toggle('current', n === i);
    });
    return new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve())));
  }, index);
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
}

/**
 * The current slide as painted with every glyph transparent: what lies behind the text.
 * pngjs gives its pixels as RGBA, row-major, 4 bytes per pixel, whatever the PNG's colour type.
 */
export async function screenshotBehindText(page: Page): Promise<PNG> {
  await page.evaluate(() => document.body.classList.add('hide-text'));
  const png = await page.screenshot({ type: 'png', clip: { x: 0, y: 0, ...SLIDE }, animations: 'disabled' });
  await page.evaluate(() => document.body.classList.remove('hide-text'));
  return PNG.sync.read(png);
}
