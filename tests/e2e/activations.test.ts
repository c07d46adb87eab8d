import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { embedLayout, MIN_EMBED_TEXT_PX } from './embed-text.ts';
import { useDemoPages } from './harness.ts';
import { HYPHEN_MINUS_NUMBER, shownText } from './shown-text.ts';

/* The activation explorer in real Chromium: one browser and one dev server for the file. */
const { open } = useDemoPages('/demos/activations/', '.curve-plot svg.plot');

const params = (page: Page) => new URL(page.url()).searchParams;
const curves = (page: Page, name: string) => page.locator(`.curve-plot path[data-curve=${name}]`);
const derivativePlot = (page: Page) => page.locator('.curve-plot svg.plot').nth(1);
const ALL_EIGHT = 'show=sigmoid,tanh,relu,leakyRelu,elu,gelu,silu,softplus';

/** Boxes of the elements matching `selector` in the f′ plot, as the browser lays them out. */
const boxesIn = (page: Page, selector: string) =>
  derivativePlot(page)
    .locator(selector)
    .evaluateAll((nodes) =>
      nodes.map((n) => {
        const { left, right, top, bottom } = n.getBoundingClientRect();
        return { text: n.textContent ?? '', left, right, top, bottom };
      }),
    );

/** Each f′ maximum label as the slide reads it: its lines joined by a space. */
const labelTexts = (page: Page) =>
  derivativePlot(page)
    .locator('.max-label')
    .evaluateAll((nodes) =>
      nodes.map((n) => (n.querySelector('tspan') ? [...n.querySelectorAll('tspan')].map((t) => t.textContent).join(' ') : n.textContent)),
    );

/**
 * What a label line in the f′ plot overlaps, as the browser lays it out: lines of other labels, the
 * maxima's markers, the crosshair's dots and line. Empty when every label reads clear.
 */
const labelClashes = (page: Page) =>
  derivativePlot(page).evaluate((svg) => {
    const hit = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    const labels = [...svg.querySelectorAll('.max-label')];
    const lines = labels.flatMap((label) =>
      (label.querySelector('tspan') ? [...label.querySelectorAll('tspan')] : [label]).map((line) => ({
        label,
        line,
        box: line.getBoundingClientRect(),
      })),
    );
    const crosshair = svg.querySelector('.crosshair line')!.getBoundingClientRect();
    const crosshairX = crosshair.left + crosshair.width / 2;
    const clashes: string[] = [];
    for (const { label, line, box } of lines) {
      const name = line.textContent;
      for (const other of lines) if (other.label !== label && hit(box, other.box)) clashes.push(`${name} / ${other.line.textContent}`);
      for (const mark of svg.querySelectorAll('.max-marker, .crosshair circle')) {
        if (hit(box, mark.getBoundingClientRect())) clashes.push(`${name} / ${mark.getAttribute('class') ?? 'crosshair dot'}`);
      }
      if (box.left < crosshairX && crosshairX < box.right) clashes.push(`${name} / crosshair line`);
    }
    return clashes;
  });

/** The tick labels of each plot's axes. */
const tickTexts = (page: Page, axis: 'x' | 'y') =>
  page
    .locator('.curve-plot svg.plot')
    .evaluateAll(
      (plots, selector) => plots.map((plot) => [...plot.querySelectorAll(`${selector} .tick text`)].map((t) => t.textContent)),
      `.axis-${axis}`,
    );

