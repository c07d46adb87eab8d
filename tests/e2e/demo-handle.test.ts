import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMOS, type DemoId } from '../../src/demos/registry.ts';
import { DEMO_SCHEMAS } from '../../src/demos/schemas.ts';
import type { DemoState } from '../../src/ui/demo-page.ts';
import { pageSchema } from '../../src/ui/page-schema.ts';
import { readState, type Schema } from '../../src/ui/url-state/index.ts';
import { useDemoPages } from './harness.ts';

/**
 * Every demo driven from outside its page, as the deck will drive an embedded one: a page of the
 * same site puts the demo in an iframe (embed=1) and uses only `window.demo` of that frame.
 */
const { open } = useDemoPages('/', '.demo-card');

/** The slide's demo area the embed must fit: wide as a slide's content, the height left under a title. */
const BOX = { width: 1100, height: 560 };

/** The param that holds the position of each stepped demo's walk-through, and its value after a reset. */
const STEPPED: Readonly<Record<string, { param: string; reset: number }>> = {
  descent: { param: 'k', reset: 0 },
  composition: { param: 'k', reset: 1 },
  backprop: { param: 'step', reset: 0 },
  'gradient-chain': { param: 'step', reset: 0 },
};

async function embed(page: Page, id: string, query = ''): Promise<Frame> {
  await page.evaluate(
    ({ id, query, box }) => {
      const frame = document.createElement('iframe');
      frame.name = 'demo';
      frame.src = `demos/${id}/?embed=1${query}`;
      frame.style.cssText = `width:${box.width}px;height:${box.height}px;border:0`;
      document.body.replaceChildren(frame);
      return new Promise((resolve) => frame.addEventListener('load', resolve));
    },
    { id, query, box: BOX },
  );
  const frame = page.frame({ name: 'demo' });
  if (!frame) throw new Error('no demo frame');
  await frame.waitForFunction(() => window.demo !== undefined);
  return frame;
}

const stateOf = (frame: Frame) => frame.evaluate(() => window.demo!.get()) as Promise<DemoState>;

/** Starts recording every state the handle reports, inside the frame. */
const record = (frame: Frame) =>
  frame.evaluate(() => {
    const seen: DemoState[] = [];
    (window as unknown as { seen: DemoState[] }).seen = seen;
    window.demo!.subscribe((state) => seen.push(state));
  });
const recorded = (frame: Frame) => frame.evaluate(() => (window as unknown as { seen: DemoState[] }).seen);

describe('every demo, driven from outside its page', () => {
  it.each(DEMOS.map((demo) => demo.id))('%s: embeds without its header, in the box it is given', async (id) => {
    const { page, watch, close } = await open();
    const frame = await embed(page, id);
    expect(await frame.locator('.demo-header').count()).toBe(0);
    expect(await frame.locator('.demo-main').count()).toBe(1);
    // The page is the frame's box: what does not fit scrolls inside the stage, never the page.
    const scroll = await frame.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.scrollHeight]);
    expect(scroll[0]).toBeLessThanOrEqual(BOX.width);
    expect(scroll[1]).toBeLessThanOrEqual(BOX.height);
    const state = await stateOf(frame);
    expect(state.params.embed).toBe(true);
    expect(state.playing).toBe(false);
    expect(watch.errors).toEqual([]);
    await close();
  });

  it.each(Object.keys(STEPPED))('%s: plays, pauses, steps its URL state, resets, and reports every change', async (id) => {
    const { page, watch, close } = await open();
    const frame = await embed(page, id);
    const { param, reset } = STEPPED[id];
    await record(frame);
    await frame.evaluate(() => window.demo!.reset());
    await expect.poll(async () => (await stateOf(frame)).params[param]).toBe(reset);
    await frame.evaluate(() => window.demo!.set({ playing: true }));
    expect((await stateOf(frame)).playing).toBe(true);
    // Playing moves the walk-through on, in the state and in the frame's address.
    await expect.poll(async () => (await stateOf(frame)).params[param], { timeout: 20_000 }).not.toBe(reset);
    await frame.evaluate(() => window.demo!.pause());
    const paused = await stateOf(frame);
    expect(paused.playing).toBe(false);
    const seen = await recorded(frame);
    expect(seen.some((state) => state.playing)).toBe(true);
    expect(seen.at(-1)).toEqual(paused);
    expect(new Set(seen.map((state) => state.params[param])).size).toBeGreaterThan(1);
    // The address follows (at most MIN_REPLACE_INTERVAL_MS later), and a reload opens the walk-through where it was paused.
    const schema: Schema = { ...DEMO_SCHEMAS[id as DemoId], ...pageSchema(1) };
    await expect.poll(() => readState(schema, new URL(frame.url()).search).state[param]).toBe(paused.params[param]);
    await frame.goto(frame.url());
    await frame.waitForFunction(() => window.demo !== undefined);
    expect((await stateOf(frame)).params[param]).toBe(paused.params[param]);
    expect(watch.errors).toEqual([]);
    await close();
  });

  it('sets URL state from outside: the frame redraws and its address follows', async () => {
    const { page, watch, close } = await open();
    const frame = await embed(page, 'descent');
    await frame.evaluate(() => window.demo!.set({ params: { alpha: 0.75, k: 3 } }));
    await expect.poll(() => frame.locator('[data-testid=regime]').textContent()).toBe('振動しながら収束');
    expect(await frame.locator('[data-testid=iterates] tbody tr').count()).toBe(4);
    const search = new URL(frame.url()).searchParams;
    expect([search.get('alpha'), search.get('k')]).toEqual(['0.75', '3']);
    expect(watch.errors).toEqual([]);
    await close();
  });

  it('gradient chain: the pulse step is URL state, so a link opens the pulse where it was', async () => {
    const { page, watch, close } = await open();
    const frame = await embed(page, 'gradient-chain', '&step=3');
    expect(await frame.getByTestId('pulse-status').textContent()).toContain('第8層');
    await frame.evaluate(() => window.demo!.set({ params: { step: 9 } }));
    expect(await frame.getByTestId('pulse-status').textContent()).toContain('第2層');
    expect(watch.errors).toEqual([]);
    await close();
  });

  it('training lab: play and pause from outside; its progress is read and observed, and reset starts again', async () => {
    const { page, watch, close } = await open();
    const frame = await embed(page, 'training', '&scene=reluLearns');
    await frame.waitForFunction(() => document.querySelector('.tr-run:not([data-step])') === null);
    expect((await stateOf(frame)).progress).toBe(0);
    await record(frame);
    await frame.evaluate(() => window.demo!.play());
    await expect.poll(async () => (await stateOf(frame)).progress, { timeout: 30_000 }).toBeGreaterThan(20);
    await frame.evaluate(() => window.demo!.pause());
    expect((await stateOf(frame)).playing).toBe(false);
    const seen = await recorded(frame);
    expect(seen.filter((state) => (state.progress ?? 0) > 0).length).toBeGreaterThan(1);
    await frame.evaluate(() => window.demo!.reset());
    await expect.poll(async () => (await stateOf(frame)).progress).toBe(0);
    expect(watch.errors).toEqual([]);
    await close();
  });
});
