import type { BrowserContext, Page } from 'playwright-core';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useDemoPages, watchPage } from './harness.ts';

/**
 * Demo pages opened in two windows of one browser with `?sync=<name>` (as the deck's presenter view
 * and audience window are): whichever window is driven, the other shows the same state, and only one
 * window trains the lab.
 */
const pages = useDemoPages('/demos/gradient-chain/', '.demo-stage svg', {
  alsoWarmUp: [{ path: '/demos/training/', readySelector: '.tr-runs svg' }],
});

/** What each page asked its workers to do (a follower must never ask them to train). */
const RECORD_WORKER_MESSAGES = () => {
  const sent: string[] = [];
  Object.assign(window, { workerMessages: sent });
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (this: Worker, message: { type: string }, options?: StructuredSerializeOptions) {
    sent.push(message.type);
    return post.call(this, message, options);
  } as typeof post;
};
const workerMessages = (page: Page) => page.evaluate(() => (window as unknown as { workerMessages: string[] }).workerMessages);
const progress = (page: Page) => page.evaluate(() => window.demo?.get().progress ?? null);
/** How long a window may take to show what another did (a busy machine delays the message and the frame). */
const SETTLE = { timeout: 5000 };
const playPressed = (page: Page) => page.locator('[data-action="play"]').getAttribute('aria-pressed');

let context: BrowserContext;
let watches: ReturnType<typeof watchPage>[];
beforeEach(async () => {
  context = await pages.browser.newContext({ viewport: { width: 1280, height: 720 } });
  watches = [];
});
afterEach(async () => {
  for (const watch of watches) expect(watch.errors).toEqual([]);
  await context.close();
});

async function open(path: string): Promise<Page> {
  const page = await context.newPage();
  watches.push(watchPage(page, pages.origin));
  await page.addInitScript(RECORD_WORKER_MESSAGES);
  await page.goto(`${pages.origin}${path}`);
  await page.waitForFunction(() => window.demo !== undefined);
  return page;
}

describe('two windows with one sync name', () => {
  it('show the same step, settings and play/pause, whichever window is driven', async () => {
    const a = await open('/demos/gradient-chain/?sync=talk');
    const b = await open('/demos/gradient-chain/?sync=talk');
    const other = await open('/demos/gradient-chain/?sync=elsewhere');
    const untouched = await other.evaluate(() => window.demo!.get().params);
    const status = (page: Page) => page.getByTestId('pulse-status').textContent();

    // Driven in A: a setting and a step reach B. Each expectation waits for the step both windows
    // must reach, not for a text read once while a click may still be on its way (that raced).
    const stepOf = (page: Page) => page.evaluate(() => window.demo!.get().params.step as number);
    const inStep = async (step: number) => {
      for (const page of [a, b]) await expect.poll(() => stepOf(page), SETTLE).toBe(step);
      await expect.poll(async () => (await status(a)) === (await status(b)), SETTLE).toBe(true);
    };
    /** Clicks Step in `page` and waits until that window has taken it: its new step. */
    const stepIn = async (page: Page) => {
      const before = await stepOf(page);
      await page.locator('[data-action="step"]').click();
      await expect.poll(() => stepOf(page), SETTLE).not.toBe(before);
      return stepOf(page);
    };
    await a.locator('select').first().selectOption('relu');
    await stepIn(a);
    const inA = await stepIn(a);
    await expect.poll(() => b.evaluate(() => window.demo!.get().params.act), SETTLE).toBe('relu');
    await inStep(inA);
    // Driven in B: its step reaches A.
    const stepped = await stepIn(b);
    await inStep(stepped);

    // Play from B: one window plays (the pulse advances once per tick, not twice), both show it.
    await b.keyboard.press('Space');
    await expect.poll(() => playPressed(a), SETTLE).toBe('true');
    await expect.poll(() => playPressed(b), SETTLE).toBe('true');
    await expect.poll(() => stepOf(b), SETTLE).toBeGreaterThan(stepped);
    // Paused from A, the window that did not start it.
    await a.locator('[data-action="play"]').click();
    await expect.poll(() => playPressed(b), SETTLE).toBe('false');
    expect(await playPressed(a)).toBe('false');
    const stopped = await stepOf(a);
    await expect.poll(() => stepOf(b), SETTLE).toBe(stopped);

    // Another sync name, and the windows' own choices (language), are not shared.
    expect(await other.evaluate(() => window.demo!.get().params)).toEqual(untouched);
    await a.locator('.lang-link').click();
    await a.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await b.evaluate(() => document.documentElement.lang)).toBe('ja');
  });

  it('train the lab once: the follower shows the leader’s runs, a late window gets their history, and one left alone trains again', async () => {
    const lab = '/demos/training/?scene=deepSigmoid&sync=lab';
    const leader = await open(lab);
    const follower = await open(lab);
    await leader.locator('[data-action="play"]').click();
    await expect.poll(() => progress(follower), { timeout: 30_000 }).toBeGreaterThan(60);
    expect(await playPressed(follower)).toBe('true');
    expect(await workerMessages(leader)).toContain('play');
    // The follower's workers were given the settings and told to pause: never to train.
    expect(await workerMessages(follower)).not.toContain('play');
    expect(await workerMessages(follower)).not.toContain('step');

    // A window opened now shows the curves so far, not a run starting from nothing.
    const late = await open(lab);
    await expect.poll(() => progress(late)).toBeGreaterThan(60);
    const points = (page: Page) => page.getByTestId('curves').first().locator('path.tr-loss').getAttribute('d');
    await expect.poll(async () => ((await points(late)) ?? '').length).toBeGreaterThan(200);

    // Paused from the follower: every window stops at the same step.
    await follower.locator('[data-action="play"]').click();
    await expect.poll(() => playPressed(leader)).toBe('false');
    const steps = async () => [await progress(leader), await progress(follower), await progress(late)];
    await expect.poll(async () => new Set(await steps()).size).toBe(1);
    expect((await steps())[0]).toBeGreaterThan(60);
    expect(await workerMessages(late)).not.toContain('play');

    // The leader closes: the others start again from their own first step and train by themselves.
    await leader.close();
    await expect.poll(() => progress(follower)).toBe(0);
    await follower.locator('[data-action="play"]').click();
    await expect.poll(() => workerMessages(follower)).toContain('play');
    await expect.poll(() => progress(late)).toBeGreaterThan(0);
    expect(await workerMessages(late)).not.toContain('play');
  });

  it('keeps a page with a malformed sync name alone, and says so', async () => {
    const a = await open('/demos/gradient-chain/?sync=two%20words');
    const b = await open('/demos/gradient-chain/?sync=two%20words');
    expect(await a.getByTestId('url-notice').textContent()).toContain('sync');
    const before = await b.evaluate(() => window.demo!.get().params.step);
    await a.locator('[data-action="step"]').click();
    await a.waitForTimeout(300);
    expect(await a.evaluate(() => window.demo!.get().params.step)).not.toBe(before);
    expect(await b.evaluate(() => window.demo!.get().params.step)).toBe(before);
  });
});
