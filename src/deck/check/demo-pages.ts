import type { BrowserContext, CDPSession, Frame, Page } from 'playwright-core';
import { DEMO_IDS } from '../../demos/registry.ts';
import { type DemoLink, FRONT_PAGE } from './deck-references.ts';
import {
  type DomNode,
  domTree,
  type FontFindings,
  fontVerdict,
  LOADED_FAMILIES,
  noFindings,
  readFonts,
  sampleRuns,
  textRuns,
} from './fonts.ts';
import { emptyLog, errorVerdict, missingVerdict, offSiteVerdict, recordPage } from './page-log.ts';
import type { Site } from './site.ts';
import { type Column, fail, PASS, type Verdict } from './verdicts.ts';

/** Long enough for a slow connection to a published site; a page that takes longer would fail on stage too. */
export const LOAD_TIMEOUT = 20_000;
const DRAW_TIMEOUT = 15_000;

export interface Outcome {
  readonly verdicts: Partial<Record<Column, Verdict>>;
  readonly ms?: number;
}

/**
 * The demo has drawn (evaluated in its page): its handle is there (`window.demo`, src/ui/demo-page.ts)
 * and its stage shows a mark, an SVG shape or a painted canvas pixel. Every demo draws something as
 * it loads; the training lab, before it has trained a step, its data on a canvas.
 */
const DEMO_DREW = () => {
  const stage = document.querySelector('.demo-stage');
  if (window.demo === undefined || !stage) return false;
  const shape = [...stage.querySelectorAll('svg path, svg line, svg circle, svg rect, svg polyline, svg polygon, svg text')].some(
    (mark) => (mark as SVGGraphicsElement).getBBox().width + (mark as SVGGraphicsElement).getBBox().height > 0,
  );
  const painted = [...stage.querySelectorAll('canvas')].some((canvas) => {
    const context = canvas.width * canvas.height > 0 ? canvas.getContext('2d') : null;
    return context?.getImageData(0, 0, canvas.width, canvas.height).data.some((value, index) => index % 4 === 3 && value > 0) ?? false;
  });
  return shape || painted;
};

/** Waits until the demo in `frame` has drawn; false when it did not in time. */
export async function demoDrew(frame: Frame | Page): Promise<boolean> {
  return frame
    .waitForFunction(DEMO_DREW, undefined, { timeout: DRAW_TIMEOUT, polling: 100 })
    .then(() => true)
    .catch(() => false);
}

/** The fonts of a demo page (or a live demo's frame, `documentNode` its document): a sample of its text and math. */
export async function demoFonts(cdp: CDPSession, documentNode: DomNode, frame: Frame | Page): Promise<FontFindings> {
  await frame.evaluate(() => document.fonts.ready);
  const findings = noFindings(new Set(await frame.evaluate(LOADED_FAMILIES)));
  await readFonts(cdp, sampleRuns(textRuns(documentNode)), null, findings);
  return findings;
}

/** The front page has drawn: it lists every demo of the registry (evaluated in the page, `ids` given). */
const LISTS_EVERY_DEMO = (ids: readonly string[]) => ids.every((id) => document.querySelector(`a[href^="demos/${id}/"]`) !== null);

/**
 * Opens a link as the audience would, in a page of its own: it loads, logs no error, asks for
 * nothing off the site, draws (the front page: lists every demo), in the bundled fonts.
 */
export async function checkDemoLink(context: BrowserContext, site: Site, link: DemoLink): Promise<Outcome> {
  const page = await context.newPage();
  const log = emptyLog();
  recordPage(page, site.url, () => log);
  // Chromium turns a 404 with no body into a navigation error: the status is read from the answer itself.
  const answer: { status: number | string } = { status: 'no answer' };
  page.on('response', (response) => {
    if (response.request().isNavigationRequest() && response.frame() === page.mainFrame()) answer.status = response.status();
  });
  const started = performance.now();
  try {
    await page.goto(site.url + link.href, { timeout: LOAD_TIMEOUT }).catch(() => null);
    if (answer.status !== 200) {
      const folder = link.href.replace(/\?.*/, '');
      return { verdicts: { http: fail(link.slide, `${folder} is missing from the site (${answer.status}): ${site.rebuild}`) } };
    }
    const front = link.page === FRONT_PAGE;
    const drew = front ? await listsEveryDemo(page) : await demoDrew(page);
    const ms = Math.round(performance.now() - started);
    const cdp = await page.context().newCDPSession(page);
    const fonts = await demoFonts(cdp, await domTree(cdp), page);
    await cdp.detach();
    const notDrawn = front
      ? `${link.href} does not list every demo of src/demos/registry.ts: ${site.rebuild}`
      : `${link.href} did not draw its demo within ${DRAW_TIMEOUT / 1000} s`;
    return {
      ms,
      verdicts: {
        http: missingVerdict(log, link.slide, link.href, site.rebuild),
        errs: errorVerdict(log, link.slide, link.href),
        site: offSiteVerdict(log, link.slide, link.href, site.url),
        drew: drew ? PASS : fail(link.slide, notDrawn),
        font: fontVerdict(fonts, link.slide, link.href, site.rebuild),
      },
    };
  } finally {
    await page.close();
  }
}

const listsEveryDemo = (page: Page): Promise<boolean> =>
  page
    .waitForFunction(LISTS_EVERY_DEMO, DEMO_IDS, { timeout: DRAW_TIMEOUT, polling: 100 })
    .then(() => true)
    .catch(() => false);

/**
 * The link's short address, as printed on a handout (`go/19`, typed without its slash): it must
 * forward to the link itself. Where it forwards is read from the request and the request refused:
 * the link's own row opens the demo.
 */
export async function checkShortAddress(context: BrowserContext, site: Site, link: DemoLink): Promise<Verdict> {
  if (link.shortCode === null)
    return fail(link.slide, `deck.html gives its link to ${link.name} no short address (data-short): ${site.rebuild}`);
  const address = `go/${link.shortCode}`;
  const demos = `${site.url}demos/`;
  const page = await context.newPage();
  try {
    let forwardedTo: (url: string | null) => void = () => {};
    const forwarded = new Promise<string | null>((resolve) => {
      forwardedTo = resolve;
      setTimeout(() => resolve(null), LOAD_TIMEOUT).unref();
    });
    await page.route(
      (url) => url.href.startsWith(demos),
      (route) => {
        forwardedTo(route.request().url());
        return route.abort();
      },
    );
    const response = await page.goto(site.url + address, { waitUntil: 'commit', timeout: LOAD_TIMEOUT }).catch(() => null);
    if (response?.status() !== 200)
      return fail(link.slide, `${address} is missing from the site (${response?.status() ?? 'no answer'}): ${site.rebuild}`);
    const landed = await forwarded;
    if (landed === new URL(link.href, site.url).href) return PASS;
    if (landed === null) return fail(link.slide, `${address} does not forward to the demo: ${site.rebuild}`);
    return fail(link.slide, `${address} forwards to ${landed.slice(site.url.length)}, not to ${link.href}: ${site.rebuild}`);
  } finally {
    await page.close();
  }
}
