import { createHash } from 'node:crypto';
import { copyFile, mkdir, mkdtemp, readdir, readFile, rename, rm, stat, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import type { DeckBuild } from './deck-build.ts';
import { requireChromium } from './deck-build.ts';
import type { ExportSettings } from './export-settings.ts';
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

/**
 * A demo that runs in time (it reports progress: the training lab) is pictured where its slide's claim
 * is made, not before it has started: played from a scene, the lab pauses by itself at the scene's
 * claim step (1000), exactly; the picture is taken once every run's panel shows that step. A state
 * that is no scene makes no claim (and would never pause): it is pictured as it loads.
 */
async function trainedAsClaimed(page: Page): Promise<void> {
  const state = (await page.evaluate('window.demo.get()')) as { progress: number | null; params: { scene?: unknown } };
  if (state.progress === null || state.params.scene === undefined || state.params.scene === 'custom') return;
  await page.evaluate('window.demo.play()');
  await page.waitForFunction('!window.demo.get().playing', undefined, { timeout: 300_000, polling: 100 });
  await page.waitForFunction(
    `[...document.querySelectorAll('[data-step]')].every((panel) => Number(panel.dataset.step) === window.demo.get().progress)`,
  );
}

/**
 * The lab's runs leave half a core to the page on a live slide (cpu-share.ts); a still has nobody
 * waiting on the page, so its browser claims cores enough for every run to train flat out.
 */
const STILL_CORES = 64;

async function renderStill(browser: Browser, origin: string, embed: Embed, file: string, loaded: () => void): Promise<void> {
  const page = await browser.newPage({ viewport: { width: embed.width, height: SLIDE.height }, deviceScaleFactor: PIXEL_RATIO });
  try {
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Emulation.setHardwareConcurrencyOverride', { hardwareConcurrency: STILL_CORES });
    await page.goto(`${origin}/${embed.path}`);
    await page.waitForFunction('window.demo !== undefined && document.querySelector(".demo-stage svg, .demo-stage canvas") !== null');
    loaded();
    // A picture has nothing to play: the player's buttons are left out of it.
    await page.addStyleTag({ content: '.demo-controls { display: none }' });
    await trainedAsClaimed(page);
    await page.evaluate(PAGE_SETTLED);
    await page.screenshot({ path: file });
  } finally {
    loaded();
    await page.close();
  }
}

/** Renders each still into its file: one demo server and browser for all of them. */
async function renderStills(build: DeckBuild, jobs: readonly { embed: Embed; file: string }[]): Promise<void> {
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
    const origin = `http://127.0.0.1:${address.port}`;
    // Each page starts loading once the one before it has loaded (loading is what the demo server is
    // busy with); the rest, a lab training its runs on every core, overlaps with the next pages.
    const renders: Promise<void>[] = [];
    for (const { embed, file } of jobs) {
      let markLoaded = () => {};
      const loaded = new Promise<void>((resolve) => {
        markLoaded = resolve;
      });
      const render = renderStill(browser, origin, embed, file, markLoaded);
      // Its failure is reported by Promise.all below, not as an unhandled rejection meanwhile.
      render.catch(() => {});
      renders.push(render);
      await Promise.race([loaded, render]);
    }
    await Promise.all(renders);
  } finally {
    await browser.close();
    await server.close();
    await rm(cacheDir, { recursive: true, force: true });
  }
}

/**
 * Stills are kept between builds, so an export after a change to the slides' text does not train the
 * lab again: a still's key covers everything its picture depends on (every file the demo pages are
 * built from, the locked packages with their fonts, the browser, the state, size and pixels).
 */
export const STILLS_CACHE_DIR = join(projectRoot, 'node_modules', '.cache', 'deck-demo-stills');
/** Stills no build has asked for lately are dropped: the most recently used this many are kept. */
const STILLS_CACHE_KEEP = 40;

/** A digest of the demos' sources, the lock file and the browser binary: what every still depends on. */
export async function demoSourcesDigest(chromium: string, roots: readonly string[] = [join(projectRoot, 'src')]): Promise<string> {
  const hash = createHash('sha256');
  for (const root of roots) {
    const files = (await readdir(root, { recursive: true, withFileTypes: true }))
      .filter((entry) => entry.isFile())
      .map((entry) => join(entry.parentPath, entry.name))
      .sort();
    for (const file of files)
      hash
        .update(`${relative(root, file)}\0`)
        .update(await readFile(file))
        .update('\0');
  }
  hash.update(await readFile(join(projectRoot, 'package-lock.json')));
  const browser = await stat(chromium);
  return hash.update(`${chromium}\0${browser.size}\0${browser.mtimeMs}`).digest('hex');
}

function stillKey(digest: string, embed: Embed): string {
  const inputs = { digest, path: embed.path, width: embed.width, height: SLIDE.height, PIXEL_RATIO };
  return createHash('sha256').update(JSON.stringify(inputs)).digest('hex').slice(0, 32);
}

async function pruneStillsCache(): Promise<void> {
  const files = await Promise.all(
    (await readdir(STILLS_CACHE_DIR)).map(async (name) => ({ name, used: (await stat(join(STILLS_CACHE_DIR, name))).mtimeMs })),
  );
  const stale = files.sort((a, b) => b.used - a.used).slice(STILLS_CACHE_KEEP);
  await Promise.all(stale.map(({ name }) => rm(join(STILLS_CACHE_DIR, name), { force: true })));
}

/** The deck's stills in the staging folder: copied from the cache, or rendered (and then cached). */
async function prepareStills(build: DeckBuild, embeds: readonly Embed[]): Promise<DemoStills> {
  const folder = join(build.staging.path, '.demo-stills');
  await mkdir(folder, { recursive: true });
  await mkdir(STILLS_CACHE_DIR, { recursive: true });
  const digest = await demoSourcesDigest(requireChromium(build));
  const jobs = embeds.map((embed) => ({
    embed,
    file: join(folder, `demo-still-${embed.slide}.png`),
    cached: join(STILLS_CACHE_DIR, `${stillKey(digest, embed)}.png`),
  }));
  const now = new Date();
  const hits = await Promise.all(
    jobs.map(({ file, cached }) =>
      copyFile(cached, file).then(
        () => utimes(cached, now, now).then(() => true),
        () => false,
      ),
    ),
  );
  const missing = jobs.filter((_, index) => !hits[index]);
  if (missing.length > 0) {
    const start = performance.now();
    await renderStills(build, missing);
    const seconds = ((performance.now() - start) / 1000).toFixed(1);
    console.log(`rendered ${missing.length} of ${jobs.length} demo stills in ${seconds} s (the others were kept from an earlier export)`);
    // Written under a name of its own, then renamed: a build running beside this one never reads half a picture.
    for (const { file, cached } of missing) {
      const partial = `${cached}.${process.pid}.partial`;
      await copyFile(file, partial);
      await rename(partial, cached);
    }
  }
  await pruneStillsCache();
  return Object.fromEntries(jobs.map(({ embed, file }) => [embed.slide, pathToFileURL(file).href]));
}

const prepared = new WeakMap<DeckBuild, Promise<ExportSettings>>();

/** The setting that puts the deck's demo stills in place in an export (prepared once per build, in the staging folder). */
export function demoStillSettings(build: DeckBuild): Promise<ExportSettings> {
  let settings = prepared.get(build);
  if (!settings) {
    const embeds = embedsOf(build);
    settings =
      embeds.length === 0
        ? Promise.resolve({})
        : prepareStills(build, embeds).then((stills) => ({ [DEMO_STILLS_ENV]: JSON.stringify(stills) }));
    prepared.set(build, settings);
  }
  return settings;
}
