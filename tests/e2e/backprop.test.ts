import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { backpropModel, reachableIteration } from '../../src/demos/backprop/model.ts';
import { backpropSchema } from '../../src/demos/backprop/schema.ts';
import { DEMOS } from '../../src/demos/registry.ts';
import { SHOWN_NOTICES } from '../../src/ui/notices.ts';
import { numberText } from '../../src/ui/number-text.ts';
import { defaultState } from '../../src/ui/url-state/index.ts';
import { animationFrames, useDemoPages } from './harness.ts';

/* The backprop demo in real Chromium: one browser and one dev server for the file. */
const { open } = useDemoPages('/demos/backprop/', '.bp-graph .node');

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };

const params = (page: Page) => new URL(page.url()).searchParams;
const defaults = defaultState(backpropSchema);

/** Everything the page shows as text, SVG labels and KaTeX's TeX source included. */
const pageText = (page: Page) => page.evaluate(() => document.body.textContent ?? '');
const NOT_A_NUMBER = /NaN|Infinity|∞|\\infty/;
const fits = (page: Page) => page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]);
const disabled = (page: Page, name: string) => page.getByRole('button', { name, exact: true }).isDisabled();
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
    for (const query of [
      '?step=12&iter=4&alphaA=0.03&alphaB=0.03&a=-4.3&t=-17',
      '?step=12&iter=30&alphaA=0.03&alphaB=0.03&a=-4.3&t=-17&lang=en',
    ]) {
      const { page, watch, close } = await open(query);
      await expect.poll(() => page.locator('.bp-status').textContent()).toMatch(/学習率|Diverged/);
      await page.evaluate(() => document.fonts.ready);
      expect(await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight])).toEqual([1280, 720]);
      // The Φ axis keeps a few labels however many decades it spans, so they never run into each other.
      const labels = await page
        .locator('[data-testid=history] .axis-y .tick text')
        .evaluateAll((texts) => texts.filter((t) => t.textContent !== '').length);
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

  it('stops a diverging run at its last finite update: the 0.03 preset then +10 shows the note, and nothing steps further', async () => {
    const { page, watch, close } = await open('?step=13');
    await page.getByRole('button', { name: '0.03', exact: true }).click();
    await page.getByRole('button', { name: '+10', exact: true }).click();
    const wild = { ...defaults, alphaA: 0.03, alphaB: 0.03, step: 13 };
    const last = reachableIteration(wild, 10);
    expect(last).toBeLessThan(10);
    await expect.poll(() => params(page).get('iter')).toBe(String(last));
    const note = page.getByTestId('diverged');
    await expect.poll(() => note.isVisible()).toBe(true);
    expect(await note.textContent()).toContain('発散');
    expect(await note.textContent()).toContain(`${last + 1} 回目の更新`);
    expect(await page.getByTestId('iterations').textContent()).toBe(String(last));
    // The last finite values stay on the graph, the edges, the formulas and the plot.
    const phi = backpropModel({ ...wild, iter: last }).history[last].phi;
    expect(await nodeText(page, 'Φ')).toContain(`Φ = ${numberText(phi)}`);
    expect(await page.locator('.bp-graph .local').count()).toBeGreaterThan(0);
    expect(await page.locator('[data-testid=history] circle').count()).toBe(last + 1);
    expect(await pageText(page)).not.toMatch(NOT_A_NUMBER);
    for (const name of ['+1', '+10', '再生', '1ステップ']) expect(await disabled(page, name), name).toBe(true);
    await page.locator('body').press('ArrowRight');
    await page.locator('body').press(' ');
    // "Nothing steps further" is the claim: 60 frames (a second, 1.5 steps of playing) in which the URL would have moved.
    await animationFrames(page, 60);
    expect(await page.evaluate(() => window.demo!.get().playing)).toBe(false);
    expect(params(page).get('iter')).toBe(String(last));
    expect(params(page).get('step')).toBe('13');
    expect(await fits(page)).toEqual([1280, 720]);
    // Reset leaves the diverged end: everything steps again.
    await page.getByRole('button', { name: '0 に戻す', exact: true }).click();
    await expect.poll(() => note.isHidden()).toBe(true);
    for (const name of ['+1', '+10', '1ステップ']) expect(await disabled(page, name), name).toBe(false);
    expect(watch.errors).toEqual([]);
    await close();
  });

  it('clamps an iter past the divergence in the URL and says so, fitting 1280×720 and a phone', async () => {
    const query = '?alphaA=0.1&alphaB=0.1&iter=100';
    const last = backpropModel({ ...defaults, alphaA: 0.1, alphaB: 0.1, iter: 100 }).iteration;
    for (const options of [{}, PHONE]) {
      const { page, watch, close } = await open(query, options);
      await expect.poll(() => params(page).get('iter')).toBe(String(last));
      const note = page.getByTestId('diverged');
      expect(await note.isVisible()).toBe(true);
      expect(await note.textContent()).toContain('iter=100');
      expect(await pageText(page)).not.toMatch(NOT_A_NUMBER);
      expect(await disabled(page, '+1')).toBe(true);
      const [width, height] = await fits(page);
      expect(width).toBe(options === PHONE ? 390 : 1280);
      if (options !== PHONE) expect(height).toBe(720);
      expect(watch.errors).toEqual([]);
      await close();
    }
  });

  it('writes tiny numbers as powers of ten: a subnormal target never as Infinity, a tiny slope not as 7.9e-14', async () => {
    const { page, watch, close } = await open('?t=5e-324&step=13');
    expect(await nodeText(page, 't')).toContain('4.94×10⁻³²⁴');
    expect(await page.getByTestId('grad-b').textContent()).toContain('4.941 \\times 10^{-324}');
    expect(await pageText(page)).not.toMatch(NOT_A_NUMBER);
    await close();
    // After 100 updates the slopes are about 10⁻¹⁴; the update formulas stay on one line each.
    const converged = await open('?step=13&iter=100');
    expect(await converged.page.getByTestId('fd-b').textContent()).toMatch(/^\S+ \d\.\d{6}×10⁻[⁰¹²³⁴⁵⁶⁷⁸⁹]+$/);
    expect(await fits(converged.page)).toEqual([1280, 720]);
    expect([...watch.errors, ...converged.watch.errors]).toEqual([]);
    await converged.close();
  });

  it('lists the first few of 1,000 junk URL parameters and counts the rest, on every demo', { timeout: 300_000 }, async () => {
    const junk = Array.from({ length: 1000 }, (_, i) => `j${i}=${i}`).join('&');
    for (const demo of DEMOS) {
      const target = { path: `/demos/${demo.id}/`, readySelector: '[data-testid=url-notice]' };
      const { page, close } = await open(`?${junk}`, {}, target);
      const items = page.locator('[data-testid=url-notice] li');
      expect(await items.count(), demo.id).toBe(SHOWN_NOTICES + 1);
      expect(await items.first().textContent()).toContain('j0');
      expect(await items.nth(SHOWN_NOTICES - 1).textContent()).toContain(`j${SHOWN_NOTICES - 1}`);
      expect(await items.last().textContent()).toBe(`ほか ${1000 - SHOWN_NOTICES} 件`);
      const { height, line } = await page.getByTestId('url-notice').evaluate((notice) => ({
        height: notice.getBoundingClientRect().height,
        line: notice.querySelector('li')!.getBoundingClientRect().height,
      }));
      // The title, the listed lines and the count, with the padding: a few lines, not 28,000 px.
      expect(height, demo.id).toBeLessThanOrEqual((SHOWN_NOTICES + 3) * line);
      await close();
    }
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
