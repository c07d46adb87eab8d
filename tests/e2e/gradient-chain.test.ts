import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { embedLayout, MIN_EMBED_TEXT_PX } from './embed-text.ts';
import { animationFrames, settle, useDemoPages } from './harness.ts';

/** The gradient-chain demo in real Chromium: one browser and one dev server for the whole file. */
const { open } = useDemoPages('/demos/gradient-chain/', '.gc-column svg.plot');

const barsOf = (page: Page, activation: string) => page.locator(`.gc-column[data-activation=${activation}] svg.plot >> nth=0`);
const visibleBarCount = (page: Page, activation: string) =>
  barsOf(page, activation).locator('rect.gc-bar:not([visibility=hidden])').count();
const searchParams = (page: Page) => new URL(page.url()).searchParams;

/** The box slides 19 and 23 give the demo (508×715 of the 1280×720 slide). */
const SLIDE_BOX = { viewport: { width: 508, height: 715 } };

/**
 * The smallest type the page draws, in CSS px on screen: plot labels (font size times the SVG's
 * scale), headings, status, buttons, and each formula's own size (its scripts are set at 70 % of it).
 */
const smallestText = (page: Page) =>
  page.evaluate(() => {
    const px = (element: Element) => Number.parseFloat(getComputedStyle(element).fontSize);
    const shown = (element: Element) => element.getBoundingClientRect().width > 0;
    const labels = [...document.querySelectorAll<SVGGraphicsElement>('svg.plot text')]
      .filter((text) => shown(text) && text.textContent!.trim() !== '')
      .map((text) => px(text) * Math.hypot(text.getScreenCTM()!.a, text.getScreenCTM()!.b));
    const html = [...document.querySelectorAll('.gc-column h2, .gc-products-head h2, .gc-status, .player button, .gc-tex .katex')]
      .filter(shown)
      .map(px);
    return { labels: Math.min(...labels), html: Math.min(...html) };
  });

