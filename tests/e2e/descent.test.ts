import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { useDemoPages } from './harness.ts';
import { HYPHEN_MINUS_NUMBER, NOT_A_NUMBER, shownText } from './shown-text.ts';

/* The descent demo in real Chromium: one browser and one dev server for the file. */
const { open } = useDemoPages('/demos/descent/', '[data-testid=parabola] svg .drag-handle');

const params = (page: Page) => new URL(page.url()).searchParams;
const rows = (page: Page) => page.locator('[data-testid=iterates] tbody tr:not(.ds-earlier)');

interface Box {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}
const overlap = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const boxes = (page: Page, selector: string) =>
  page.locator(selector).evaluateAll((nodes) =>
    nodes
      .filter((n) => n.textContent)
      .map((n) => {
        const { left, right, top, bottom } = n.getBoundingClientRect();
        return { text: n.textContent ?? '', left, right, top, bottom };
      }),
  );

/** The farthest the URL reaches: the largest α and k, from y₀ − t = −40. */
const WORST = '?alpha=1.2&k=50&y0=-20&t=20';

/** Centre of the y₀ handle in page coordinates. */
async function handleCentre(page: Page): Promise<{ x: number; y: number }> {
  const box = (await page.locator('.drag-handle circle >> nth=1').boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

describe('descent demo', { timeout: 60_000 }, () => {
  it('loads slide 10’s state fitting 1280×720, with no error and nothing fetched elsewhere', async () => {
    const { page, watch, close } = await open('?from=10');
    await page.waitForLoadState('networkidle');
    expect(await page.locator('[data-testid=parabola] svg.plot[role=img][aria-label]').count()).toBe(1);
    expect(await page.locator('[data-testid=parabola] path.curve').count()).toBe(1);
    expect(await page.getByTestId('regime').textContent()).toBe('単調に収束');
    expect(await page.getByTestId('next-step').textContent()).toContain('14'); // 15 − 0.1 × 10
    expect(await rows(page).count()).toBe(1);
    const scroll = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]);
    expect(scroll).toEqual([1280, 720]);
    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await close();
  });

  it('names each regime, steps, and keeps it all in the URL across reload and back', async () => {
    const { page, watch, close } = await open();
    await page.getByRole('button', { name: /α = 0\.75/ }).click();
    await expect.poll(() => params(page).get('alpha')).toBe('0.75');
    expect(await page.getByTestId('regime').textContent()).toBe('振動しながら収束');
    await page.getByRole('button', { name: '1ステップ' }).click();
    await page.getByRole('button', { name: '1ステップ' }).click();
    await expect.poll(() => params(page).get('k')).toBe('2');
    expect(await rows(page).count()).toBe(3);
    expect(await rows(page).nth(1).textContent()).toContain('7.5'); // 15 − 0.75·10
    await page.reload();
    await page.waitForSelector('[data-testid=parabola] svg .drag-handle');
    expect(await rows(page).count()).toBe(3);
    expect(await page.locator('input[name=alpha]').inputValue()).toBe('0.75');
    await page.goBack();
    await expect.poll(() => params(page).get('k')).toBe('1');
    for (const [alpha, name] of [
      ['0.5', '1回でぴったり到達'],
      ['1', '振動し続ける'],
      ['1.1', '発散'],
    ]) {
      await page.getByRole('button', { name: new RegExp(`α = ${alpha.replace('.', '\\.')} `) }).click();
      await expect.poll(() => page.getByTestId('regime').textContent()).toBe(name);
    }
    expect(watch.errors).toEqual([]);
    await close();
  });

  it('drags the start point with a pointer, and with touch on a phone', async () => {
    const { page, watch, close } = await open();
    const start = await handleCentre(page);
    await page.mouse.move(start.x, start.y);
    await page.mouse.down();
    await page.mouse.move(start.x - 120, start.y, { steps: 5 });
    await page.mouse.up();
    await expect.poll(() => Number(params(page).get('y0'))).toBeLessThan(15);
    expect(await page.locator('input[name=y0]').inputValue()).toBe(params(page).get('y0'));
    await close();

    const phone = await open('', { hasTouch: true, viewport: { width: 390, height: 844 } });
    const at = await handleCentre(phone.page);
    const cdp = await phone.page.context().newCDPSession(phone.page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y: at.y }] });
    await touch('touchStart', at.x);
    for (let i = 1; i <= 5; i++) await touch('touchMove', at.x - 12 * i);
    await touch('touchEnd', at.x - 60);
    await expect.poll(() => Number(phone.page.url().match(/y0=([-\d.]+)/)?.[1] ?? 15)).toBeLessThan(15);
    expect(watch.errors).toEqual([]);
    expect(phone.watch.errors).toEqual([]);
    await phone.close();
  });

  it('shows a notice for a junk URL and never turns it into markup; with reduced motion a step lands at once', async () => {
    const { page, watch, close } = await open('?alpha=<script>alert(1)</script>&k=-5&y0=1e9&zzz=1', { reducedMotion: 'reduce' });
    await expect.poll(() => page.getByTestId('url-notice').isVisible()).toBe(true);
    expect(await page.locator('body script').count()).toBe(0);
    expect(await page.locator('input[name=alpha]').inputValue()).toBe('0.1');
    expect(await page.locator('input[name=y0]').inputValue()).toBe('20');
    expect(await page.getByRole('button', { name: '再生' }).getAttribute('aria-pressed')).toBe('false');
    await page.getByRole('button', { name: '1ステップ' }).click();
    const [current, newest] = await page.evaluate(() => [
      document.querySelector('.marks circle.current')?.getAttribute('cx'),
      [...document.querySelectorAll('.marks circle.iterate')].at(-1)?.getAttribute('cx'),
    ]);
    expect(current).toBe(newest);
    expect(watch.errors).toEqual([]);
    await close();
  });

  for (const viewport of [
    { width: 1280, height: 720 },
    { width: 390, height: 844 },
  ]) {
    it(`keeps the farthest state the URL allows readable at ${viewport.width}×${viewport.height}: axes, table, buttons`, async () => {
      const { page, watch, close } = await open(WORST, { viewport });
      // Tick labels of the prediction axis: apart from each other and inside the picture.
      const svg = (await page.locator('[data-testid=parabola] svg').boundingBox())!;
      const xTicks = await boxes(page, '[data-testid=parabola] .axis-x .tick text');
      expect(xTicks.length).toBeGreaterThanOrEqual(2);
      xTicks.forEach((tick, i) => {
        expect(tick.left).toBeGreaterThanOrEqual(svg.x);
        expect(tick.right).toBeLessThanOrEqual(svg.x + svg.width);
        xTicks.slice(i + 1).forEach((other) => {
          expect(overlap(tick, other), `${tick.text} / ${other.text}`).toBe(false);
        });
      });
      // The Φ axis title clear of its tick labels.
      const [yTitle] = await boxes(page, '[data-testid=parabola] .axis-label[transform]');
      for (const tick of await boxes(page, '[data-testid=parabola] .axis-y .tick text'))
        expect(overlap(tick, yTitle), tick.text).toBe(false);
      // Every cell of the table whole, nothing wider than the screen.
      const wrap = (await page.locator('.ds-table-wrap').boundingBox())!;
      for (const cell of await boxes(page, '[data-testid=iterates] td, [data-testid=iterates] th')) {
        expect(cell.right, cell.text).toBeLessThanOrEqual(Math.ceil(wrap.x + wrap.width));
      }
      expect(await page.locator('.ds-table-wrap').evaluate((w) => w.scrollWidth <= w.clientWidth)).toBe(true);
      const scroll = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]);
      expect(scroll[0]).toBe(viewport.width);
      if (viewport.width === 1280) expect(scroll[1]).toBe(720);
      // Finite numbers, written with a real minus.
      const texts = await shownText(page);
      expect(texts.filter((t) => NOT_A_NUMBER.test(t) || HYPHEN_MINUS_NUMBER.test(t))).toEqual([]);
      expect(await page.getByTestId('diverged').isHidden()).toBe(true);
      expect(watch.errors).toEqual([]);
      await close();
    });
  }

  it('stops the steps at the last k the URL allows, and Reset starts again', async () => {
    const { page, close } = await open(WORST);
    expect(await page.getByRole('button', { name: '1ステップ' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: '再生' }).isDisabled()).toBe(true);
    await page.locator('h1').click();
    await page.keyboard.press('ArrowRight');
    expect(params(page).get('k')).toBe('50');
    await page.getByRole('button', { name: 'リセット' }).click();
    await expect.poll(() => rows(page).count()).toBe(1); // k = 0, the default, leaves the URL
    expect(await page.getByRole('button', { name: '1ステップ' }).isEnabled()).toBe(true);
    expect(await page.getByRole('button', { name: '再生' }).isEnabled()).toBe(true);
    // Back to k = 50 through history: the buttons follow the state, not only their own clicks.
    await page.goBack();
    await expect.poll(() => params(page).get('k')).toBe('50');
    await expect.poll(() => page.getByRole('button', { name: '1ステップ' }).isDisabled()).toBe(true);
    await close();
  });

  it('writes negative numbers with a real minus sign: sliders, ticks, table and formulas', async () => {
    const { page, close } = await open('?y0=-12.5&t=-3&alpha=0.75&k=3');
    expect(await page.locator('output[for]').allTextContents()).toEqual(expect.arrayContaining(['−12.5', '−3']));
    expect((await shownText(page)).filter((t) => HYPHEN_MINUS_NUMBER.test(t))).toEqual([]);
    await close();
  });
});
