import type { CDPSession } from 'playwright-core';
import { type Problem, type Verdict, verdictOf } from './verdicts.ts';

/**
 * Which fonts a page really draws with. `document.fonts` says which bundled faces loaded; Chrome's
 * DevTools protocol (`CSS.getPlatformFontsForNode`) says which font drew each run of text. This
 * machine has no Japanese font of its own, so a Noto Sans JP file the site lacks shows up as text
 * drawn in a system font (not a web font), and a missing KaTeX file as math drawn in one.
 */

/** A node of `DOM.getDocument`. */
export interface DomNode {
  nodeId: number;
  nodeType: number;
  nodeName: string;
  nodeValue: string;
  attributes?: string[];
  children?: DomNode[];
  contentDocument?: DomNode;
  documentURL?: string;
}

/** A run of text on the page (a text node): Japanese or Latin, or KaTeX's drawn math. */
export interface TextRun {
  readonly nodeId: number;
  readonly text: string;
  readonly math: boolean;
}

/** One font that drew part of a node's text. */
interface PlatformFont {
  familyName: string;
  isCustomFont: boolean;
  glyphCount: number;
}

export const JAPANESE = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}]/u;
/**
 * Characters of a run that Noto Sans JP may lack (Φ, α, ₀, ∂, ‖): a system draws them from a font of
 * its own, as it would on the presenter's laptop, so those alone in a system font are no fault.
 */
const BEYOND_NOTO = /[^\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{ASCII}\u3000-\u303f\uff00-\uffef]/gu;
const NOT_DRAWN = new Set(['SCRIPT', 'STYLE', 'TITLE', 'NOSCRIPT', 'TEMPLATE']);

export async function domTree(cdp: CDPSession): Promise<DomNode> {
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  // pierce: the documents of frames too (the deck's live demos).
  return ((await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: DomNode }).root;
}

export const attribute = (node: DomNode, name: string): string | undefined => {
  const list = node.attributes ?? [];
  for (let i = 0; i < list.length; i += 2) if (list[i] === name) return list[i + 1];
  return undefined;
};

/** The nodes under `root` (not inside frames) that `match`, in document order. */
export function nodesWhere(root: DomNode, match: (node: DomNode) => boolean): DomNode[] {
  const found: DomNode[] = [];
  const visit = (node: DomNode) => {
    if (match(node)) found.push(node);
    node.children?.forEach(visit);
  };
  visit(root);
  return found;
}

/** The runs of text under `root` that are drawn (KaTeX's MathML copy is for screen readers, not drawn). */
export function textRuns(root: DomNode): TextRun[] {
  const runs: TextRun[] = [];
  const visit = (node: DomNode, math: boolean) => {
    if (NOT_DRAWN.has(node.nodeName)) return;
    const classes = attribute(node, 'class') ?? '';
    if (/\bkatex-mathml\b/.test(classes)) return;
    if (node.nodeType === 3 && node.nodeValue.trim()) runs.push({ nodeId: node.nodeId, text: node.nodeValue.trim(), math });
    for (const child of node.children ?? []) visit(child, math || /\bkatex-html\b/.test(classes));
  };
  visit(root, false);
  return runs;
}

/** A few runs of Japanese text and of math: enough on a demo page, whose text is the kit's. */
export function sampleRuns(runs: readonly TextRun[], each = 6): TextRun[] {
  const japanese = runs.filter((run) => !run.math && JAPANESE.test(run.text)).slice(0, each);
  return [...japanese, ...runs.filter((run) => run.math).slice(0, each)];
}

/** What the fonts of a page (or of one slide) came to: what a verdict is made of. */
export interface FontFindings {
  /** CSS family names of the faces that loaded. */
  readonly loaded: ReadonlySet<string>;
  /** Runs drawn (with at least one font): Japanese text, math, all. */
  japanese: number;
  math: number;
  drawn: number;
  /** Runs of Japanese text or math drawn in part in a font of this machine: where, which font, and the text. */
  readonly fallbacks: { slide: number | null; family: string; math: boolean; text: string }[];
}

export const noFindings = (loaded: ReadonlySet<string> = new Set()): FontFindings => ({
  loaded,
  japanese: 0,
  math: 0,
  drawn: 0,
  fallbacks: [],
});

/** Asks Chrome which fonts drew each run, adding to `findings` (a run not laid out, hidden, draws nothing). */
export async function readFonts(cdp: CDPSession, runs: readonly TextRun[], slide: number | null, findings: FontFindings): Promise<void> {
  for (const run of runs) {
    const { fonts } = (await cdp.send('CSS.getPlatformFontsForNode', { nodeId: run.nodeId })) as { fonts: PlatformFont[] };
    if (fonts.length === 0) continue;
    findings.drawn += 1;
    if (run.math) findings.math += 1;
    else if (JAPANESE.test(run.text)) findings.japanese += 1;
    const system = fonts.filter((font) => !font.isCustomFont);
    const systemGlyphs = system.reduce((sum, font) => sum + font.glyphCount, 0);
    // The fault this looks for: Japanese text or math drawn in a font of this machine (a bundled file missing).
    const fault = run.math ? systemGlyphs > 0 : JAPANESE.test(run.text) && systemGlyphs > (run.text.match(BEYOND_NOTO) ?? []).length;
    if (fault) findings.fallbacks.push({ slide, family: system[0]?.familyName ?? '', math: run.math, text: run.text });
  }
}

/** The CSS families of the page's (or frame's) font faces that loaded, as the page script reads them. */
export const LOADED_FAMILIES = () =>
  [...document.fonts].filter((face) => face.status === 'loaded').map((face) => face.family.replace(/^["']|["']$/g, ''));

/** Bundled fonts loaded for what the page shows, and no run drawn in a font of this machine. */
export function fontVerdict(findings: FontFindings, slide: number | null, subject: string, rebuild: string): Verdict {
  const problems: Problem[] = [];
  const at = slide === null ? [] : [slide];
  if (findings.japanese > 0 && !findings.loaded.has('Noto Sans JP')) {
    problems.push({ slides: at, text: `${subject}: Noto Sans JP did not load: ${rebuild}` });
  }
  if (findings.math > 0 && !findings.loaded.has('KaTeX_Main')) {
    problems.push({ slides: at, text: `${subject}: KaTeX_Main did not load, so its math is in another font: ${rebuild}` });
  }
  const byFont = new Map<string, FontFindings['fallbacks']>();
  for (const fallback of findings.fallbacks) {
    const key = `${fallback.family}\n${fallback.math}`;
    byFont.set(key, [...(byFont.get(key) ?? []), fallback]);
  }
  for (const group of byFont.values()) {
    const { family, math, text } = group[0] ?? { family: '', math: false, text: '' };
    const bundled = math ? 'KaTeX' : 'Noto Sans JP';
    problems.push({
      slides: [...new Set(group.flatMap((fallback) => (fallback.slide === null ? [] : [fallback.slide])))],
      text:
        `${subject} draws ${math ? 'math' : 'Japanese text'} in ${family}, a font of this machine, not the bundled ${bundled} ` +
        `(e.g. 「${text.slice(0, 16)}」): a font file is missing from the site: ${rebuild}`,
    });
  }
  return verdictOf(problems);
}
