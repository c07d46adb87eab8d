import { DEMO_IDS, type DemoId, demoEntry, demoHref, slidesOf } from '../demos/registry.ts';
import { DEMO_SCHEMAS } from '../demos/schemas.ts';
import { pageSchema } from '../ui/page-schema.ts';
import { readState } from '../ui/url-state/index.ts';

/**
 * Demo references in the deck: a link whose address is `demo:<id>` (`[▶ ライブデモ](demo:descent)`)
 * becomes the link to that demo in the state src/demos/registry.ts gives for the slide it is on,
 * with class `demo-link`. A reference the registry cannot answer (unknown demo, a slide the demo
 * does not list, a state its URL schema rejects) is rendered with `data-demo-error`, which
 * validate-deck.ts reports with the slide, so the build stops.
 */
export const DEMO_SCHEME = 'demo:';

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
  meta?: unknown;
  children: Token[] | null;
  attrGet(name: string): string | null;
  attrSet(name: string, value: string): void;
  attrJoin(name: string, value: string): void;
}

/** What the plugin needs of markdown-it (Marp's parser). */
interface MarkdownIt {
  core: { ruler: { push(name: string, rule: (state: { tokens: Token[] }) => void): void } };
}

/** The markdown-it plugin (marp.config.mjs uses it): runs after Marp has split the slides. */
export function demoReferences(md: MarkdownIt): void {
  md.core.ruler.push('demo_references', (state) => {
    let slide = 0;
    for (const token of state.tokens) {
      if (token.type === 'marpit_slide_open') slide = Number((token.meta as { marpitSlide?: number }).marpitSlide ?? 0) + 1;
      for (const child of token.children ?? []) {
        const href = child.type === 'link_open' ? child.attrGet('href') : null;
        if (href?.startsWith(DEMO_SCHEME)) rewrite(child, href, slide);
      }
    }
  });
}

function rewrite(link: Token, reference: string, slide: number): void {
  link.attrJoin('class', 'demo-link');
  const problem = demoReferenceProblem(reference, slide);
  if (problem) {
    link.attrSet('href', '#');
    link.attrSet('data-demo-error', problem);
    return;
  }
  link.attrSet('href', demoHref(demoEntry(reference.slice(DEMO_SCHEME.length) as DemoId), slide));
}

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
