import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { preview } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDeck } from '../../src/deck/deck-source.ts';
import { embedHref } from '../../src/deck/demo-references.ts';
import { markHandouts } from '../../src/deck/front-page.ts';
import { createMarp, loadMarpConfig } from '../../src/deck/marp-config.ts';
import { defaultDeckPath, projectRoot } from '../../src/deck/project-paths.ts';
import { serveStatic } from '../../src/deck/static-files.ts';
import { DEMOS, demoEntry, demoHref, slidesOf } from '../../src/demos/registry.ts';
import { runDeckCli } from '../deck/run-deck-cli.ts';
import { embedLayout, MIN_EMBED_TEXT_PX } from './embed-text.ts';
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
    // The handouts are listed only where the build made them: none in this build (HTML only), then both.
    expect(await page.locator('.downloads').isHidden()).toBe(true);
    writeFileSync(join(out, 'deck.pdf'), '%PDF-1.7');
    writeFileSync(join(out, 'deck.pptx'), 'PK');
    try {
      await markHandouts(out);
      await page.reload();
      await expect
        .poll(() => page.locator('.downloads a[download]').evaluateAll((links) => links.map((a) => a.getAttribute('href'))))
        .toEqual(['deck.pdf', 'deck.pptx']);
    } finally {
      rmSync(join(out, 'deck.pdf'));
      rmSync(join(out, 'deck.pptx'));
      await markHandouts(out);
    }
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
      .locator('a.demo-link:not(.demo-front)')
      .evaluateAll((anchors) => anchors.map((a) => ({ slide: Number(a.closest('section[id]')?.id), href: (a as HTMLAnchorElement).href })));
    // The summary's link to every demo: the front page, beside the deck.
    expect(await page.locator('a.demo-front').evaluateAll((anchors) => anchors.map((a) => (a as HTMLAnchorElement).href))).toEqual([
      `${site.origin}${SUB_PATH}index.html`,
    ]);
    await page.close();
    const demoIds = new Set(links.map((link) => new URL(link.href).pathname.split('/').at(-2)));
    expect([...demoIds].sort()).toEqual(DEMOS.map((demo) => demo.id).sort());
    // A few tabs at a time: 16 links, each a full page load with KaTeX and fonts.
    const checkLink = async (link: { slide: number; href: string }) => {
      const entry = DEMOS.find((candidate) => link.href.includes(`/demos/${candidate.id}/`));
      expect(entry && slidesOf(entry), link.href).toContain(link.slide);
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

  it('every demo link has a short address on the site (printed in the handouts) that forwards to it, typed with or without its slash', async () => {
    const page = await browser.newPage();
    const watch = watchPage(page, site.origin);
    await page.goto(`${site.origin}${SUB_PATH}deck.html`);
    const links = await page
      .locator('a.demo-link[data-short]')
      .evaluateAll((anchors) => anchors.map((a) => ({ code: (a as HTMLElement).dataset.short!, href: (a as HTMLAnchorElement).href })));
    expect(links.length).toBeGreaterThanOrEqual(DEMOS.flatMap(slidesOf).length);
    for (const { code, href } of links) {
      const target = new URL(href);
      const slide = target.searchParams.get('from');
      target.searchParams.delete('from');
      // The demo's own address, or one that spells out more (the training lab fills in a scene's
      // settings, and drops a `from` that is already its default).
      const isTarget = (url: URL) =>
        url.pathname === target.pathname && [...target.searchParams].every(([name, value]) => url.searchParams.get(name) === value);
      for (const typed of [`go/${code}`, `go/${code}/`]) {
        await page.goto(`${site.origin}${SUB_PATH}${typed}`);
        await page.waitForURL(isTarget, { waitUntil: 'commit' });
        expect(await page.locator('.back-link').getAttribute('href'), typed).toBe(`../../deck.html#${slide}`);
      }
    }
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('npm run preview serves the built site for a talk with no network: the deck, its live demo, a short address', async () => {
    // Vite's preview of the build's output folder, as `npm run preview` starts it (here on this test's build).
    const server = await preview({
      configFile: join(projectRoot, 'vite.config.ts'),
      root: join(projectRoot, 'src'),
      build: { outDir: out },
      preview: { host: '127.0.0.1', port: 0 },
      logLevel: 'silent',
    });
    const origin = server.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? '';
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    // No network: anything but this machine's server fails.
    const offSite: string[] = [];
    await context.route('**/*', (route) => {
      if (route.request().url().startsWith(`${origin}/`)) return route.continue();
      offSite.push(route.request().url());
      return route.abort('internetdisconnected');
    });
    const page = await context.newPage();
    const watch = watchPage(page, origin);
    try {
      await page.goto(`${origin}/deck.html#19`);
      await page.frameLocator('.demo-embed-box iframe').locator('.demo-stage svg').first().waitFor();
      await page.goto(`${origin}/go/23`);
      await page.waitForURL((url) => url.pathname === '/demos/gradient-chain/' && url.searchParams.get('from') === '23', {
        waitUntil: 'commit',
      });
      await page.locator('.demo-stage svg').first().waitFor();
      expect(watch.errors).toEqual([]);
      expect(offSite).toEqual([]);
    } finally {
      await context.close();
      await server.close();
    }
  });

  describe('live demos inside the slides', () => {
    /** The slides whose demo runs in the slide (the image form of a demo reference). */
    const EMBEDS = [
      { slide: 19, id: 'gradient-chain' },
      { slide: 20, id: 'activations' },
      { slide: 22, id: 'activations' },
      { slide: 23, id: 'gradient-chain' },
      // A slide figure that is a demo: ![bg right:62%](demo:training).
      { slide: 25, id: 'training' },
    ] as const;
    const frameOf = (page: Page) => page.frameLocator('.demo-embed-box iframe');
    const liveFrames = (page: Page) => page.locator('.demo-embed-box iframe').count();
    const openDeck = async (slide: number, query = '') => {
      const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
      const watch = watchPage(page, site.origin);
      await page.goto(`${site.origin}${SUB_PATH}deck.html${query}#${slide}`);
      await page.locator('svg.bespoke-marp-slide.bespoke-marp-active').waitFor();
      return { page, watch };
    };
    const slideShown = (page: Page) => page.evaluate(() => Number(location.hash.slice(1)));

    it('runs each embedded demo only while its slide is shown, one at a time, in the registry’s state, over the slide’s figure', async () => {
      const { page, watch } = await openDeck(18);
      expect(await liveFrames(page)).toBe(0);
      for (let slide = 18; slide <= 26; slide++) {
        if (slide > 18) await page.keyboard.press('ArrowRight');
        await expect.poll(() => slideShown(page)).toBe(slide);
        const embed = EMBEDS.find((e) => e.slide === slide);
        await expect.poll(() => liveFrames(page), { message: `slide ${slide}` }).toBe(embed ? 1 : 0);
        if (!embed) continue;
        const src = await page.locator('.demo-embed-box iframe').getAttribute('src');
        expect(src).toBe(embedHref(demoHref(demoEntry(embed.id), slide), slide));
        await frameOf(page).locator('.demo-stage svg').first().waitFor();
        // Over the right-hand figure (at most 62 % of the slide): the box reaches the slide's right edge.
        const box = (await page.locator('.demo-embed-box').boundingBox())!;
        expect(box.x).toBeGreaterThanOrEqual(1280 * 0.38 - 1);
        expect(box.x + box.width).toBeGreaterThan(1270);
        expect(await frameOf(page).locator('.demo-header').count()).toBe(0);
      }
      expect(watch.errors).toEqual([]);
      expect(watch.foreignRequests).toEqual([]);
      await page.close();
    });

    it(`draws every text of each live demo at ${MIN_EMBED_TEXT_PX} px or more on the 1280×720 slide, all of it inside its box`, async () => {
      const { page, watch } = await openDeck(EMBEDS[0].slide);
      const findings: string[] = [];
      for (const { slide } of EMBEDS) {
        await page.evaluate((number) => (location.hash = `#${number}`), slide);
        await frameOf(page).locator('.demo-stage svg').first().waitFor();
        const frame = page.frames().find((candidate) => candidate.url().includes(`sync=slide-${slide}`))!;
        // Measured after the demo has played a while (the pulse, the training), as the audience sees it.
        await page.waitForTimeout(2500);
        const layout = await embedLayout(frame);
        expect(layout.texts.length, `slide ${slide}: no text found`).toBeGreaterThan(0);
        for (const { text, px } of layout.texts.filter((drawn) => drawn.px < MIN_EMBED_TEXT_PX)) {
          findings.push(`slide ${slide}: 「${text}」 is ${px} px`);
        }
        for (const text of layout.outside) findings.push(`slide ${slide}: 「${text}」 is cut off by the box`);
        if (layout.scroll > 1) findings.push(`slide ${slide}: ${layout.scroll} px would need scrolling`);
      }
      expect(findings).toEqual([]);
      expect(watch.errors).toEqual([]);
      await page.close();
    });

    it('hands the keyboard to the demo on a click or Enter, and back to the deck on Esc', async () => {
      const { page, watch } = await openDeck(19);
      const status = frameOf(page).getByTestId('pulse-status');
      await status.waitFor();
      // Enter from the deck: the demo has the keys, so → steps the pulse instead of the slides.
      await page.keyboard.press('Enter');
      await page.keyboard.press('r');
      await expect.poll(() => status.textContent()).toBe('出力 y から開始');
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => status.textContent()).toContain('第10層');
      expect(await slideShown(page)).toBe(19);
      expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('IFRAME');
      expect(await page.locator('.demo-embed-box').evaluate((box) => getComputedStyle(box, '::after').borderTopColor)).toBe(
        'rgb(194, 65, 12)',
      );
      // Esc: the deck has the keys again, with the focus ring on the demo's box.
      await page.keyboard.press('Escape');
      await expect.poll(() => page.evaluate(() => document.activeElement?.className)).toBe('demo-embed-box');
      expect(await page.locator('.demo-embed-box').evaluate((box) => getComputedStyle(box, '::after').borderTopColor)).toBe(
        'rgb(194, 65, 12)',
      );
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => slideShown(page)).toBe(20);
      // A click into the demo hands it the keys too.
      await frameOf(page).locator('.demo-stage svg').first().click();
      await page.keyboard.press('ArrowRight');
      expect(await slideShown(page)).toBe(20);
      expect(watch.errors).toEqual([]);
      await page.close();
    });

    it('keeps what the presenter did in a demo for a return to its slide, stopped', async () => {
      const { page } = await openDeck(19);
      const frame = () => page.frame({ url: /embed=1/ });
      await expect.poll(() => frame()?.evaluate(() => window.demo !== undefined)).toBe(true);
      await frame()!.evaluate(() => window.demo!.set({ params: { step: 4 }, playing: true }));
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => slideShown(page)).toBe(20);
      await page.keyboard.press('ArrowLeft');
      await expect.poll(() => slideShown(page)).toBe(19);
      await expect.poll(() => frame()?.evaluate(() => window.demo?.get().playing ?? null)).toBe(false);
      const step = await frame()!.evaluate(() => window.demo!.get().params.step as number);
      expect(step).toBeGreaterThanOrEqual(4);
      await page.close();
    });

    it('keeps the presenter view’s demo and the audience window’s in step, whichever the presenter drives', async () => {
      // The presenter view and the audience window: two windows of one browser (one context).
      const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
      const open = async (query: string) => {
        const page = await context.newPage();
        const watch = watchPage(page, site.origin);
        await page.goto(`${site.origin}${SUB_PATH}deck.html${query}#19`);
        await frameOf(page).locator('[data-testid="pulse-status"]').waitFor();
        return { page, watch, status: () => frameOf(page).getByTestId('pulse-status').textContent() };
      };
      const audience = await open('');
      const presenter = await open('?view=presenter');
      await frameOf(presenter.page).locator('[data-action="step"]').click();
      await frameOf(presenter.page).locator('[data-action="step"]').click();
      await expect.poll(() => audience.status()).toBe(await presenter.status());
      expect(await presenter.status()).toContain('第10層');
      // Played from the audience window, paused from the presenter view: one pulse, shown in both.
      await frameOf(audience.page).locator('[data-action="play"]').click();
      await expect.poll(() => frameOf(presenter.page).locator('[data-action="play"]').getAttribute('aria-pressed')).toBe('true');
      await frameOf(presenter.page).locator('[data-action="play"]').click();
      await expect.poll(() => frameOf(audience.page).locator('[data-action="play"]').getAttribute('aria-pressed')).toBe('false');
      await expect.poll(async () => (await audience.status()) === (await presenter.status())).toBe(true);
      expect(audience.watch.errors).toEqual([]);
      expect(presenter.watch.errors).toEqual([]);
      await context.close();
    });

    it('shows the demo in the presenter view, and none in the overview', async () => {
      const presenter = await openDeck(19, '?view=presenter');
      await expect.poll(() => liveFrames(presenter.page)).toBe(1);
      await frameOf(presenter.page).locator('.demo-stage svg').first().waitFor();
      // The presenter's next-slide preview (slide 20, activations) runs nothing: one demo, the current one.
      expect(await presenter.page.locator('.demo-embed-box iframe').getAttribute('src')).toContain('gradient-chain');
      expect(presenter.watch.errors).toEqual([]);
      await presenter.page.close();
      const { page, watch } = await openDeck(19);
      await expect.poll(() => liveFrames(page)).toBe(1);
      await page.keyboard.press('o');
      await page.locator('.bespoke-marp-overview[data-open="1"]').waitFor({ state: 'attached' });
      await expect.poll(() => liveFrames(page)).toBe(0);
      expect(watch.errors).toEqual([]);
      await page.close();
    });
  });
});
