import QRCode from 'qrcode';
import { DEMO_IDS, type DemoId, demoEntry, demoHref, slidesOf } from '../demos/registry.ts';
import { DEMO_SCHEMAS } from '../demos/schemas.ts';
import { pageSchema } from '../ui/page-schema.ts';
import { readState } from '../ui/url-state/index.ts';
import { DEMO_STILLS_ENV } from './demo-stills.ts';
import { printedShortAddress, SHORT_LINKS_FOLDER, shortCode } from './short-links.ts';

/**
 * Demo references in the deck: a link whose address is `demo:<id>` (`[▶ ライブデモ](demo:descent)`)
 * becomes the link to that demo in the state src/demos/registry.ts gives for the slide it is on,
 * with class `demo-link`. A reference the registry cannot answer (unknown demo, a slide the demo
 * does not list, a state its URL schema rejects) is rendered with `data-demo-error`, which
 * validate-deck.ts reports with the slide, so the build stops.
 */
export const DEMO_SCHEME = 'demo:';

/**
 * `[▶ すべてのライブデモ](demo:index)`: the site's front page, which lists every demo (beside the deck,
 * so `index.html` from it). In a handout it gets a QR code and the site's printed address like a demo.
 */
const FRONT_PAGE_REFERENCE = `${DEMO_SCHEME}index`;
const FRONT_PAGE_HREF = 'index.html';

