import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type DemoTarget, useDemoPages } from './harness.ts';

/**
 * The demo keys (Space play/pause, → step, R reset) in real Chromium, on every demo with a player.
 * After a mouse click on a control the keys drive the demo again, as in a video player; a control
 * reached with Tab keeps its own keys (Space presses a button, → moves a slider, arrows pick in a
 * select), and Esc hands the keys back to the demo. One browser and one dev server for the file.
 */

const params = (page: Page) => new URL(page.url()).searchParams;
const urlNumber = (key: string, fallback: number) => async (page: Page) => Number(params(page).get(key) ?? fallback);

interface KeyedDemo extends DemoTarget {
  readonly name: string;
  readonly query: string;
  /** Where the player stands: it changes with each step, and is `start` after R. */
  progress(page: Page): Promise<number>;
  readonly start: number;
  /** A slider the player does not move. */
  readonly slider: string;
  /** A control besides the player's, clicked with the mouse: a preset button or a checkbox. */
  readonly other?: string;
  /** A select reached with Tab: ArrowDown picks its next option. */
  readonly select?: string;
  /** Time for a step or for playing to show (the training lab trains in workers). */
  readonly timeout: number;
}

const DEMOS: readonly KeyedDemo[] = [
  {
    name: 'descent',
    path: '/demos/descent/',
    readySelector: '[data-testid=parabola] svg .drag-handle',
    query: '',
    progress: urlNumber('k', 0),
    start: 0,
    slider: 'input[name=t]',
    other: '.ds-preset >> nth=1',
    timeout: 5_000,
  },
  {
    name: 'backprop',
    path: '/demos/backprop/',
    readySelector: '.bp-graph .node',
    query: '',
    progress: async (page) => 100 * (await urlNumber('iter', 0)(page)) + (await urlNumber('step', 0)(page)),
    start: 0,
    slider: 'input[name=x]',
    other: '.bp-button-row[role=group] button >> nth=0',
    select: 'select[name=focus]',
    timeout: 5_000,
  },
  {
    name: 'composition',
    path: '/demos/composition/',
    readySelector: 'svg.plot',
    query: '?k=1',
    progress: (page) => page.locator('input[name=k]').first().inputValue().then(Number),
    start: 1,
    slider: 'input[name=xr]',
    other: 'input[name=log]',
    select: 'select[name=mode]',
    timeout: 5_000,
  },
  {
    name: 'gradient-chain',
    path: '/demos/gradient-chain/',
    readySelector: '.gc-column svg.plot',
    query: '',
    // "第3層（8/10）": step 8 of the pulse; at the output, step 0.
    progress: async (page) => Number((await page.getByTestId('pulse-status').textContent())?.match(/（(\d+)\//)?.[1] ?? 0),
    start: 0,
    slider: 'input[name=speed]',
    select: 'select[name=act]',
    timeout: 5_000,
  },
  {
    name: 'training',
    path: '/demos/training/',
    readySelector: '.tr-run [data-testid=layers] svg',
    query: '',
    progress: (page) =>
      page.evaluate(() => Math.min(...[...document.querySelectorAll<HTMLElement>('.tr-run')].map((run) => Number(run.dataset.step ?? 0)))),
    start: 0,
    slider: 'input[name=noise]',
    timeout: 30_000,
  },
];

const [first, ...rest] = DEMOS;
const site = useDemoPages(first.path, first.readySelector, { alsoWarmUp: rest });

const playState = (page: Page) => page.locator('button[data-action=play]').getAttribute('aria-pressed');
const focusedMatches = (page: Page, selector: string) => page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector);
/** The element showing a keyboard focus ring, if any. */
const ringedElement = (page: Page) => page.evaluate(() => document.querySelector(':focus-visible')?.outerHTML.slice(0, 60) ?? null);

async function open(demo: KeyedDemo) {
  const opened = await site.open(demo.query, {}, demo);
  // The first formulas and labels arrive a frame after the plots: the fonts, then two frames.
  await opened.page.evaluate(() =>
    document.fonts.ready.then(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))),
  );
  return opened;
}

/** Presses Space: the demo plays (its state moves on by itself); Space again pauses it. */
async function expectSpacePlaysAndPauses(page: Page, demo: KeyedDemo) {
  const before = await demo.progress(page);
  await page.keyboard.press('Space');
  expect(await playState(page)).toBe('true');
  await expect.poll(() => demo.progress(page), { timeout: demo.timeout }).not.toBe(before);
  await page.keyboard.press('Space');
  expect(await playState(page)).toBe('false');
}

/** Presses →: the demo takes one step (and does not play). */
async function expectArrowSteps(page: Page, demo: KeyedDemo) {
  const before = await demo.progress(page);
  await page.keyboard.press('ArrowRight');
  await expect.poll(() => demo.progress(page), { timeout: demo.timeout }).not.toBe(before);
  expect(await playState(page)).toBe('false');
}

