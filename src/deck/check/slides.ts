import type { BrowserContext, CDPSession, Frame, Page, Response } from 'playwright-core';
import type { DeckReferences, LiveDemo } from './deck-references.ts';
import { demoDrew, demoFonts, LOAD_TIMEOUT, type Outcome } from './demo-pages.ts';
import {
  attribute,
  domTree,
  type FontFindings,
  fontVerdict,
  LOADED_FAMILIES,
  nodesWhere,
  noFindings,
  readFonts,
  type TextRun,
  textRuns,
} from './fonts.ts';
import { emptyLog, errorVerdict, missingVerdict, offSiteVerdict, type PageLog, recordPage } from './page-log.ts';
import type { Site } from './site.ts';
import { fail, PASS } from './verdicts.ts';

export interface DeckOutcome {
  readonly deck: Outcome;
  /** One per live demo, in the deck's order. */
  readonly liveDemos: Outcome[];
  /** What the deck's fonts came to over every slide. */
  readonly fonts: FontFindings;
}

/**
 * The deck as the presenter shows it: deck.html, then every slide in turn (bespoke's `#<n>`), each
 * slide's text read for the fonts that drew it, and on a slide with a live demo, the demo the deck
 * loads into it, timed from the slide being shown to the demo shown and drawn.
 */
export async function walkDeck(context: BrowserContext, site: Site, references: DeckReferences): Promise<DeckOutcome> {
  const page = await context.newPage();
  const logs = { deck: emptyLog(), live: null as PageLog | null };
  // A live demo's frame, and while one is shown any console line, belongs to it.
  recordPage(page, site.url, (frame) => ((frame === null || frame !== page.mainFrame()) && logs.live ? logs.live : logs.deck));
  const started = performance.now();
  try {
    const response = await page.goto(`${site.url}deck.html`, { timeout: LOAD_TIMEOUT }).catch(() => null);
    if (response?.status() !== 200) {
      const verdicts = { http: fail(null, `deck.html did not load (${response?.status() ?? 'no answer'}): ${site.rebuild}`) };
      return { deck: { verdicts }, liveDemos: [], fonts: noFindings() };
    }
    await page.evaluate(() => document.fonts.ready);
    const ms = Math.round(performance.now() - started);
    const cdp = await page.context().newCDPSession(page);
    const slides = nodesWhere(await domTree(cdp), (node) => node.nodeName === 'svg' && attribute(node, 'data-marpit-svg') !== undefined);
    const fonts = noFindings();
    const liveDemos: Outcome[] = [];
    for (const [index, slideNode] of slides.entries()) {
      const slide = index + 1;
      const live = references.runsLiveDemos ? references.liveDemos.find((demo) => demo.slide === slide) : undefined;
      logs.live = live ? emptyLog() : null;
      const frame = live ? liveFrame(page) : null;
      const shownAt = performance.now();
      await show(page, slide);
      addFindings(fonts, await slideFonts(page, cdp, textRuns(slideNode), slide));
      if (live && logs.live && frame) liveDemos.push(await checkLiveDemo(page, site, live, logs.live, frame, shownAt));
    }
    logs.live = null;
    if (!references.runsLiveDemos) {
      const why = `deck.html was built without its live demos (no demo pages beside it then): ${site.rebuild}, which builds the demo pages first`;
      liveDemos.push(...references.liveDemos.map(({ slide }) => ({ verdicts: { drew: fail(slide, why) } })));
    }
    const loaded = new Set(await page.evaluate(LOADED_FAMILIES));
    const deckFonts = { ...fonts, loaded };
    return {
      fonts: deckFonts,
      liveDemos,
      deck: {
        ms,
        verdicts: {
          http: missingVerdict(logs.deck, null, 'deck.html', site.rebuild),
          errs: errorVerdict(logs.deck, null, 'deck.html'),
          site: offSiteVerdict(logs.deck, null, 'deck.html', site.url),
          font: fontVerdict(deckFonts, null, 'deck.html', site.rebuild),
        },
      },
    };
  } finally {
    await page.close();
  }
}

