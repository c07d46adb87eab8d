import type { Browser, BrowserContext, Page } from 'playwright-core';
import { watchPage } from './harness.ts';

export interface OpenedDemo {
  readonly page: Page;
  readonly watch: ReturnType<typeof watchPage>;
  /** Messages of any alert/confirm/prompt the page tried to show (dismissed). */
  readonly dialogs: string[];
  close(): Promise<void>;
}

/**
 * Opens demo pages at 1280×720 for one test file: tabs share one context (and its HTTP cache);
 * a touch page gets a context of its own. Vite's dependency optimiser can answer a first load with
 * "504 Outdated Optimize Dep" while it re-bundles (its cache in node_modules/.vite is shared by
 * every dev server on the machine); such a load is thrown away and retried once.
 */
export function demoOpener(browser: Browser, origin: string, path: string, readySelector: string) {
  let shared: BrowserContext | undefined;
  const open = async (query = '', options: { hasTouch?: boolean } = {}, attempt = 1): Promise<OpenedDemo> => {
    const context = options.hasTouch
      ? await browser.newContext({ viewport: { width: 1280, height: 720 }, hasTouch: true })
      : (shared ??= await browser.newContext({ viewport: { width: 1280, height: 720 } }));
    const page = await context.newPage();
    const close = () => (context === shared ? page.close() : context.close());
    const watch = watchPage(page, origin);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => { dialogs.push(dialog.message()); void dialog.dismiss(); });
    await page.goto(`${origin}${path}${query}`);
    try {
      await page.waitForSelector(readySelector, { timeout: attempt === 1 ? 20_000 : 40_000 });
    } catch (error) {
      await close();
      if (attempt > 1) throw error;
      return open(query, options, attempt + 1);
    }
    await page.evaluate(() => document.fonts.ready);
    return { page, watch, dialogs, close };
  };
  return open;
}