describe('activation explorer in a slide (embed=1)', () => {
  for (const { slide, query, box, labels, yTicks } of [
    {
      slide: 20,
      query: '?show=sigmoid,tanh&from=20&embed=1',
      box: { width: 636, height: 715 },
      labels: ['sigmoid′ の最大 0.25', 'tanh′ の最大 1'],
      yTicks: [
        ['−1', '0', '1'],
        ['0.0', '0.5', '1.0'],
      ],
    },
    {
      slide: 22,
      query: '?x=2&from=22&embed=1',
      box: { width: 508, height: 715 },
      labels: ['sigmoid′ の最大 0.25', 'tanh′ の最大 1', 'ReLU′ = 1 (x > 0)'],
      yTicks: [
        ['0', '2', '4', '6'],
        ['0.0', '0.5', '1.0'],
      ],
    },
  ]) {
    it(`shows slide ${slide} in its ${box.width}×${box.height} box: f and f′ with the maxima and the crosshair, every text at the slide’s type size, nothing over anything`, async () => {
      const { page, watch, close } = await open(query, { viewport: box });
      const layout = await embedLayout(page);
      expect(layout.texts.filter((drawn) => drawn.px < MIN_EMBED_TEXT_PX)).toEqual([]);
      expect(layout.outside).toEqual([]);
      expect(layout.scroll).toBe(0);
      // Fewer things, larger: the curves, the maxima and the crosshair; the table and controls are on the full page.
      expect(await page.locator('.curve-plot svg.plot').count()).toBe(2);
      expect(await page.locator('.crosshair line').count()).toBe(2);
      expect(await page.locator('[data-testid=readout]').isVisible()).toBe(false);
      expect(await page.locator('.demo-controls').isVisible()).toBe(false);
      expect(await page.locator('.axis-label').count()).toBe(0);
      expect(await labelTexts(page)).toEqual(labels);
      expect(await tickTexts(page, 'y')).toEqual(yTicks);
      expect(await tickTexts(page, 'x')).toEqual([0, 1].map(() => ['−6', '−4', '−2', '0', '2', '4', '6']));
      expect(await labelClashes(page)).toEqual([]);
      expect(watch.errors).toEqual([]);
      await close();
    });
  }

  it('moves the labels off the crosshair once the presenter has moved it', async () => {
    const { page, close } = await open('?x=2&from=22&embed=1', { viewport: { width: 508, height: 715 } });
    expect(await labelClashes(page)).toEqual([]);
    // At x = 2 the ReLU′ label sits right of the crosshair, where x = 4.5 then runs.
    await page.evaluate(() => window.demo!.set({ params: { x: 4.5 } }, 'replace'));
    await expect.poll(() => labelClashes(page)).toEqual([]);
    expect(await labelTexts(page)).toEqual(['sigmoid′ の最大 0.25', 'tanh′ の最大 1', 'ReLU′ = 1 (x > 0)']);
    await close();
  });
});

