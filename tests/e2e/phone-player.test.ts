import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type DemoTarget, settle, useDemoPages } from './harness.ts';

/**
 * On a 390×844 phone the player of every demo that has one stays within reach of the picture it
 * drives: in view together with the top of the picture, still in view while the picture scrolls,
 * hiding nothing the page cannot scroll past, and a tap on Play animates what is on screen.
 * One browser and one dev server for the file.
 */

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 1 };

const DEMOS: readonly (DemoTarget & { name: string })[] = [
  { name: 'descent', path: '/demos/descent/', readySelector: '[data-testid=parabola] svg .drag-handle' },
  { name: 'backprop', path: '/demos/backprop/', readySelector: '.bp-graph .node' },
  { name: 'composition', path: '/demos/composition/', readySelector: 'svg.plot' },
  { name: 'gradient-chain', path: '/demos/gradient-chain/', readySelector: '.gc-column svg.plot' },
  { name: 'training', path: '/demos/training/', readySelector: '.tr-run [data-testid=layers] svg' },
];

const [first, ...rest] = DEMOS;
const site = useDemoPages(first.path, first.readySelector, { alsoWarmUp: rest });

interface Box {
  readonly top: number;
  readonly bottom: number;
  readonly left: number;
  readonly right: number;
}

/** Boxes in viewport coordinates after scrolling to `scrollY`. */
function layoutAt(page: Page, scrollY: number) {
  return page.evaluate((y) => {
    window.scrollTo(0, y);
    const box = (element: Element): Box => {
      const { top, bottom, left, right } = element.getBoundingClientRect();
      return { top, bottom, left, right };
    };
    const player = document.querySelector('.player')!;
    // Everything the page shows apart from the player: leaves of the tree, and whole SVG pictures.
    const content = [...document.querySelectorAll('.demo-main *')].filter(
      (element) =>
        !player.contains(element) &&
        !element.closest('svg:not(:scope)') &&
        (element.childElementCount === 0 || element instanceof SVGSVGElement) &&
        element.getBoundingClientRect().height > 0,
    );
    return {
      scrollY: window.scrollY,
      maxScroll: document.documentElement.scrollHeight - window.innerHeight,
      play: box(document.querySelector('button[data-action=play]')!),
      player: box(player),
      stage: box(document.querySelector('.demo-stage')!),
      contentBottom: Math.max(...content.map((element) => element.getBoundingClientRect().bottom)),
    };
  }, scrollY);
}

const inViewport = (box: Box) => box.top >= 0 && box.bottom <= PHONE.viewport.height && box.left >= 0 && box.right <= PHONE.viewport.width;

describe.each(DEMOS)('$name on a 390×844 phone', { timeout: 90_000 }, (demo) => {
  it('shows Play with the top of the picture, keeps it in reach while scrolling, and hides nothing for good', async () => {
    const { page, watch, close } = await site.open('', PHONE, demo);
    const top = await layoutAt(page, 0);
    expect(inViewport(top.play)).toBe(true);
    // The picture starts in view, above the player.
    expect(top.stage.top).toBeGreaterThanOrEqual(0);
    expect(top.stage.top).toBeLessThan(top.player.top);

    // Half-way down the page (where a tall picture is scrolled part-way).
    expect(top.maxScroll).toBeGreaterThan(0);
    const middle = await layoutAt(page, Math.round(top.maxScroll / 2));
    expect(middle.scrollY).toBeGreaterThan(0);
    expect(inViewport(middle.play)).toBe(true);

    // Scrolled to the end, the last line of the page comes out above the player.
    const end = await layoutAt(page, 1e6);
    expect(end.scrollY).toBe(end.maxScroll);
    expect(inViewport(end.play)).toBe(true);
    expect(end.contentBottom).toBeLessThanOrEqual(end.player.top + 0.5);
    expect(watch.errors).toEqual([]);
    await close();
  });

  it('animates the picture on screen when Play is tapped', async () => {
    const { page, watch, close } = await site.open('', PHONE, demo);
    // A change after the tap must come from playing, not from formulas and labels still arriving.
    await settle(page);
    const { stage, player } = await layoutAt(page, 0);
    const clip = { x: 0, y: Math.max(0, stage.top), width: PHONE.viewport.width, height: player.top - Math.max(0, stage.top) };
    const before = await page.screenshot({ clip });
    await page.locator('button[data-action=play]').tap();
    expect(await page.locator('button[data-action=play]').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(async () => (await page.screenshot({ clip })).equals(before), { timeout: 30_000 }).toBe(false);
    await page.locator('button[data-action=play]').tap();
    expect(watch.errors).toEqual([]);
    await close();
  });

  it('keeps the player in the controls at 1280×720 (the desktop layout is unchanged)', async () => {
    const { page, close } = await site.open('', {}, demo);
    expect(await page.locator('.player').evaluate((player) => getComputedStyle(player).position)).toBe('static');
    expect(await page.locator('.demo-controls .player').count()).toBe(1);
    await close();
  });
});
