import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, ConsoleMessage, Page } from 'playwright-core';
import { findChromium } from '../../src/deck/find-chromium.ts';
import { launchChromium } from '../../src/deck/launch-chromium.ts';
import { createServer, type ViteDevServer } from 'vite';

/**
 * End-to-end helpers: the system Chromium (found and launched as the deck exports do) driven by
 * playwright-core, and the demo pages served by Vite on loopback. Nothing here downloads a browser.
 */
export async function launchBrowser(): Promise<Browser & { dispose(): Promise<void> }> {
  const browser = await launchChromium(findChromium());
  return Object.assign(browser, { dispose: () => browser.close() });
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
    // Browsers ask every origin for /favicon.ico; a static host without one answers 404, harmlessly.
    if (response.status() >= 400 && !response.url().endsWith('/favicon.ico')) errors.push(`${response.status()} ${response.url()}`);
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) foreignRequests.push(url);
  });
  return { errors, foreignRequests };
}
