import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDemoPages } from './harness.ts';
import { HYPHEN_MINUS_NUMBER, NOT_A_NUMBER, shownText } from './shown-text.ts';

/* The composition demo in real Chromium: one browser and one dev server for the file. */
const { open } = useDemoPages('/demos/composition/', 'svg.plot');

const params = (page: Page) => new URL(page.url()).searchParams;
const degree = (page: Page) => page.getByTestId('degree').getAttribute('aria-label');
const composeCurve = (page: Page) => page.locator('.compose-view path[data-series=g]').first().getAttribute('d');

describe('composition demo', () => {
  it('loads cleanly on the slide-7 example: f₂(f₁(x)), degree 2² = 4, one plot', async () => {
    const { page, watch, close } = await open('?from=7');
    expect(await page.locator('.compose-view svg.plot[role=img][aria-label]').count()).toBe(1);
    expect(await page.locator('.compose-view path[data-series=g]').count()).toBe(1);
    expect(await degree(page)).toBe('次数 2^2 = 4');
    expect(await page.locator('.compose-view .katex').count()).toBeGreaterThanOrEqual(4);
    expect(await page.locator('.back-link').getAttribute('href')).toBe('../../deck.html#7');
    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await close();
  });

  it('fits a 1280×720 projector without scrolling, in each state the slides link to', async () => {
    for (const query of ['?from=7', '?k=10&from=7', '?mode=linear&k=3&from=18', '?mode=linear&k=10&lang=en']) {
      const { page, close } = await open(query);
      const size = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]);
      expect(size[0]).toBeLessThanOrEqual(1280);
      expect(size[1]).toBeLessThanOrEqual(720);
      await close();
    }
  });

  it('follows the k slider (keyboard) into the plot, the degree and the URL; back and reload restore it', async () => {
    const { page, close } = await open();
    const before = await composeCurve(page);
    await page.getByLabel('つなげる個数 k').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => params(page).get('k')).toBe('3');
    expect(await degree(page)).toBe('次数 2^3 = 8');
    expect(await composeCurve(page)).not.toBe(before);

    await page.goBack();
    await expect.poll(() => degree(page)).toBe('次数 2^2 = 4');
    await page.goForward();
    await expect.poll(() => degree(page)).toBe('次数 2^3 = 8');
    await page.reload();
    await page.waitForSelector('svg.plot');
    expect(await degree(page)).toBe('次数 2^3 = 8');
    expect(await page.getByLabel('つなげる個数 k').inputValue()).toBe('3');
    await close();
  });

  it('steps k with the keys → and R (player), and marks overflow at k = 10', async () => {
    const { page, close } = await open('?k=9');
    await page.locator('h1').click();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => params(page).get('k')).toBe('10');
    expect(await degree(page)).toBe('次数 2^10 = 1024');
    expect(await page.locator('.compose-view rect.overflow').count()).toBeGreaterThan(0);
    expect(await page.locator('.overflow-note').textContent()).toMatch(/\d+ 点で値が 10³⁰⁸ を超え/);
    await page.keyboard.press('r');
    await expect.poll(() => params(page).get('k')).toBe('1');
    await close();
  });

  it('switches to stacked linear maps: a line with its collapsed W x + B, and a bent curve', async () => {
    const { page, watch, close } = await open('?from=18');
    await page.getByLabel('見るもの').selectOption('linear');
    await expect.poll(() => params(page).get('mode')).toBe('linear');
    await page.getByLabel('層の数 k').focus();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => params(page).get('k')).toBe('3');
    expect(await page.locator('.compose-view').isHidden()).toBe(true);
    expect(await page.locator('.linear-view svg.plot[role=img][aria-label]').count()).toBe(2);
    expect(await page.locator('.linear-view path[data-series=linear]').count()).toBe(1);
    expect(await page.locator('.linear-view path[data-series=bent]').count()).toBe(1);
    expect(await page.locator('.linear-view .collapsed .katex').count()).toBe(1);
    expect(await page.locator('.layers tr').nth(1).locator('td').count()).toBe(3);

    const bent = await page.locator('path[data-series=bent]').getAttribute('d');
    await page.getByLabel('層の間に挟む活性化関数').selectOption('tanh');
    await expect.poll(() => params(page).get('act')).toBe('tanh');
    expect(await page.locator('path[data-series=bent]').getAttribute('d')).not.toBe(bent);
    await page.getByRole('button', { name: '別の重みを引く' }).click();
    await expect.poll(() => params(page).get('seed')).toBe('2');

    await page.reload();
    await page.waitForSelector('.linear-view svg.plot');
    expect(await page.getByLabel('層の間に挟む活性化関数').inputValue()).toBe('tanh');
    expect(await page.locator('.seed-now').textContent()).toBe('乱数の種 seed = 2');
    expect(watch.errors).toEqual([]);
    await close();
  });

  it('shows a notice for a junk URL and injects nothing', async () => {
    const { page, watch, dialogs, close } = await open('?depth=-5&act=<script>alert(1)</script>&zzz=1&k=1e9&mode=<b>x</b>');
    const notice = page.getByTestId('url-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('<script>alert(1)</script>');
    expect(await page.locator('b').count()).toBe(0);
    const scripts = await page.locator('script').evaluateAll((nodes) => nodes.map((n) => n.textContent ?? ''));
    expect(scripts.some((s) => s.includes('alert'))).toBe(false);
    await expect.poll(() => params(page).get('k')).toBe('10');
    expect(await degree(page)).toBe('次数 2^10 = 1024');
    expect(dialogs).toEqual([]);
    expect(watch.errors).toEqual([]);
    await close();
  });

  it('speaks English with lang=en', async () => {
    const { page, close } = await open('?lang=en&mode=linear&from=18');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toBe('Composition and non-linearity');
    expect(await page.locator('.verdict').allTextContents()).toEqual(['Collapses to one straight line', 'Bends: not a straight line']);
    await close();
  });

  for (const [viewport, lang] of [
    [{ width: 1280, height: 720 }, 'ja'],
    [{ width: 390, height: 844 }, 'ja'],
    [{ width: 390, height: 844 }, 'en'],
  ] as const) {
    it(`labels the overflow band at k = 10 clear of the axes, their ticks and the curve (${viewport.width}×${viewport.height}, ${lang})`, async () => {
      const { page, close } = await open(`?k=10&lang=${lang}`, { viewport });
      const plot = page.locator('.compose-view svg.plot');
      const box = (selector: string) =>
        plot.locator(selector).evaluateAll((nodes) =>
          nodes.map((n) => {
            const { left, right, top, bottom } = n.getBoundingClientRect();
            return { text: n.textContent ?? '', left, right, top, bottom };
          }),
        );
      const [label] = await box('.overflow-label');
      expect(label.text).toContain('10³⁰⁸');
      const [svg] = await box(':scope');
      expect(label.left).toBeGreaterThanOrEqual(svg.left);
      expect(label.right).toBeLessThanOrEqual(svg.right);
      // Above the plotting area, where the curve, the band and the axis lines are.
      const [yAxis] = await box('.axis-y .domain');
      expect(label.bottom).toBeLessThanOrEqual(yAxis.top);
      for (const other of await box('.tick text, .axis-label')) {
        const overlap = label.left < other.right && other.left < label.right && label.top < other.bottom && other.top < label.bottom;
        expect(overlap, other.text).toBe(false);
      }
      expect((await shownText(page)).filter((t) => NOT_A_NUMBER.test(t) || HYPHEN_MINUS_NUMBER.test(t))).toEqual([]);
      await close();
    });
  }
});
