import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { embedLayout, MIN_EMBED_TEXT_PX } from './embed-text.ts';
import { settle, useDemoPages } from './harness.ts';

/* The training lab in real Chromium: one browser and one dev server (own optimizer cache) for the file. */
const { open } = useDemoPages('/demos/training/', '.tr-run [data-testid=layers] svg');

const params = (page: Page) => new URL(page.url()).searchParams;
const panels = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.tr-run')].map((run) => ({
      act: run.dataset.activation!,
      step: Number(run.dataset.step ?? 0),
      state: run.dataset.state ?? '',
    })),
  );
const minStep = async (page: Page) => Math.min(...(await panels(page)).map((p) => p.step));

/**
 * Pairs of shown text runs whose glyphs would be drawn over each other: each line of text as its em box
 * (its line's width, one font size tall about the line's middle; a font's line box is taller than
 * its glyphs, so rows set close together do not count), crossing another's by more than a pixel.
 */
const overlappingTexts = (page: Page) =>
  page.evaluate(() => {
    const boxes: { node: Node; text: string; left: number; right: number; top: number; bottom: number }[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      const parent = node.parentElement;
      if (!text || !parent || parent.closest('[hidden], title')) continue;
      const matrix = parent instanceof SVGGraphicsElement ? parent.getScreenCTM() : null;
      const em = Number.parseFloat(getComputedStyle(parent).fontSize) * (matrix ? Math.hypot(matrix.a, matrix.b) : 1);
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const line of range.getClientRects()) {
        const middle = (line.top + line.bottom) / 2;
        if (line.width > 0) boxes.push({ node, text, left: line.left, right: line.right, top: middle - em / 2, bottom: middle + em / 2 });
      }
    }
    const cross = (a: (typeof boxes)[number], b: (typeof boxes)[number]) =>
      Math.min(a.right, b.right) - Math.max(a.left, b.left) > 1 && Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top) > 1;
    return boxes.flatMap((a, i) =>
      boxes
        .slice(i + 1)
        .filter((b) => a.node !== b.node && cross(a, b))
        .map((b) => `${a.text} × ${b.text}`),
    );
  });

