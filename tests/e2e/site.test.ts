import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDeck } from '../../src/deck/deck-source.ts';
import { createMarp, loadMarpConfig } from '../../src/deck/marp-config.ts';
import { defaultDeckPath } from '../../src/deck/project-paths.ts';
import { DEMOS } from '../../src/demos/registry.ts';
import { runDeckCli } from '../deck/run-deck-cli.ts';
import { serveStatic } from '../deck/static-server.ts';
import { buildDemoPages, launchBrowser, watchPage } from './harness.ts';

/**
 * The static site as `npm run build` makes it (demos by Vite, the deck by the deck CLI), served
 * from a sub-path by a plain file server: every 「▶ ライブデモ」 link of the deck opens a working
 * demo in a valid state, and each demo links back to the slide the link was on.
 */
const SUB_PATH = '/talk/';

/** Slides in slides/deck.md (the deck the CLI builds by default), as the build's Marp engine splits it. */
async function deckSlideCount(): Promise<number> {
  const [{ markdown }, marp] = await Promise.all([readDeck(defaultDeckPath), loadMarpConfig().then(createMarp)]);
  return marp.render(markdown, { htmlAsArray: true }).html.length;
}

describe('the built site', () => {
  const out = mkdtempSync(join(tmpdir(), 'site-'));
  let site: Awaited<ReturnType<typeof serveStatic>>;
  let browser: Awaited<ReturnType<typeof launchBrowser>>;

  beforeAll(async () => {
    await buildDemoPages(out);
    const deck = await runDeckCli(['html', '--out', out]);
    expect(deck.status, deck.stderr).toBe(0);
    site = await serveStatic(out, SUB_PATH);
    browser = await launchBrowser();
  }, 240_000);
  afterAll(async () => {
    await browser?.dispose();
    await site?.close();
    rmSync(out, { recursive: true, force: true });
  });

  it('front page lists the deck and every demo, with working links', async () => {
    const page = await browser.newPage();
    const watch = watchPage(page, site.origin);
    await page.goto(`${site.origin}${SUB_PATH}`);
    const hrefs = await page.locator('.demo-card > a').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
    expect(hrefs).toEqual(DEMOS.map((demo) => `${site.origin}${SUB_PATH}demos/${demo.id}/`));
    await page.locator('.deck-button').click();
    await page.waitForURL(`${site.origin}${SUB_PATH}deck.html`);
    const slideCount = await deckSlideCount();
    await expect.poll(() => page.locator('section[id]').count()).toBe(slideCount);
    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await page.close();
  });

  it('every demo link in the deck opens its demo in a valid state, with a link back to its slide', { timeout: 240_000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    await page.goto(`${site.origin}${SUB_PATH}deck.html`);
    // Marp numbers each slide's section with its id (1-based), the number deck.html#N jumps to.
    const links = await page
      .locator('a.demo-link')
      .evaluateAll((anchors) => anchors.map((a) => ({ slide: Number(a.closest('section[id]')?.id), href: (a as HTMLAnchorElement).href })));
    await page.close();
    const demoIds = new Set(links.map((link) => new URL(link.href).pathname.split('/').at(-2)));
    expect([...demoIds].sort()).toEqual(DEMOS.map((demo) => demo.id).sort());
    // A few tabs at a time: 16 links, each a full page load with KaTeX and fonts.
    const checkLink = async (link: { slide: number; href: string }) => {
      expect(DEMOS.find((demo) => link.href.includes(`/demos/${demo.id}/`))?.slides, link.href).toContain(link.slide);
      const demo = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      const watch = watchPage(demo, site.origin);
      await demo.goto(link.href);
      await demo.locator('.demo-stage svg').first().waitFor();
      expect({ href: link.href, notices: await demo.locator('[data-testid=url-notice]').count() }).toEqual({ href: link.href, notices: 0 });
      const back = await demo.locator('.back-link').evaluate((a) => (a as HTMLAnchorElement).href);
      expect(back).toBe(`${site.origin}${SUB_PATH}deck.html#${link.slide}`);
      expect({ href: link.href, errors: watch.errors, foreign: watch.foreignRequests }).toEqual({
        href: link.href,
        errors: [],
        foreign: [],
      });
      await demo.close();
    };
    for (let i = 0; i < links.length; i += 4) await Promise.all(links.slice(i, i + 4).map(checkLink));
  });
});
