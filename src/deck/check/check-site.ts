import { findChromium } from '../find-chromium.ts';
import { launchChromium } from '../launch-chromium.ts';
import { deckReferences, FRONT_PAGE } from './deck-references.ts';
import { checkDemoLink, checkShortAddress, type Outcome } from './demo-pages.ts';
import { checkHandouts } from './handouts.ts';
import { inLanes } from './lanes.ts';
import { fontsNote, handoutsNote } from './report.ts';
import type { Site } from './site.ts';
import { walkDeck } from './slides.ts';
import type { Row } from './verdicts.ts';

/** Pages open at once besides the deck: on 2 cores, more only queue for the CPU. */
const PAGE_LANES = 2;

/**
 * Everything `npm run check` looks at, side by side: the deck walked slide by slide (fonts, live
 * demos) in one page; the demo links and their short addresses in other pages of the same browser;
 * the handouts, read in this process, meanwhile.
 */
export async function checkSite(site: Site): Promise<{ rows: Row[]; notes: string[] }> {
  const deckHtml = await (await fetch(`${site.url}deck.html`)).text();
  const references = deckReferences(deckHtml, site.rebuild);
  const { links, liveDemos } = references;
  const browser = await launchChromium(findChromium());
  try {
    const context = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const pageTasks: (() => Promise<Outcome>)[] = [
      ...links.map((link) => () => checkDemoLink(context, site, link)),
      // The front page has no short address: a handout prints the site's own.
      ...links.map((link) => async () => ({
        verdicts: link.inDeck && link.page !== FRONT_PAGE ? { go: await checkShortAddress(context, site, link) } : {},
      })),
    ];
    const [deck, pages, handouts] = await Promise.all([
      walkDeck(context, site, references),
      inLanes(pageTasks, PAGE_LANES),
      checkHandouts(site, links),
    ]);
    const linkRows: Row[] = links.map((link, index) => {
      const page = pages[index];
      const shortAddress = pages[links.length + index];
      return {
        slide: link.slide,
        what: link.page === FRONT_PAGE ? 'front' : 'link',
        target: link.href,
        ms: page?.ms,
        verdicts: { ...(link.reg && { reg: link.reg }), ...page?.verdicts, ...shortAddress?.verdicts, ...handouts.links[index] },
      };
    });
    const liveRows: Row[] = liveDemos.map((live, index) => {
      const outcome = deck.liveDemos[index];
      return { slide: live.slide, what: 'live', target: live.path, ms: outcome?.ms, verdicts: { reg: live.reg, ...outcome?.verdicts } };
    });
    const slideRows = [...linkRows, ...liveRows].sort((a, b) => (a.slide ?? 0) - (b.slide ?? 0));
    const deckRow: Row = { slide: null, what: 'deck', target: 'deck.html', ms: deck.deck.ms, verdicts: deck.deck.verdicts };
    return {
      rows: [deckRow, ...slideRows, ...handouts.files],
      notes: [fontsNote(deck.fonts, references.slideCount), handoutsNote(site.handoutBase)],
    };
  } finally {
    await browser.close();
  }
}