describe('training lab', { timeout: 90_000 }, () => {
  it('opens with three runs that fit 1280×720, with no error and nothing fetched elsewhere', async () => {
    const { page, watch, close } = await open('?from=19');
    await page.waitForLoadState('networkidle');
    expect((await panels(page)).map((p) => p.act)).toEqual(['sigmoid', 'tanh', 'relu']);
    for (const selector of [
      'canvas.tr-boundary[role=img][aria-label]',
      '[data-testid=curves] svg.plot[role=img][aria-label]',
      '[data-testid=layers] svg.plot[aria-label]',
      'svg.tr-dead[aria-label]',
      'canvas.tr-history[aria-label]',
    ]) {
      expect(await page.locator(selector).count()).toBe(3);
    }
    expect(await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight])).toEqual([1280, 720]);
    expect(await page.locator('.back-link').getAttribute('href')).toBe('../../deck.html#19');
    expect(watch.errors).toEqual([]);
    expect(watch.foreignRequests).toEqual([]);
    await close();
  });

  it('in its slide’s box (embed=1) shows each run’s boundary, numbers, layer gradients and verdict at the slide’s type size, while it trains', async () => {
    const { page, watch, close } = await open('?scene=dawn&from=25&embed=1', { viewport: { width: 788, height: 715 } });
    await settle(page);
    expect((await panels(page)).map((p) => p.act)).toEqual(['sigmoid', 'tanh', 'relu']);
    // Fewer things, larger: the loss curves, the dead units, the history and the ‖ΔW‖ rings stay on the full page.
    const counts = async (selectors: readonly string[]) =>
      Object.fromEntries(await Promise.all(selectors.map(async (s) => [s, await page.locator(s).count()] as const)));
    expect(await counts(['canvas.tr-boundary', '[data-testid=layers] svg.plot', '[data-testid=diagnosis]'])).toEqual({
      'canvas.tr-boundary': 3,
      '[data-testid=layers] svg.plot': 3,
      '[data-testid=diagnosis]': 3,
    });
    expect(await counts(['[data-testid=curves]', 'svg.tr-dead', 'canvas.tr-history', '.tr-updates'])).toEqual({
      '[data-testid=curves]': 0,
      'svg.tr-dead': 0,
      'canvas.tr-history': 0,
      '.tr-updates': 0,
    });
    const sigmoid = page.getByTestId('run-1');
    expect(await sigmoid.locator('.tr-layer-end').allTextContents()).toEqual(['第1層', '最終層']);
    // The 「最初」 line stays: once sigmoid's last layers have stalled too, it is what shows the verdict's ratio.
    expect(await sigmoid.locator('path.tr-initial-line').getAttribute('d')).toMatch(/^M.+L/);
    expect(await sigmoid.locator('.tr-key-initial').textContent()).toBe('最初');
    await page.evaluate(() => window.demo!.play());
    await expect.poll(() => minStep(page), { timeout: 60_000 }).toBeGreaterThan(150);
    expect(await sigmoid.getByTestId('diagnosis').textContent()).toMatch(/^止まっています：第1層の勾配は最終層の \d(\.\d+)?×10⁻¹³ 倍/);
    expect(await sigmoid.getByTestId('step').textContent()).toMatch(/^\d{3,}$/);
    // Its 「第1層」 and its number each on one line, however the narrow column wraps the sentence.
    const pieces = await page.getByTestId('diagnosis').evaluateAll((lines) =>
      lines.flatMap((line) =>
        ['第1層', '×10'].map((piece) => {
          const text = line.textContent ?? '';
          const at = text.indexOf(piece);
          if (at < 0) return { piece, lines: 1 };
          const range = document.createRange();
          const node = [...line.childNodes].find((child) => child.textContent?.includes(piece))!;
          const start = node.textContent!.indexOf(piece);
          const textNode = node.nodeType === Node.TEXT_NODE ? node : node.firstChild!;
          range.setStart(textNode, start);
          range.setEnd(textNode, start + piece.length);
          return { piece, lines: new Set([...range.getClientRects()].map((rect) => Math.round(rect.top))).size };
        }),
      ),
    );
    expect(pieces.filter(({ lines }) => lines > 1)).toEqual([]);
    expect(pieces.some(({ piece }) => piece === '第1層')).toBe(true);
    const layout = await embedLayout(page);
    expect(layout.texts.filter((drawn) => drawn.px < MIN_EMBED_TEXT_PX)).toEqual([]);
    expect(layout.outside).toEqual([]);
    expect(layout.scroll).toBe(0);
    expect(await overlappingTexts(page)).toEqual([]);
    expect(watch.errors).toEqual([]);
    await close();
  });

  it('goes back to the slide of the scene a bare link names, and keeps it once the scene has filled in the address', async () => {
    const { page, close } = await open('?scene=dawn');
    await expect.poll(() => page.evaluate(() => location.search)).toContain('depth=20');
    expect(await page.locator('.back-link').getAttribute('href')).toBe('../../deck.html#24');
    await page.reload();
    expect(await page.locator('.back-link').getAttribute('href')).toBe('../../deck.html#24');
    await close();
  });

  it('played from a scene, pauses by itself exactly at the step its claim is made, and goes on when played again', async () => {
    const { page, watch, close } = await open('?scene=deepSigmoid');
    await page.keyboard.press('Space');
    await expect.poll(() => page.evaluate(() => window.demo?.get().playing), { timeout: 80_000, interval: 250 }).toBe(false);
    await expect.poll(async () => (await panels(page)).map((p) => p.step)).toEqual([1000, 1000]);
    expect(await page.evaluate(() => window.demo?.get().progress)).toBe(1000);
    await page.keyboard.press('Space');
    await expect.poll(() => minStep(page), { timeout: 30_000 }).toBeGreaterThan(1000);
    await page.keyboard.press('Space');
    expect(watch.errors).toEqual([]);
    await close();
  });

  it('trains when played (charts and numbers update), steps with →, and resets with R', async () => {
    const { page, watch, close } = await open();
    expect(await page.getByTestId('loss').first().textContent()).toBe('—'); // no loss before the first step
    const layersBefore = await page.locator('[data-testid=run-3] [data-testid=layers]').innerHTML();
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => minStep(page)).toBe(1);
    await page.keyboard.press('Space');
    await expect.poll(() => minStep(page), { timeout: 30_000 }).toBeGreaterThan(5);
    await page.keyboard.press('Space');
    expect(await page.locator('[data-testid=run-3] [data-testid=layers]').innerHTML()).not.toBe(layersBefore);
    expect(await page.locator('[data-testid=run-3] [data-testid=curves] path.tr-loss').getAttribute('d')).toMatch(/^M.+L/);
    expect(await page.getByTestId('loss').first().textContent()).toMatch(/^\d/);
    expect(await page.getByTestId('diagnosis').first().textContent()).toMatch(/第1層|勾配/);
    await page.keyboard.press('r');
    await expect.poll(() => minStep(page)).toBe(0);
    expect(await page.getByTestId('loss').first().textContent()).toBe('—');
    expect(watch.errors).toEqual([]);
    await close();
  });

  for (const scene of ['deepSigmoid', 'deepTanh', 'reluLearns', 'badInit', 'dawn'] as const) {
    it(`loads the scene ${scene}, spells it out in the URL, states its claim and trains`, async () => {
      const { page, watch, close } = await open(`?scene=${scene}&from=22`);
      expect(params(page).get('scene')).toBe(scene);
      expect(await page.locator('select[name=scene]').inputValue()).toBe(scene);
      expect(await page.getByTestId('scene-claim').textContent()).toMatch(/^[\d,]+ ステップ.+止ま/);
      await page.getByRole('button', { name: '再生' }).click();
      await expect.poll(() => minStep(page), { timeout: 30_000 }).toBeGreaterThan(2);
      expect((await panels(page)).every((p) => p.state === 'ok')).toBe(true);
      expect(watch.errors).toEqual([]);
      await close();
    });
  }

  it('a scene chosen from the list stays chosen, with its settings and claim', async () => {
    const { page, watch, close } = await open();
    expect(await page.getByTestId('scene-claim').isVisible()).toBe(false);
    await page.locator('select[name=scene]').selectOption('deepTanh');
    await expect.poll(() => params(page).get('depth')).toBe('40');
    expect(params(page).get('scene')).toBe('deepTanh');
    expect(await page.locator('select[name=scene]').inputValue()).toBe('deepTanh');
    expect(await page.getByTestId('scene-claim').textContent()).toBe('1,000 ステップたっても sigmoid・tanh は止まったまま');
    expect((await panels(page)).map((p) => p.act)).toEqual(['sigmoid', 'tanh']);
    expect(watch.errors).toEqual([]);
    await close();
  });

  it('before any step, shows the gradient at the initial weights with its 「最初」 line, and says what it means', async () => {
    const { page, watch, close } = await open('?scene=deepSigmoid');
    const sigmoid = page.getByTestId('run-1');
    // The first report comes from the run's worker: wait for it, not for the page alone (that raced under load).
    await expect.poll(() => sigmoid.locator('[data-testid=layers] .tr-grads circle').count(), { timeout: 10_000 }).toBe(11);
    expect(await sigmoid.locator('[data-testid=layers] path.tr-initial-line').getAttribute('d')).toMatch(/^M.+L/);
    expect(await sigmoid.locator('[data-testid=layers] text.tr-initial-label').textContent()).toBe('最初');
    expect(await sigmoid.getByTestId('diagnosis').textContent()).toMatch(
      /^学習前から、第1層の勾配は最終層の \d(\.\d+)?×10⁻⁸ 倍しかありません$/,
    );
    // Training moves the live dots; the 「最初」 line keeps the values of the start.
    const initial = await sigmoid.locator('path.tr-initial-line title').textContent();
    expect(initial).toMatch(/^最初: 1: \d/);
    const live = await sigmoid.locator('.tr-grads circle title').allTextContents();
    for (let i = 0; i < 40; i++) await page.getByRole('button', { name: '1ステップ' }).click();
    await expect.poll(() => sigmoid.getAttribute('data-step')).toBe('40');
    await expect.poll(() => sigmoid.locator('.tr-grads circle title').allTextContents()).not.toEqual(live);
    expect(await sigmoid.locator('path.tr-initial-line title').textContent()).toBe(initial);
    expect(watch.errors).toEqual([]);
    await close();
  });

  it('a run that diverges says 発散, keeps its last finite numbers, never shows NaN or ∞, and stops Play', async () => {
    // ReLU with N(0, 1) weights at α = 0.3: its loss overflows within a few steps.
    const { page, watch, close } = await open('?run1=relu&run2=off&run3=off&init=normal&lr=0.3');
    await page.getByRole('button', { name: '再生' }).click();
    const relu = page.getByTestId('run-1');
    await expect.poll(() => relu.getAttribute('data-state'), { timeout: 30_000 }).toBe('diverged');
    await expect.poll(() => relu.getByTestId('diverged').isVisible()).toBe(true);
    expect(await relu.getByTestId('diverged').textContent()).toBe('発散');
    expect(await relu.getByTestId('diagnosis').textContent()).toMatch(/^ステップ \d+ で損失が発散したので止めました/);
    expect(await relu.getByTestId('loss').textContent()).toMatch(/^\d/);
    await expect.poll(() => page.getByRole('button', { name: '再生' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: '1ステップ' }).isDisabled()).toBe(true);
    // biome-ignore lint/performance/useDomNodeTextContent: what is painted, not hidden text, is what must not say NaN
    expect(await page.locator('body').innerText()).not.toMatch(/NaN|Infinity|∞/);
    await page.getByRole('button', { name: 'リセット' }).click();
    await expect.poll(() => page.getByRole('button', { name: '再生' }).isDisabled()).toBe(false);
    expect(watch.errors).toEqual([]);
    await close();
  });

  it('gives GELU, ELU and softplus runs colours of their own', async () => {
    const { page, watch, close } = await open('?run1=gelu&run2=elu&run3=softplus');
    const colours = await page
      .locator('.tr-run')
      .evaluateAll((runs) => runs.map((r) => (r as HTMLElement).style.getPropertyValue('--run-color')));
    expect(new Set(colours).size).toBe(3);
    expect(watch.errors).toEqual([]);
    await close();
  });

  it('a moved control changes the runs and the URL; reload and back restore it', async () => {
    const { page, watch, close } = await open('?scene=deepSigmoid');
    const dots = () => page.locator('[data-testid=run-1] [data-testid=layers] .tr-grads circle').count();
    await page.getByRole('button', { name: '1ステップ' }).click();
    await expect.poll(dots).toBe(11);
    const depth = page.locator('input[name=depth]');
    await depth.focus();
    for (let i = 0; i < 3; i++) await depth.press('ArrowLeft');
    await expect.poll(() => params(page).get('depth')).toBe('7');
    expect(params(page).get('scene')).toBeNull(); // a moved control leaves the scene: 'custom' is the default
    await page.getByRole('button', { name: '1ステップ' }).click();
    await expect.poll(dots).toBe(8);
    await page.locator('select[name=run3]').selectOption('relu');
    await expect.poll(() => page.locator('.tr-run').count()).toBe(3);
    await page.reload();
    await page.waitForSelector('.tr-run [data-testid=layers] svg');
    expect(await depth.inputValue()).toBe('7');
    expect((await panels(page)).map((p) => p.act)).toEqual(['sigmoid', 'tanh', 'relu']);
    await page.goBack();
    await expect.poll(() => page.locator('.tr-run').count()).toBe(2);
    expect(watch.errors).toEqual([]);
    await close();
  });

  it('shows a notice for a junk URL and never turns it into markup', async () => {
    const { page, watch, close } = await open('?depth=-5&run1=<script>alert(1)</script>&scene=<img src=x onerror=alert(2)>&zzz=1');
    await expect.poll(() => page.getByTestId('url-notice').isVisible()).toBe(true);
    expect(await page.locator('body script, body img').count()).toBe(0);
    expect(await page.locator('input[name=depth]').inputValue()).toBe('1');
    expect((await panels(page))[0].act).toBe('sigmoid');
    expect(watch.errors).toEqual([]);
    await close();
  });

  it('a scene link keeps every setting it gives, even beside a junk parameter, and a wrong one is what the notice says', async () => {
    // deepTanh alone fills in 40 layers; 10 is the default, which the corrected address leaves out.
    const links = [
      { query: '?scene=deepTanh&depth=10&zzz=1', depth: '10', notice: '不明なパラメータ zzz は無視しました' },
      { query: '?scene=deepTanh&depth=abc', depth: '10', notice: 'depth=abc は数値ではないので既定値 10 を使います' },
    ];
    for (const { query, depth, notice } of links) {
      const { page, watch, close } = await open(query);
      expect(await page.locator('[data-testid=url-notice] li').allTextContents()).toEqual([notice]);
      expect({ query, depth: await page.locator('input[name=depth]').inputValue() }).toEqual({ query, depth });
      expect(watch.errors).toEqual([]);
      await close();
    }
  });

  it('stacks the runs on a phone, with the player in view over them', async () => {
    const { page, watch, close } = await open('?lang=en', { viewport: { width: 390, height: 844 } });
    const boxes = await page.locator('.tr-run').evaluateAll((runs) => runs.map((r) => r.getBoundingClientRect().toJSON() as DOMRect));
    expect(boxes[1].top).toBeGreaterThan(boxes[0].bottom - 1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(390);
    const play = (await page.getByRole('button', { name: 'Play' }).boundingBox())!;
    // The player bar sits at the bottom of the screen, below the top of the first run.
    expect(play.y).toBeGreaterThan(boxes[0].top);
    expect(play.y + play.height).toBeLessThanOrEqual(844);
    expect(watch.errors).toEqual([]);
    await close();
  });
});
