import { DEMOS, demoHref } from '../../demos/registry.ts';
import { slidesOf } from '../built-slides.ts';
import { decodeHtmlEntities } from '../html-entities.ts';
import { demoLinksIn } from '../short-links.ts';
import { fail, PASS, type Verdict } from './verdicts.ts';

/**
 * A link on a slide to a demo (checked against src/demos/registry.ts, `reg`), or to the site's front
 * page, which lists every demo (`demo:index` in the deck).
 */
export interface DemoLink {
  readonly slide: number;
  /** What it opens, in words: `the descent demo`, `the front page`. */
  readonly name: string;
  /** What it opens, as `pageOf` reads it from a link: the demo's id, or FRONT_PAGE. */
  readonly page: string;
  /** Relative to the deck's folder: the deck's link, or where the deck lacks it, the registry's. */
  readonly href: string;
  /** The deck has this link (else only the registry lists it). */
  readonly inDeck: boolean;
  /** Its short address, `go/<code>`, where the deck gives one (a demo link). */
  readonly shortCode: string | null;
  /** Absent for the front page, which the registry does not list. */
  readonly reg?: Verdict;
}

/** A demo the deck runs live in a slide: the page it loads into the slide. */
export interface LiveDemo {
  readonly slide: number;
  readonly demo: string;
  readonly path: string;
  readonly reg: Verdict;
}

export interface DeckReferences {
  readonly slideCount: number;
  /** The deck carries the script that runs its live demos (the HTML build adds it only with the demo pages beside it). */
  readonly runsLiveDemos: boolean;
  readonly links: DemoLink[];
  readonly liveDemos: LiveDemo[];
}

const REGISTRY = 'src/demos/registry.ts';

export const FRONT_PAGE = 'index.html';

const demoOf = (href: string): string | null => /(?:^|\/)demos\/([^/?#]+)\//.exec(href)?.[1] ?? null;

/** What a link opens: a demo's id, or FRONT_PAGE; null for anything else. */
export const pageOf = (href: string): string | null =>
  demoOf(href) ?? ((href.split(/[?#]/)[0] ?? '').split('/').at(-1) === FRONT_PAGE ? FRONT_PAGE : null);

/**
 * Every demo link and live demo of every slide of the deck.html the site serves, each checked against
 * the registry, the one place that says which slide shows which demo in which state; a demo the
 * registry lists for a slide whose deck lacks its link is a link too, and fails there.
 */
export function deckReferences(deckHtml: string, rebuild: string): DeckReferences {
  const slides = slidesOf(deckHtml);
  const links: DemoLink[] = [];
  const liveDemos: LiveDemo[] = [];
  for (const { number: slide, html } of slides) {
    const listed = new Map(
      DEMOS.filter((demo) => demo.slides[slide] !== undefined).map((demo) => [demo.id as string, demoHref(demo, slide)]),
    );
    const linked = demoLinksIn(html);
    for (const { href, shortCode, front } of linked) {
      if (front) {
        links.push({ slide, name: 'the front page', page: FRONT_PAGE, href, inDeck: true, shortCode: null });
        continue;
      }
      const demo = demoOf(href) ?? href;
      const registryHref = listed.get(demo);
      const reg =
        registryHref === undefined
          ? fail(slide, `deck.html links the ${demo} demo, which ${REGISTRY} does not show on this slide: ${rebuild}`)
          : href === registryHref
            ? PASS
            : fail(slide, `deck.html links ${href}, where ${REGISTRY} says ${registryHref}: ${rebuild}`);
      links.push({ slide, name: `the ${demo} demo`, page: demo, href, inDeck: true, shortCode, reg });
    }
    for (const [demo, registryHref] of listed) {
      if (linked.some(({ href }) => demoOf(href) === demo)) continue;
      const reg = fail(slide, `deck.html has no link to the ${demo} demo, which ${REGISTRY} shows on this slide: ${rebuild}`);
      links.push({ slide, name: `the ${demo} demo`, page: demo, href: registryHref, inDeck: false, shortCode: null, reg });
    }
    for (const path of livePathsIn(html)) {
      const demo = demoOf(path) ?? path;
      const registryHref = listed.get(demo);
      const reg =
        registryHref === undefined
          ? fail(slide, `the slide runs the ${demo} demo live, which ${REGISTRY} does not show on this slide: ${rebuild}`)
          : inState(path, registryHref)
            ? PASS
            : fail(slide, `the slide runs ${path} live, where ${REGISTRY} says ${registryHref}: ${rebuild}`);
      liveDemos.push({ slide, demo, path, reg });
    }
  }
  return { slideCount: slides.length, runsLiveDemos: deckHtml.includes('demo-embed-box'), links, liveDemos };
}

/** What the slide loads live (a demo link's or a figure's `data-embed`). */
const livePathsIn = (slideHtml: string): string[] =>
  [...slideHtml.matchAll(/\sdata-embed="([^"]*)"/g)].map(([, path = '']) => decodeHtmlEntities(path));

/** A live demo's page shows the registry's state: the same page, every parameter of the registry's link, laid out to embed. */
function inState(path: string, registryHref: string): boolean {
  const live = new URL(path, 'http://deck/');
  const listed = new URL(registryHref, 'http://deck/');
  return (
    live.pathname === listed.pathname &&
    live.searchParams.get('embed') === '1' &&
    [...listed.searchParams].every(([name, value]) => live.searchParams.get(name) === value)
  );
}
