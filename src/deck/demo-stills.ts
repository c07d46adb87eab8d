import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import type { DeckBuild } from './deck-build.ts';
import { requireChromium } from './deck-build.ts';
import { decodeHtmlEntities } from './html-entities.ts';
import { launchChromium } from './launch-chromium.ts';
import { projectRoot } from './project-paths.ts';

/**
 * The still pictures the exports show where the HTML deck runs a demo live (the image form of a demo
 * reference): each is rendered from the demo page itself, in that slide's state and at the size of
 * the slide's right-hand figure area, so a handout always shows what the live demo would. The
 * exports' Marp rule (demo-references.ts) puts it in place of the slide's figure.
 */
export type DemoStills = Readonly<Record<number, string>>;

/** The environment variable the exports' Marp rule reads the stills from (slide → file URL, as JSON). */
export const DEMO_STILLS_ENV = 'DECK_DEMO_STILLS';

const SLIDE = { width: 1280, height: 720 };
/** Without a split background the live demo takes this share of the slide (as embed-runtime.js). */
const RIGHT_SHARE = 0.45;
const PIXEL_RATIO = 2;

interface Embed {
  readonly slide: number;
  readonly path: string;
  readonly width: number;
}

function embedsOf(build: DeckBuild): Embed[] {
  const { html } = build.marp.render(build.deck.markdown, { htmlAsArray: true });
  return html.flatMap((slideHtml, index) => {
    const path = /\sdata-embed="([^"]*)"/.exec(slideHtml)?.[1];
    if (path === undefined) return [];
    const split = /--marpit-advanced-background-split:\s*([\d.]+)%/.exec(slideHtml)?.[1];
    const share = split === undefined ? RIGHT_SHARE : Number(split) / 100;
    return [{ slide: index + 1, path: decodeHtmlEntities(path), width: Math.round(SLIDE.width * share) }];
  });
}

/** Resolves once the page's fonts are in and two animation frames in a row changed nothing in it (evaluated in the page). */
export const PAGE_SETTLED = `new Promise((resolve) => {
  let changed = false;
  const observer = new MutationObserver(() => { changed = true; });
  observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  let quiet = 0;
  const look = () => {
    quiet = changed || document.fonts.status !== 'loaded' ? 0 : quiet + 1;
    changed = false;
    if (quiet < 2) return void requestAnimationFrame(look);
    observer.disconnect();
    resolve(true);
  };
  requestAnimationFrame(look);
})`;

/** The steps at which the training lab's scenes make their claims (scenes.ts): a handout shows the runs there. */
const TRAINED_STEPS = 1000;

/**
 * A demo that runs in time (it reports progress: the training lab) is pictured where its slide's claim
 * is made, after TRAINED_STEPS, not before it has started: played, then paused once every run is there
 * and every run's panel shows it.
 */
async function trainedAsClaimed(page: Page): Promise<void> {
  if ((await page.evaluate('window.demo.get().progress')) === null) return;
  await page.evaluate('window.demo.play()');
  await page.waitForFunction(`window.demo.get().progress >= ${TRAINED_STEPS}`, undefined, { timeout: 300_000, polling: 100 });
  await page.evaluate('window.demo.pause()');
  await page.waitForFunction(
    `[...document.querySelectorAll('[data-step]')].every((panel) => Number(panel.dataset.step) >= ${TRAINED_STEPS})`,
  );
}

async function renderStills(build: DeckBuild, embeds: readonly Embed[], folder: string): Promise<DemoStills> {
  // Loaded on first use: only a deck with live demos needs a demo server for its exports.
  const { createServer } = await import('vite');
  const cacheDir = await mkdtemp(join(tmpdir(), 'deck-stills-vite-'));
  const server = await createServer({
    configFile: false,
    root: join(projectRoot, 'src'),
    cacheDir,
    logLevel: 'silent',
    server: { host: '127.0.0.1', port: 0, hmr: false },
  });
  const browser = await launchChromium(requireChromium(build));
  try {
    await server.listen();
    const address = server.httpServer?.address();
    if (!address || typeof address === 'string') throw new Error('the demo server for the stills has no port');
    const stills: Record<number, string> = {};
    for (const embed of embeds) {
      const page = await browser.newPage({ viewport: { width: embed.width, height: SLIDE.height }, deviceScaleFactor: PIXEL_RATIO });
      await page.goto(`http://127.0.0.1:${address.port}/${embed.path}`);
      await page.waitForFunction('window.demo !== undefined && document.querySelector(".demo-stage svg, .demo-stage canvas") !== null');
      // A picture has nothing to play: the player's buttons are left out of it.
      await page.addStyleTag({ content: '.demo-controls { display: none }' });
      await trainedAsClaimed(page);
      await page.evaluate(PAGE_SETTLED);
      const file = join(folder, `demo-still-${embed.slide}.png`);
      await page.screenshot({ path: file });
      await page.close();
      stills[embed.slide] = pathToFileURL(file).href;
    }
    return stills;
  } finally {
    await browser.close();
    await server.close();
    await rm(cacheDir, { recursive: true, force: true });
  }
}

const rendered = new WeakMap<DeckBuild, Promise<DemoStills>>();

/** Runs an export with the deck's demo stills in place (rendered once per build, into the staging folder). */
export async function withDemoStills<T>(build: DeckBuild, run: () => Promise<T>): Promise<T> {
  const embeds = embedsOf(build);
  if (embeds.length === 0) return run();
  let stills = rendered.get(build);
  if (!stills) {
    const folder = join(build.staging.path, '.demo-stills');
    stills = mkdir(folder, { recursive: true }).then(() => renderStills(build, embeds, folder));
    rendered.set(build, stills);
  }
  const previous = process.env[DEMO_STILLS_ENV];
  process.env[DEMO_STILLS_ENV] = JSON.stringify(await stills);
  try {
    return await run();
  } finally {
    if (previous === undefined) delete process.env[DEMO_STILLS_ENV];
    else process.env[DEMO_STILLS_ENV] = previous;
  }
}