async function expectRResets(page: Page, demo: KeyedDemo) {
  await page.keyboard.press('r');
  await expect.poll(() => demo.progress(page), { timeout: demo.timeout }).toBe(demo.start);
}

/** Presses Tab until `selector` has focus (in the page's own order). */
async function tabTo(page: Page, selector: string) {
  for (let i = 0; i < 60 && !(await focusedMatches(page, selector)); i++) await page.keyboard.press('Tab');
  expect(await focusedMatches(page, selector)).toBe(true);
  // Reached by keyboard: the focus ring shows.
  expect(await page.evaluate(() => document.activeElement?.matches(':focus-visible'))).toBe(true);
}

describe.each(DEMOS)('$name: page keys after the mouse, control keys after Tab', { timeout: 90_000 }, (demo) => {
  it('after a mouse click on 1ステップ: Space plays and pauses, → steps, R resets, and no focus ring appears', async () => {
    const { page, watch, close } = await open(demo);
    const before = await demo.progress(page);
    await page.locator('button[data-action=step]').click();
    await expect.poll(() => demo.progress(page), { timeout: demo.timeout }).not.toBe(before);
    await expectSpacePlaysAndPauses(page, demo);
    expect(await ringedElement(page)).toBeNull();
    await expectArrowSteps(page, demo);
    await expectRResets(page, demo);
    expect(await ringedElement(page)).toBeNull();
    expect(watch.errors).toEqual([]);
    await close();
  });

  it('after a mouse click on a slider: Space, → and R drive the demo, and the slider stays where the mouse put it', async () => {
    const { page, watch, close } = await open(demo);
    const slider = page.locator(demo.slider);
    await slider.click();
    expect(await focusedMatches(page, demo.slider)).toBe(true);
    const value = await slider.inputValue();
    await expectSpacePlaysAndPauses(page, demo);
    await expectArrowSteps(page, demo);
    await expectRResets(page, demo);
    expect(await slider.inputValue()).toBe(value);
    expect(watch.errors).toEqual([]);
    await close();
  });

  it('Tab to a slider: → moves the slider, not the demo; after Esc, → steps the demo', async () => {
    const { page, close } = await open(demo);
    await tabTo(page, demo.slider);
    const slider = page.locator(demo.slider);
    const value = await slider.inputValue();
    const before = await demo.progress(page);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => slider.inputValue()).not.toBe(value);
    expect(await demo.progress(page)).toBe(before);
    await page.keyboard.press('Escape');
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    await expectArrowSteps(page, demo);
    await close();
  });

  it('Tab to 1ステップ: Space presses it (one step, no playing); after Esc, Space plays', async () => {
    const { page, close } = await open(demo);
    await tabTo(page, 'button[data-action=step]');
    const before = await demo.progress(page);
    await page.keyboard.press('Space');
    await expect.poll(() => demo.progress(page), { timeout: demo.timeout }).not.toBe(before);
    expect(await playState(page)).toBe('false');
    expect(await focusedMatches(page, 'button[data-action=step]')).toBe(true);
    await page.keyboard.press('Escape');
    await expectSpacePlaysAndPauses(page, demo);
    await close();
  });
});

describe.each(DEMOS.filter((demo) => demo.other))('$name: a preset or a checkbox', { timeout: 90_000 }, (demo) => {
  it('after a mouse click on it: Space plays instead of pressing it again', async () => {
    const { page, close } = await open(demo);
    const other = page.locator(demo.other!);
    await other.click();
    const state = () => other.evaluate((e) => (e instanceof HTMLInputElement ? String(e.checked) : e.getAttribute('aria-pressed')));
    const pressed = await state();
    const query = page.url();
    await expectSpacePlaysAndPauses(page, demo);
    expect(await state()).toBe(pressed);
    // Only the player's own state moved in the URL, not the control's.
    const changed = [...new URL(page.url()).searchParams].filter(([key, value]) => new URL(query).searchParams.get(key) !== value);
    expect(changed.map(([key]) => key).filter((key) => !['k', 'step', 'iter'].includes(key))).toEqual([]);
    await close();
  });
});

describe.each(DEMOS.filter((demo) => demo.select))('$name: a select', { timeout: 90_000 }, (demo) => {
  it('Tab to it: ArrowDown picks its next option, and Space does not play', async () => {
    const { page, close } = await open(demo);
    await tabTo(page, demo.select!);
    const select = page.locator(demo.select!);
    const value = await select.inputValue();
    await page.keyboard.press('ArrowDown');
    await expect.poll(() => select.inputValue()).not.toBe(value);
    await page.keyboard.press('Space');
    expect(await playState(page)).toBe('false');
    await page.keyboard.press('Escape');
    await close();
  });
});