describe('gradient-chain demo', () => {
  it('loads with no console error and no request leaving the origin, and draws every plot', async () => {
    const { page, watch, close } = await open();
    await page.waitForLoadState('load');
    expect(await page.locator('.gc-column').count()).toBe(3);
    expect(await page.locator('.gc-column svg.plot[role=img][aria-label]').count()).toBe(6);
    for (const act of ['sigmoid', 'tanh', 'relu']) expect(await visibleBarCount(page, act)).toBe(10);
    // Formula rows are rendered in the next animation frame, so they may arrive just after the plots.
    await expect.poll(() => page.locator('.gc-product-row .katex').count()).toBe(3);
    // The key number of slide 19 as text: |∂Φ/∂b₁| for sigmoid at depth 10, x = 2.
    expect(await page.getByTestId('key-sigmoid').textContent()).toMatch(/第1層：\|∂Φ\/∂b\| = \d\.\d+×10⁻⁶/);
    // Side by side, the formulas have their full form: every factor labelled underneath.
    expect(await page.locator('.gc-products').getAttribute('data-form')).toBe('full');
    expect(await page.getByTestId('key-relu').textContent()).toContain('= 16');
    const scroll = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]);
    expect(scroll).toEqual([1280, 720]);
    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await close();
  });

  it('follows the controls into the plot and the URL, and restores them on reload and back', async () => {
    const { page, watch, close } = await open('?from=19');
    await page.locator('input[name=depth]').fill('30');
    await expect.poll(() => searchParams(page).get('depth')).toBe('30');
    expect(await visibleBarCount(page, 'sigmoid')).toBe(30);
    await page.locator('select[name=act]').selectOption('sigmoid-relu');
    await expect.poll(() => searchParams(page).get('act')).toBe('sigmoid-relu');
    expect(await page.locator('.gc-column').count()).toBe(2);

    await page.reload();
    await page.waitForSelector('.gc-column svg.plot');
    expect(await page.locator('input[name=depth]').inputValue()).toBe('30');
    expect(await page.locator('select[name=act]').inputValue()).toBe('sigmoid-relu');
    expect(await visibleBarCount(page, 'relu')).toBe(30);
    expect(await page.locator('a.back-link').getAttribute('href')).toBe('../../deck.html#19');

    await page.goBack();
    await expect.poll(() => page.locator('.gc-column').count()).toBe(3);
    expect(await page.locator('input[name=depth]').inputValue()).toBe('30');
    expect(watch.errors).toEqual([]);
    await close();
  });

  it('shows a notice for a junk URL and injects nothing', async () => {
    const junk = `?depth=-5&act=${encodeURIComponent('<script>alert(1)</script>')}&zzz=1&w=${encodeURIComponent('<img src=x onerror=alert(2)>')}`;
    const { page, watch, dialogs, close } = await open(junk);
    const notice = page.getByTestId('url-notice');
    await expect.poll(() => notice.isVisible()).toBe(true);
    expect(await notice.textContent()).toContain('<script>alert(1)</script>');
    expect(await page.locator('body script:not([type=module]), body img').count()).toBe(0);
    expect(await page.locator('.gc-column').count()).toBe(3);
    expect(await visibleBarCount(page, 'sigmoid')).toBe(1);
    expect(searchParams(page).get('depth')).toBe('1');
    expect(searchParams(page).has('zzz')).toBe(false);
    expect(dialogs).toEqual([]);
    expect(watch.errors).toEqual([]);
    await close();
  });

  it('steps, resets and jumps with keys and taps, and never plays by itself under reduced motion', async () => {
    const { page, close } = await open('', { reducedMotion: 'reduce', hasTouch: true });
    const status = page.getByTestId('pulse-status');
    // "Never plays by itself" is the claim: 30 frames (half a second) in which playing would have moved the pulse.
    await animationFrames(page, 30);
    expect(await page.evaluate(() => window.demo!.get().playing)).toBe(false);
    expect(await status.textContent()).toContain('10/10');
    await page.keyboard.press('r');
    expect(await status.textContent()).toBe('出力 y から開始');
    expect(await visibleBarCount(page, 'sigmoid')).toBe(0);
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    expect(await status.textContent()).toContain('第9層');
    expect(await visibleBarCount(page, 'tanh')).toBe(2);
    // A tap near the left edge of the bars picks layer 1.
    const box = (await barsOf(page, 'sigmoid').boundingBox())!;
    await page.touchscreen.tap(box.x + 60, box.y + box.height / 2);
    expect(await status.textContent()).toContain('第1層');
    await close();
  });

  it('fits a 390×844 phone: no sideways scrolling, and every product formula whole in its row', async () => {
    const { page, watch, close } = await open('?depth=100', {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
    await expect.poll(() => page.locator('.gc-product-row .katex').count()).toBe(3);
    await page.evaluate(() => document.fonts.ready);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
    // A formula wider than its row would be cut off at the screen's edge: it must be shrunk to fit.
    await expect
      .poll(() => page.locator('.gc-tex').evaluateAll((boxes) => boxes.map((box) => box.scrollWidth - box.clientWidth)))
      .toEqual([0, 0, 0]);
    const smallest = await page
      .locator('.gc-tex .katex')
      .evaluateAll((formulas) => Math.min(...formulas.map((f) => Number.parseFloat(getComputedStyle(f).fontSize))));
    expect(smallest).toBeGreaterThanOrEqual(11);
    expect(watch.errors).toEqual([]);
    await close();
  });

  it('colours the float32 line red only where the gradient is lost, not where it survives', async () => {
    const { page, close } = await open('?depth=100');
    const zeroLine = (activation: string) => page.locator(`.gc-column[data-activation=${activation}] .gc-key`).nth(2);
    const look = (activation: string) =>
      zeroLine(activation).evaluate((line) => ({
        className: line.className,
        color: getComputedStyle(line).color,
        text: line.textContent,
      }));
    const accent = await page.evaluate(() => {
      const probe = document.body.appendChild(document.createElement('span'));
      probe.style.color = 'var(--accent)';
      const color = getComputedStyle(probe).color;
      probe.remove();
      return color;
    });
    const sigmoid = await look('sigmoid');
    const relu = await look('relu');
    expect(sigmoid.text).toMatch(/float32 では第\d+層で 0 に/);
    expect(sigmoid.className).toContain('gc-key-zero');
    expect(sigmoid.color).toBe(accent);
    expect(relu.text).toBe('float32 でも 0 にならない');
    expect(relu.className).not.toContain('gc-key-zero');
    expect(relu.color).not.toBe(accent);
    expect(relu.color).not.toBe(sigmoid.color);
    await close();
  });

  it('keeps every glyph of the formulas at 12 px or more on a 390×844 phone, subscripts too, at every pulse position', async () => {
    const { page, watch, close } = await open('?depth=100&init=he&z=sampled', {
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      deviceScaleFactor: 2,
    });
    expect(await page.locator('.gc-products').getAttribute('data-form')).toBe('compact');
    const status = page.getByTestId('pulse-status');
    /** Font sizes of every KaTeX element that paints a glyph, and of its subscripts alone. */
    const sizes = () =>
      page.evaluate(() => {
        const glyphs = [...document.querySelectorAll('.gc-products .katex-html *')].filter(
          (element) =>
            [...element.childNodes].some(
              (node) => node.nodeType === Node.TEXT_NODE && node.textContent!.replace(/[\s\u200b]/g, '') !== '',
            ) && element.getBoundingClientRect().width > 0,
        );
        const px = (element: Element) => Number.parseFloat(getComputedStyle(element).fontSize);
        const subscripts = glyphs.filter((element) => element.closest('.msupsub'));
        return {
          glyphs: glyphs.length,
          subscripts: subscripts.length,
          smallest: Math.min(...glyphs.map(px)),
          smallestSubscript: Math.min(...subscripts.map(px)),
        };
      });
    const overflow = () =>
      page.locator('.gc-tex, .gc-general').evaluateAll((boxes) => boxes.map((box) => box.scrollWidth - box.clientWidth));
    /** The TeX each row shows (KaTeX keeps it in the MathML annotation). */
    const rowTex = () => page.locator('.gc-tex annotation').allTextContents();
    await page.keyboard.press('r');
    expect(await status.textContent()).toBe('出力 y から開始');
    let step = 0;
    // The output, then layers 100, 99, 50, 2 and 1.
    for (const target of [0, 1, 2, 51, 99, 100]) {
      for (; step < target; step++) await page.keyboard.press('ArrowRight');
      const layer = target === 0 ? null : 101 - target;
      const wanted = layer === null ? '2(y - t)' : `\\partial b_{${layer}} =`;
      await expect.poll(async () => (await rowTex()).every((tex) => tex.includes(wanted))).toBe(true);
      const measured = await sizes();
      expect(measured.subscripts).toBeGreaterThan(0);
      expect(measured.smallestSubscript, `layer ${layer}`).toBeGreaterThanOrEqual(12);
      expect(measured.smallest, `layer ${layer}`).toBeGreaterThanOrEqual(12);
      expect(await overflow()).toEqual([0, 0, 0, 0]);
    }
    expect(watch.errors).toEqual([]);
    await close();
  });

  it('animates a depth-100 pulse layer by layer (its frame times are measured by npm run bench)', async () => {
    const { page, watch, close } = await open('?depth=100&speed=20');
    const status = page.getByTestId('pulse-status');
    await page.locator('button[data-action=reset]').click();
    expect(await visibleBarCount(page, 'tanh')).toBe(0);
    await page.locator('button[data-action=play]').click();
    // At 20 layers per second the pulse is part-way after a second: some bars shown, not all 100.
    await expect.poll(() => visibleBarCount(page, 'tanh')).toBeGreaterThan(5);
    expect(await visibleBarCount(page, 'tanh')).toBeLessThan(100);
    expect(await status.textContent()).toMatch(/第\d+層（\d+\/100）/);
    expect(watch.errors).toEqual([]);
    await close();
  });

  it('shows slide 19 in its box: one column, bars, A′ curve and the product under them, all at the slide’s type size', async () => {
    const { page, watch, close } = await open('?act=sigmoid&from=19&embed=1', SLIDE_BOX);
    await settle(page);
    const column = page.locator('.gc-column');
    expect(await column.count()).toBe(1);
    expect(await column.locator('svg.plot').count()).toBe(2);
    expect(await column.locator('.gc-product-row .katex').count()).toBe(1);
    const smallest = await smallestText(page);
    expect(smallest.labels).toBeGreaterThanOrEqual(MIN_EMBED_TEXT_PX);
    expect(smallest.html).toBeGreaterThanOrEqual(MIN_EMBED_TEXT_PX);
    const layout = await embedLayout(page);
    expect(layout.outside).toEqual([]);
    expect(layout.scroll).toBeLessThanOrEqual(1);
    expect(watch.errors).toEqual([]);
    await close();
  });

  it('shows slide 23 in its box: sigmoid over ReLU, each with its product, large and whole while the pulse plays', async () => {
    const { page, watch, close } = await open('?act=sigmoid-relu&depth=100&speed=20&from=23&embed=1', SLIDE_BOX);
    await settle(page);
    const columns = page.locator('.gc-column');
    expect(await columns.count()).toBe(2);
    // Stacked, each as wide as the box allows, with only its bars (no room for two A′ curves) and its product.
    const [sigmoid, relu] = [(await columns.nth(0).boundingBox())!, (await columns.nth(1).boundingBox())!];
    expect(relu.y).toBeGreaterThanOrEqual(sigmoid.y + sigmoid.height);
    expect(sigmoid.width).toBeGreaterThan(450);
    for (const activation of ['sigmoid', 'relu']) {
      const column = page.locator(`.gc-column[data-activation=${activation}]`);
      expect(await column.locator('svg.plot').count()).toBe(1);
      expect(await column.locator('.gc-product-row .katex').count()).toBe(1);
    }
    // The sigmoid's gradient is lost in float32 on the way back; ReLU's is not.
    expect(await barsOf(page, 'sigmoid').locator('.gc-zero-label').textContent()).toBe('float32 で 0');
    expect(await barsOf(page, 'relu').locator('.gc-zero-label').count()).toBe(0);

    await page.locator('button[data-action=reset]').click();
    await page.locator('button[data-action=play]').click();
    await expect.poll(() => visibleBarCount(page, 'relu')).toBeGreaterThan(5);
    expect(await visibleBarCount(page, 'relu')).toBeLessThan(100);
    for (const moment of ['playing', 'at the end']) {
      if (moment === 'at the end')
        await expect.poll(() => page.evaluate(() => window.demo!.get().playing), { timeout: 15_000 }).toBe(false);
      const smallest = await smallestText(page);
      expect(smallest.labels, moment).toBeGreaterThanOrEqual(MIN_EMBED_TEXT_PX);
      expect(smallest.html, moment).toBeGreaterThanOrEqual(MIN_EMBED_TEXT_PX);
      const layout = await embedLayout(page);
      expect(layout.outside, moment).toEqual([]);
      expect(layout.scroll, moment).toBeLessThanOrEqual(1);
    }
    expect(await page.getByTestId('pulse-status').textContent()).toContain('100/100');
    expect(watch.errors).toEqual([]);
    await close();
  });
});