export function demoReferenceProblem(reference: string, slide: number): string | null {
  const id = reference.slice(DEMO_SCHEME.length);
  if (/[?#/]/.test(id)) return `${reference}: write the demo alone (${DEMO_SCHEME}<id>); each slide's state is in src/demos/registry.ts`;
  if (!isDemoId(id)) return `unknown demo "${reference}" (known: ${DEMO_IDS.map((known) => DEMO_SCHEME + known).join(', ')})`;
  const demo = demoEntry(id);
  const query = demo.slides[slide];
  if (query === undefined) {
    return `${reference} has no state for slide ${slide}: src/demos/registry.ts lists it on slides ${slidesOf(demo).join(', ')}`;
  }
  const { notices } = readState({ ...DEMO_SCHEMAS[id], ...pageSchema(slide) }, query);
  if (notices.length === 0) return null;
  const reasons = notices.map((notice) => `${notice.param}: ${notice.reason}`).join(', ');
  return `${reference} on slide ${slide}: its URL schema rejects "${query}" from src/demos/registry.ts (${reasons})`;
}

const isDemoId = (id: string): id is DemoId => (DEMO_IDS as readonly string[]).includes(id);

interface Token {
  type: string;
  content: string;
  meta?: unknown;
  /** Set by Marpit on a slide's background images (a figure that is a demo: showDemoFigures). */
  hidden?: boolean;
  children: Token[] | null;
  attrGet(name: string): string | null;
  attrSet(name: string, value: string): void;
  attrJoin(name: string, value: string): void;
}

/** What the plugin needs of markdown-it (Marp's parser). */
interface MarkdownIt {
  core: { ruler: { push(name: string, rule: (state: CoreState) => void): void } };
  renderer: { rules: Record<string, (tokens: Token[], index: number) => string> };
}
interface CoreState {
  tokens: Token[];
  Token: new (type: string, tag: string, nesting: number) => Token;
}

/**
 * The markdown-it plugin (marp.config.mjs uses it): runs after Marp has split the slides. The image
 * form, `![▶ ライブデモ](demo:gradient-chain)`, asks for the demo live in the slide: in the HTML deck
 * it runs over the slide's right-hand figure while the slide is shown (embed-runtime.js); in an
 * export it is the same link as the plain form, and the figure shows the demo's still (demo-stills.ts).
 */
export function demoReferences(md: MarkdownIt): void {
  // Markup this plugin made itself (QR code, printed address): not deck HTML, so not filtered as such.
  md.renderer.rules.demo_markup = (tokens, index) => tokens[index].content;
  md.core.ruler.push('demo_references', (state) => {
    showDemoFigures(state.tokens);
    let slide = 0;
    /** Demo links so far on this slide: each gets its short code (short-links.ts) in order. */
    let linksOnSlide = 0;
    for (const token of state.tokens) {
      if (token.type === 'marpit_slide_open') {
        slide = Number((token.meta as { marpitSlide?: number }).marpitSlide ?? 0) + 1;
        linksOnSlide = 0;
      }
      if (!token.children) continue;
      token.children = token.children.flatMap((child) => (isEmbed(child) ? embedAsLink(child, state) : [child]));
      const handoutBase = process.env.DECK_LINK_BASE;
      const audienceBase = process.env.DECK_AUDIENCE_BASE;
      for (const child of token.children) {
        const href = child.type === 'link_open' ? child.attrGet('href') : null;
        if (!href?.startsWith(DEMO_SCHEME)) continue;
        if (href === FRONT_PAGE_REFERENCE) {
          child.attrSet('href', FRONT_PAGE_HREF);
          child.attrJoin('class', 'demo-link demo-front');
          continue;
        }
        rewrite(child, href, slide);
        if (!child.attrGet('data-demo-error')) child.attrSet('data-short', shortCode(slide, linksOnSlide++));
      }
      if (handoutBase) token.children = asHandoutLinks(token.children, handoutBase, state);
      else if (audienceBase) token.children = asHandoutLinks(token.children, audienceBase, state, isFrontPageLink);
    }
  });
}

/** The image form of a demo reference in the text (not a background image: those are figures). */
const isEmbed = (token: Token) => token.type === 'image' && !token.hidden && (token.attrGet('src') ?? '').startsWith(DEMO_SCHEME);

/** The image form becomes a link (its alt text the label) marked for embedding. */
function embedAsLink(image: Token, state: CoreState): Token[] {
  const open = new state.Token('link_open', 'a', 1);
  open.attrSet('href', image.attrGet('src') ?? '');
  open.attrSet('class', 'demo-embed');
  const text = new state.Token('text', '', 0);
  text.content = image.content;
  return [open, text, new state.Token('link_close', 'a', -1)];
}

function rewrite(link: Token, reference: string, slide: number): void {
  link.attrJoin('class', 'demo-link');
  const problem = demoReferenceProblem(reference, slide);
  if (problem) {
    link.attrSet('href', '#');
    link.attrSet('data-demo-error', problem);
    return;
  }
  const href = demoHref(demoEntry(reference.slice(DEMO_SCHEME.length) as DemoId), slide);
  link.attrSet('href', href);
  if (/\bdemo-embed\b/.test(link.attrGet('class') ?? '')) link.attrSet('data-embed', embedHref(href, slide));
}

/**
 * What the HTML deck loads in the slide: the same state, laid out for the box (embed=1), and kept in
 * step with the same slide's demo in the deck's other windows, presenter view and audience (sync).
 */
export const embedHref = (href: string, slide: number): string => `${href}&embed=1&sync=slide-${slide}`;

/** A link written straight to `demos/<id>/…` (raw HTML): it must be exactly the link `demo:<id>` makes on this slide. */
export function demoLinkProblem(url: string, slide: number): string | null {
  const id = /^demos\/([^/?#]*)/.exec(url)?.[1] ?? '';
  const problem = demoReferenceProblem(DEMO_SCHEME + id, slide);
  if (problem) return `link ${url}: ${problem}`;
  const expected = demoHref(demoEntry(id as DemoId), slide);
  return url === expected
    ? null
    : `link ${url} does not open the state src/demos/registry.ts gives slide ${slide} (${expected}); write [▶ ライブデモ](${DEMO_SCHEME}${id})`;
}

/**
 * Demo links in a handout (PDF, PPTX, PNG made with a public address): each becomes its QR code, its
 * label and its printed short address (`example.org/talk/go/19`, short-links.ts), all one link, so a
 * printed page and a phone in the audience reach the demo too. `which` picks the links: in the HTML deck
 * built with a public address, only the summary's link to the front page (DECK_AUDIENCE_BASE).
 */
function asHandoutLinks(children: Token[], base: string, state: CoreState, which: (link: Token) => boolean = () => true): Token[] {
  const result: Token[] = [];
  for (let i = 0; i < children.length; i++) {
    const open = children[i];
    const isDemoLink =
      open.type === 'link_open' && /\bdemo-link\b/.test(open.attrGet('class') ?? '') && !open.attrGet('data-demo-error') && which(open);
    const close = isDemoLink ? children.findIndex((token, j) => j > i && token.type === 'link_close') : -1;
    if (close < 0) {
      result.push(open);
      continue;
    }
    const url = new URL(open.attrGet('href') ?? '', base);
    open.attrJoin('class', 'demo-handout');
    result.push(
      open,
      markup(state, `${qrSvg(url.href)}<span class="demo-handout-text"><span class="demo-handout-label">`),
      ...children.slice(i + 1, close),
      markup(state, `</span>${printedAddressHtml(printedAddress(base, open))}</span>`),
      children[close],
    );
    i = close;
  }
  return result;
}

/** The link to the demos' front page (`demo:index`, the summary slide's). */
const isFrontPageLink = (link: Token): boolean => /\bdemo-front\b/.test(link.attrGet('class') ?? '');

/** A demo link's short address; the front page's is the site's own (host and path, no scheme). */
function printedAddress(base: string, link: Token): string {
  const code = link.attrGet('data-short');
  if (code) return printedShortAddress(base, code);
  const url = new URL(base);
  return `${url.host}${url.pathname}`;
}

/**
 * The printed address on one line, or where its box is too narrow (two links side by side, a long
 * host), broken after a slash of the site's address and nowhere else: `go/19` stays whole.
 */
function printedAddressHtml(address: string): string {
  const short = address.lastIndexOf(`${SHORT_LINKS_FOLDER}/`);
  const cut = short < 0 ? address.length : short;
  const parts = [...(address.slice(0, cut).match(/[^/]*\//g) ?? []), address.slice(cut)];
  return `<span class="demo-handout-url">${parts.map((part) => `<span>${escapeHtml(part)}</span>`).join('<wbr>')}</span>`;
}

function markup(state: CoreState, content: string): Token {
  const token = new state.Token('demo_markup', '', 0);
  token.content = content;
  return token;
}

/** A QR code as SVG (one path of dark modules, with the 4-module quiet zone the standard asks for). */
export function qrSvg(text: string): string {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const quiet = 4;
  const size = modules.size + 2 * quiet;
  let path = '';
  for (let y = 0; y < modules.size; y++) {
    for (let x = 0; x < modules.size; x++) if (modules.get(y, x)) path += `M${x + quiet} ${y + quiet}h1v1h-1z`;
  }
  return `<svg class="demo-qr" viewBox="0 0 ${size} ${size}" role="img" aria-label="QR"><rect width="${size}" height="${size}" fill="#fff"/><path d="${path}" fill="#000"/></svg>`;
}

const escapeHtml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * Slide figures that are demos, `![bg right:60%](demo:training)`: the figure area is where the HTML
 * deck runs the demo live (the figure gets `data-embed`; it draws nothing itself). In an export a
 * slide with a live demo, in either form, shows that demo's still picture (demo-stills.ts) as its
 * figure. A slide's figure tokens come before the slide's own section.
 */
function showDemoFigures(tokens: Token[]): void {
  const stills = JSON.parse(process.env[DEMO_STILLS_ENV] ?? '{}') as Record<string, string>;
  let figures: Token[] = [];
  for (const token of tokens) {
    if (token.type === 'marpit_advanced_background_image_open') figures.push(token);
    if (token.type !== 'marpit_slide_open') continue;
    const slide = Number((token.meta as { marpitSlide?: number }).marpitSlide ?? 0) + 1;
    for (const figure of figures) {
      const style = figure.attrGet('style') ?? '';
      const reference = /url\("(demo:[^"]*)"\)/.exec(style)?.[1];
      if (reference) markDemoFigure(figure, reference, slide);
      const still = stills[slide];
      if (still || reference) {
        figure.attrSet('style', style.replace(/url\("[^"]*"\)/, `url("${still ?? DEMO_PLACEHOLDER}")`));
      }
    }
    figures = [];
  }
}

/**
 * What a figure that is a demo shows where the demo cannot run (a deck opened from disk) and until it
 * runs: a pale panel with a play sign (no text: a background picture cannot use the deck's fonts).
 */
const DEMO_PLACEHOLDER = `data:image/svg+xml,${encodeURIComponent(
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 160 90"><rect width="160" height="90" fill="#eef2f8"/>' +
    '<circle cx="80" cy="45" r="16" fill="#1d4ed8"/><path d="M74 36v18l15-9z" fill="#fff"/></svg>',
)}`;

function markDemoFigure(figure: Token, reference: string, slide: number): void {
  const problem = demoReferenceProblem(reference, slide);
  if (problem) {
    figure.attrSet('data-demo-error', problem);
    return;
  }
  const demo = demoEntry(reference.slice(DEMO_SCHEME.length) as DemoId);
  figure.attrSet('data-embed', embedHref(demoHref(demo, slide), slide));
  figure.attrSet('data-demo-title', demo.title.ja);
}
