import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { serveStatic } from '../../src/deck/static-files.ts';
import { runDeckCli } from '../deck/run-deck-cli.ts';
import { buildDemoPages, launchBrowser } from '../e2e/harness.ts';

/**
 * The demo pages and the HTML deck as `npm run build` makes them (minified, bundled), served by a plain file server,
 * and the system Chromium: what the browser benchmarks measure. Throws before building anything
 * when there is no browser.
 */
export interface BuiltDemos {
  readonly browser: Browser;
  /** Base URL of the site, ending in '/'. */
  readonly base: string;
  /** The built deck.html (served at `${base}deck.html`). */
  readonly deckHtml: string;
  dispose(): Promise<void>;
}

export async function openBuiltDemos(): Promise<BuiltDemos> {
  const browser = await launchBrowser();
  const out = mkdtempSync(join(tmpdir(), 'bench-site-'));
  try {
    await buildDemoPages(out);
    const deck = await runDeckCli(['html', '--out', out]);
    if (deck.status !== 0) throw new Error(`building the deck failed:\n${deck.stderr}`);
    const site = await serveStatic(out, '/');
    return {
      browser,
      base: `${site.origin}/`,
      deckHtml: join(out, 'deck.html'),
      async dispose() {
        await browser.dispose();
        await site.close();
        rmSync(out, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await browser.dispose();
    rmSync(out, { recursive: true, force: true });
    throw error;
  }
}