/** Shows slide `slide` (1-based) as a presenter's key press would, and waits until it is drawn with its fonts. */
async function show(page: Page, slide: number): Promise<void> {
  await page.evaluate((number) => {
    location.hash = `#${number}`;
  }, slide);
  await page.waitForFunction(
    (number) => document.querySelectorAll('svg[data-marpit-svg]')[number - 1]?.classList.contains('bespoke-marp-active'),
    slide,
  );
  await fontsSettled(page);
}

/** Two frames drawn (the shown slide laid out, asking for the fonts its text needs), then those fonts in. */
async function fontsSettled(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.evaluate(() => document.fonts.ready);
}

/** The fonts of one shown slide's text; a fallback is read once more after the fonts settle (a font still on its way is no fault). */
async function slideFonts(page: Page, cdp: CDPSession, runs: readonly TextRun[], slide: number): Promise<FontFindings> {
  let findings = noFindings();
  await readFonts(cdp, runs, slide, findings);
  if (findings.fallbacks.length === 0) return findings;
  await fontsSettled(page);
  findings = noFindings();
  await readFonts(cdp, runs, slide, findings);
  return findings;
}

function addFindings(total: FontFindings, slide: FontFindings): void {
  total.japanese += slide.japanese;
  total.math += slide.math;
  total.drawn += slide.drawn;
  total.fallbacks.push(...slide.fallbacks);
}

/** The frame the deck makes for a slide's live demo, and the answer to it loading its page (both asked for before the slide is shown). */
interface LiveFrame {
  readonly attached: Promise<Frame | null>;
  readonly response: Promise<Response | null>;
}

function liveFrame(page: Page): LiveFrame {
  const inFrame = (frame: Frame) => frame !== page.mainFrame();
  return {
    attached: page.waitForEvent('frameattached', { timeout: LOAD_TIMEOUT }).catch(() => null),
    response: page
      .waitForResponse((response) => response.request().isNavigationRequest() && inFrame(response.frame()), { timeout: LOAD_TIMEOUT })
      .catch(() => null),
  };
}

async function checkLiveDemo(
  page: Page,
  site: Site,
  live: LiveDemo,
  log: PageLog,
  liveFrame: LiveFrame,
  shownAt: number,
): Promise<Outcome> {
  const { slide, path } = live;
  const subject = `the live demo (${path})`;
  const frame = await liveFrame.attached;
  if (!frame) return { verdicts: { drew: fail(slide, `the slide does not start its live demo: ${site.rebuild}`) } };
  // The deck shows the frame's box once the demo answers, and removes it when its page is not a demo (embed-runtime.js).
  const element = await frame.frameElement().catch(() => null);
  const shown = element
    ? await page
        .waitForFunction((box) => (!box.isConnected ? 'removed' : box.parentElement?.style.opacity !== '0' ? 'shown' : false), element, {
          timeout: LOAD_TIMEOUT,
          polling: 100,
        })
        .then((handle) => handle.jsonValue())
        .catch(() => 'not shown')
    : 'removed';
  const status = (await liveFrame.response)?.status();
  if (status !== 200) {
    const folder = path.replace(/\?.*/, '');
    return {
      verdicts: { http: fail(slide, `${subject}: ${folder} is missing from the site (${status ?? 'no answer'}): ${site.rebuild}`) },
    };
  }
  const drew = shown === 'shown' && (await demoDrew(frame));
  const ms = Math.round(performance.now() - shownAt);
  // A session of its own: a new DOM.getDocument forgets the node ids the deck's walk holds.
  const frameSession = await page.context().newCDPSession(page);
  const iframe = nodesWhere(await domTree(frameSession), (node) => node.nodeName === 'IFRAME' && node.contentDocument !== undefined).at(-1);
  const fonts = drew && iframe?.contentDocument ? await demoFonts(frameSession, iframe.contentDocument, frame) : noFindings();
  await frameSession.detach();
  const why =
    shown === 'removed' ? 'its page did not answer as a demo, so the slide shows its still figure' : `not within ${LOAD_TIMEOUT / 1000} s`;
  return {
    ms,
    verdicts: {
      http: missingVerdict(log, slide, subject, site.rebuild),
      errs: errorVerdict(log, slide, subject),
      site: offSiteVerdict(log, slide, subject, site.url),
      drew: drew ? PASS : fail(slide, `${subject} did not show and draw (${shown === 'shown' ? 'nothing drawn' : why})`),
      font: fontVerdict(fonts, slide, subject, site.rebuild),
    },
  };
}
