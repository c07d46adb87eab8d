import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDemoPages } from './harness.ts';

/* The backprop demo in real Chromium: one browser and one dev server for the file. */
const { open } = useDemoPages('/demos/backprop/', '.bp-graph .node');

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

const params = (page: Page) => new URL(page.url()).searchParams;
const nodeText = (page: Page, label: string) => page.locator(`.bp-graph .node[data-label="${label}"]`).textContent();

describe('backprop demo', { timeout: 60_000 }, () => {
  it('opens slide 14’s state with the numbers of the slides, fitting 1280×720, with no error and nothing fetched elsewhere', async () => {
    const { page, watch, close } = await open('?step=13&focus=b&from=14');
    await page.waitForLoadState('networkidle');
    expect(await page.locator('.bp-graph .node').count()).toBe(12);
    expect(await page.locator('svg.plot[role=img][aria-label]').count()).toBe(2);
    expect(await nodeText(page, 'x₁')).toContain('x₁ = 9');
    expect(await nodeText(page, 'b')).toContain('36');
    expect(await page.getByTestId('grad-b').textContent()).toContain('36');
    expect(await page.getByTestId('fd-b').textContent()).toContain('36.0000');
    expect(await page.getByTestId('grad-a').textContent()).toContain('8');
    expect(await page.getByTestId('update-b').textContent()).toContain('0.64');
    expect(await page.getByTestId('update-a').textContent()).toContain('1.92');
    expect(await page.locator('.bp-chain-row.bp-focus [data-testid=grad-b]').count()).toBe(1);
    expect(await page.locator('a.back-link').getAttribute('href')).toBe('../../deck.html#14');
    const scroll = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]);
    expect(scroll).toEqual([1280, 720]);
    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await close();
  });

  it('still fits 1280×720 when a too-large learning rate makes Φ grow and then overflow, in both languages', async () => {
    for (const query of ['?step=12&iter=4&alphaA=0.03&alphaB=0.03&a=-4.3&t=-17', '?step=12&iter=30&alphaA=0.03&alphaB=0.03&a=-4.3&t=-17&lang=en']) {
      const { page, watch, close } = await open(query);
      await expect.poll(() => page.locator('.bp-status').textContent()).toMatch(/学習率|Diverged/);
      await page.evaluate(() => document.fonts.ready);
      expect(await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight])).toEqual([1280, 720]);
      // The Φ axis keeps a few labels however many decades it spans, so they never run into each other.
      const labels = await page.locator('[data-testid=history] .axis-y .tick text').evaluateAll((texts) => texts.filter((t) => t.textContent !== '').length);
      expect(labels).toBeGreaterThanOrEqual(2);
      expect(labels).toBeLessThanOrEqual(5);
      expect(watch.errors).toEqual([]);
      await close();
    }
  });

  it('fits a 390×844 phone: no sideways scrolling, the whole graph on screen with labels of 12 px or more', async () => {
    const { page, watch, close } = await open('?step=12', PHONE);
    await page.evaluate(() => document.fonts.ready);
    const fit = await page.evaluate(() => {
      const root = document.documentElement;
      const wrap = document.querySelector<HTMLElement>('[data-testid=graph]')!;
      const svg = document.querySelector<SVGSVGElement>('svg.bp-graph')!;
      const box = svg.getBoundingClientRect();
      const scale = box.width / svg.viewBox.baseVal.width;
      const fontSizes = [...svg.querySelectorAll('text')].map((t) => Number(getComputedStyle(t).fontSize.replace('px', '')) * scale);
      return {
        page: root.scrollWidth <= root.clientWidth,
        graph: wrap.scrollWidth <= wrap.clientWidth && box.left >= 0 && box.right <= root.clientWidth,
        smallestText: Math.min(...fontSizes),
      };
    });
    expect(fit.page, 'the page scrolls sideways').toBe(true);
    expect(fit.graph, 'the graph is wider than the screen').toBe(true);
    expect(fit.smallestText).toBeGreaterThanOrEqual(12);
    expect(await page.locator('svg.bp-graph').isVisible()).toBe(true);
    expect(await nodeText(page, 'b')).toContain('36');
    expect(watch.errors).toEqual([]);
    await close();
  });

  it('steps with the keyboard: → fills in the forward pass node by node, and the URL follows', async () => {
    const { page, watch, close } = await open();
    expect(await nodeText(page, 'ax')).toContain('?');
    await page.locator('body').press('ArrowRight');
    await expect.poll(() => params(page).get('step')).toBe('1');
    expect(await nodeText(page, 'ax')).toContain('ax = 4');
    expect(await nodeText(page, 'x₁')).toContain('?');
    expect(await page.getByTestId('caption').textContent()).toContain('1/6');
    await page.goBack();
    await expect.poll(() => params(page).get('step')).toBe(null);
    expect(await nodeText(page, 'ax')).toContain('?');
    expect(watch.errors).toEqual([]);
    await close();
  });

  it('moves the graph and the URL with a control, and restores both on reload', async () => {
    const { page, watch, close } = await open('?step=6');
    const slider = page.locator('input[name=x]');
    await slider.fill('3');
    await expect.poll(() => params(page).get('x')).toBe('3');
    expect(await nodeText(page, 'x')).toContain('x = 3');
    expect(await nodeText(page, 'x₁')).toContain('x₁ = 11'); // 2·3 + 5
    await page.reload();
    await page.waitForSelector('.bp-graph .node');
    expect(await slider.inputValue()).toBe('3');
    expect(await nodeText(page, 'x₁')).toContain('x₁ = 11');
    await page.getByRole('button', { name: '+10' }).click();
    await expect.poll(() => params(page).get('iter')).toBe('10');
    expect(await page.locator('[data-testid=history] circle').count()).toBe(11);
    expect(watch.errors).toEqual([]);
    await close();
  });

  it('shows a notice for a junk URL and never turns it into markup', async () => {
    const { page, watch, close } = await open('?step=-5&focus=<img src=x onerror="window.__xss=1">&act=<script>alert(1)</script>&zzz=1');
    const notice = page.getByTestId('url-notice');
    await expect.poll(() => notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toContain('<img');
    expect(await page.locator('body img, body script').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    expect(await page.locator('select[name=focus]').inputValue()).toBe('none');
    expect(watch.errors).toEqual([]);
    await close();
  });
});