describe('activation explorer', () => {
  it('loads cleanly with both plots, every default curve, the maxima and the formulas', async () => {
    const { page, watch, close } = await open();
    expect(await page.locator('.curve-plot svg.plot[role=img][aria-label]').count()).toBe(2);
    for (const name of ['sigmoid', 'tanh', 'relu']) expect(await curves(page, name).count()).toBeGreaterThanOrEqual(2);
    const labels = await page.locator('.max-label').allTextContents();
    expect(labels).toEqual(expect.arrayContaining(['sigmoid′ の最大 0.25', 'tanh′ の最大 1', 'ReLU′ = 1（x > 0）']));
    expect(await page.locator('[data-testid=readout] tbody tr').count()).toBe(3);
    expect(await page.locator('[data-testid=readout] .katex').count()).toBe(6);
    expect(await page.locator('[data-testid=readout] tr[data-name=sigmoid] td.num').first().textContent()).toBe('0.5000');
    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await close();
  });

  it('fits a 1280×720 projector without scrolling, in each state the slides link to', async () => {
    for (const query of [
      '?show=sigmoid,tanh&from=20',
      '?x=2&from=22',
      '?show=sigmoid,tanh,relu,leakyRelu,elu,gelu,silu,softplus&lang=en',
    ]) {
      const { page, close } = await open(query);
      const size = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]);
      expect(size[0]).toBeLessThanOrEqual(1280);
      expect(size[1]).toBeLessThanOrEqual(720);
      await close();
    }
  });

  it('follows a checkbox into the plot and the URL; back, forward and reload restore it', async () => {
    const { page, close } = await open();
    await page.getByLabel('tanh', { exact: true }).uncheck();
    await expect.poll(() => params(page).get('show')).toBe('sigmoid,relu');
    expect(await curves(page, 'tanh').count()).toBe(0);
    await page.getByLabel('GELU').check();
    await expect.poll(() => params(page).get('show')).toBe('sigmoid,relu,gelu');
    expect(await curves(page, 'gelu').count()).toBeGreaterThan(0);

    await page.goBack();
    await expect.poll(() => params(page).get('show')).toBe('sigmoid,relu');
    await expect.poll(() => curves(page, 'gelu').count()).toBe(0);
    expect(await page.getByLabel('GELU').isChecked()).toBe(false);
    await page.goForward();
    await expect.poll(() => curves(page, 'gelu').count()).toBeGreaterThan(0);

    await page.reload();
    await page.waitForSelector('.curve-plot svg.plot');
    expect(await curves(page, 'gelu').count()).toBeGreaterThan(0);
    expect(await curves(page, 'tanh').count()).toBe(0);
    expect(await page.getByLabel('tanh', { exact: true }).isChecked()).toBe(false);
    await close();
  });

  it('moves the crosshair with the mouse: the readout follows, a click writes x to the URL', async () => {
    const { page, close } = await open();
    const box = (await derivativePlot(page).boundingBox())!;
    const caption = page.locator('[data-testid=readout] caption');
    expect(await caption.textContent()).toBe('x = 0.00 での値');
    await page.mouse.move(box.x + box.width * 0.8, box.y + box.height / 2);
    await expect.poll(() => caption.textContent()).not.toBe('x = 0.00 での値');
    await page.mouse.down();
    await page.mouse.up();
    await expect.poll(() => Number(params(page).get('x'))).toBeGreaterThan(1);
    const x = Number(params(page).get('x'));
    expect(await caption.textContent()).toBe(`x = ${x.toFixed(2)} での値`);
    // At x > 0 the ReLU row reads f′ = 1.
    expect(await page.locator('tr[data-name=relu] td.num').nth(1).textContent()).toBe('1.0000');
    await close();
  });

  it('moves the crosshair by touch', async () => {
    const { page, close } = await open('', { hasTouch: true });
    const box = (await derivativePlot(page).boundingBox())!;
    await page.touchscreen.tap(box.x + box.width * 0.3, box.y + box.height / 2);
    await expect.poll(() => Number(params(page).get('x') ?? 0)).toBeLessThan(-0.5);
    await close();
  });

  it('changes the window with the keyboard on the labelled slider, and pulls the crosshair in', async () => {
    const { page, close } = await open('?x=5.5');
    const range = page.getByLabel('x の範囲（±）');
    await range.focus();
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => params(page).get('range')).toBe('5');
    await expect.poll(() => params(page).get('x')).toBe('5');
    await close();
  });

  it('shows a notice for a junk URL and injects nothing', async () => {
    const junk = '?depth=-5&act=<script>alert(1)</script>&zzz=1&show=relu,<img src=x onerror=alert(2)>&range=1e9';
    const { page, watch, dialogs, close } = await open(junk);
    const notice = page.getByTestId('url-notice');
    await notice.waitFor();
    expect(await notice.textContent()).toContain('<img src=x onerror=alert(2)>');
    expect(await page.locator('img').count()).toBe(0);
    const scripts = await page.locator('script').evaluateAll((nodes) => nodes.map((n) => n.textContent ?? ''));
    expect(scripts.some((s) => s.includes('alert'))).toBe(false);
    await expect.poll(() => params(page).get('show')).toBe('relu');
    await expect.poll(() => params(page).get('range')).toBe('20');
    expect(await curves(page, 'relu').count()).toBeGreaterThan(0);
    expect(dialogs).toEqual([]);
    expect(watch.errors).toEqual([]);
    await close();
  });

  it('speaks English with lang=en', async () => {
    const { page, close } = await open('?lang=en&from=22');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.locator('h1').textContent()).toBe('Activation functions and their derivatives');
    expect(await page.locator('.back-link').textContent()).toBe('← Back to slide 22');
    expect(await page.locator('.max-label').allTextContents()).toContain('sigmoid′ max 0.25');
    await close();
  });

  for (const [lang, viewport] of [
    ['ja', { width: 1280, height: 720 }],
    ['en', { width: 1280, height: 720 }],
    ['ja', { width: 390, height: 844 }],
  ] as const) {
    it(`labels every f′ maximum of all eight functions with no label over another or over a marker (${lang}, ${viewport.width}×${viewport.height})`, async () => {
      const { page, close } = await open(`?${ALL_EIGHT}&lang=${lang}`, { viewport });
      const labels = await boxesIn(page, '.max-label');
      // σ′, tanh′, ReLU′ with Leaky ReLU′, ELU′, GELU′, SiLU′ (softplus′ is largest at the window's edge).
      expect(labels).toHaveLength(6);
      const markers = await boxesIn(page, 'circle.max-marker');
      const [area] = await boxesIn(page, '.plot-area');
      const overlap = (a: (typeof labels)[number], b: (typeof labels)[number]) =>
        a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
      labels.forEach((label, i) => {
        expect(label.left).toBeGreaterThanOrEqual(area.left - 1);
        expect(label.right).toBeLessThanOrEqual(area.right + 1);
        labels.slice(i + 1).forEach((other) => {
          expect(overlap(label, other), `${label.text} / ${other.text}`).toBe(false);
        });
        markers.forEach((marker) => {
          expect(overlap(label, marker), label.text).toBe(false);
        });
      });
      await close();
    });
  }

  it('writes negative numbers with a real minus sign: crosshair, slider, readout and maxima', async () => {
    const { page, close } = await open(`?${ALL_EIGHT}&x=-2`);
    expect(await page.locator('[data-testid=readout] caption').textContent()).toBe('x = −2.00 での値');
    expect(await page.locator('output[for]').allTextContents()).toContain('−2.00');
    expect(await page.locator('tr[data-name=tanh] td.num').first().textContent()).toBe('−0.9640');
    expect((await shownText(page)).filter((t) => HYPHEN_MINUS_NUMBER.test(t))).toEqual([]);
    await close();
  });
});
