import type { Page } from 'playwright-core';

/**
 * Where the lines of a rendered slide break, and which of those breaks fall inside a word.
 *
 * The page side cuts the slide's text into runs: the text one block lays out in one flow (a
 * paragraph, a list item, a heading, a table cell, the footer), across inline elements such as
 * <strong> and <a>. An atomic inline (KaTeX math, an inline-block, a picture) or a <br> ends a run,
 * since a line may always break beside it. KaTeX internals and the handout boxes (QR code, printed
 * address) are left out. For each run it reports the pairs of neighbouring visible characters that
 * were drawn on different lines.
 *
 * The Node side reads those breaks against Intl.Segmenter('ja', { granularity: 'word' }): a break is
 * within a word when no word boundary lies between the two characters. Phrase (bunsetsu) boundaries,
 * where `word-break: auto-phrase` breaks, are word boundaries; so are spaces and punctuation.
 */
export interface TextRunBreaks {
  /** The run's block and first words, for messages: `<li> "入力に近い層は、…"`. */
  block: string;
  text: string;
  /** [last visible character of a line, first visible character of the next], as UTF-16 indices into `text`. */
  breaks: [number, number][];
}

/** Selectors of what the test does not read: math typeset by KaTeX and the handout's QR boxes. */
const SKIPPED = '.katex, .katex-display, a.demo-handout, script, style, svg, img, br';

/** The runs of text on slide `slideIndex` (0-based; its content layer, laid out), with their line breaks. */
export function lineBreaksOfSlide(page: Page, slideIndex: number): Promise<TextRunBreaks[]> {
  return page.evaluate(
    ({ index, skipped }): TextRunBreaks[] => {
      const svg = document.querySelectorAll('svg[data-marpit-svg]')[index]!;
      const content =
        svg.querySelector<HTMLElement>('section[data-marpit-advanced-background="content"]') ??
        svg.querySelector<HTMLElement>(':scope > foreignObject > section')!;
      const snippet = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim().slice(0, 24);

      interface Glyph {
        at: number;
        rect: DOMRect;
      }
      interface Run {
        block: Element;
        text: string;
        glyphs: Glyph[];
      }
      const runs: Run[] = [];
      let current: Run | null = null;
      const flush = () => {
        if (current?.text.trim()) runs.push(current);
        current = null;
      };

      const addText = (node: Text, block: Element) => {
        current ??= { block, text: '', glyphs: [] };
        const run: Run = current;
        const data = node.data;
        const range = document.createRange();
        for (let k = 0; k < data.length; ) {
          const char = String.fromCodePoint(data.codePointAt(k)!);
          if (!/\s/.test(char)) {
            range.setStart(node, k);
            range.setEnd(node, k + char.length);
            const rect = Array.from(range.getClientRects()).find((r) => r.width > 0 && r.height > 0);
            if (rect) run.glyphs.push({ at: run.text.length + k, rect });
          }
          k += char.length;
        }
        run.text += data;
      };

      const walk = (element: Element, block: Element) => {
        for (const child of Array.from(element.childNodes)) {
          if (child.nodeType === Node.TEXT_NODE) {
            addText(child as Text, block);
            continue;
          }
          if (!(child instanceof Element)) continue;
          const style = getComputedStyle(child);
          if (child.matches(skipped) || style.display === 'none' || style.display === 'contents') {
            if (style.display === 'contents') walk(child, block);
            else flush();
            continue;
          }
          if (style.display === 'inline') {
            walk(child, block);
          } else {
            // A block, table cell, list item or atomic inline: a flow of its own.
            flush();
            walk(child, child);
            flush();
          }
        }
      };
      walk(content, content);
      flush();

      return runs.map((run) => {
        const breaks: [number, number][] = [];
        for (let g = 1; g < run.glyphs.length; g++) {
          const before = run.glyphs[g - 1]!;
          const after = run.glyphs[g]!;
          const beforeMiddle = (before.rect.top + before.rect.bottom) / 2;
          const afterMiddle = (after.rect.top + after.rect.bottom) / 2;
          // Left to right within a line: the next line starts further left and lower down.
          const lower = afterMiddle - beforeMiddle > Math.min(before.rect.height, after.rect.height) / 2;
          if (lower && after.rect.left < before.rect.right - 1) breaks.push([before.at, after.at]);
        }
        return {
          block: `<${run.block.tagName.toLowerCase()}> "${snippet(run.text)}"`,
          text: run.text,
          breaks,
        };
      });
    },
    { index: slideIndex, skipped: SKIPPED },
  );
}

export interface WordBreak {
  block: string;
  /** The word the line break falls in. */
  word: string;
  /** The text around the break, with '/' where the line ends: 「…の勾/配を…」. */
  shown: string;
}

const wordSegmenter = new Intl.Segmenter('ja', { granularity: 'word' });

/** The breaks of `run` that fall inside a word (no word boundary between the two characters). */
export function breaksInsideWords(run: TextRunBreaks): WordBreak[] {
  const segments = Array.from(wordSegmenter.segment(run.text));
  const boundaries = new Set(segments.map((segment) => segment.index));
  const found: WordBreak[] = [];
  for (const [last, first] of run.breaks) {
    let boundary = false;
    for (let at = last + 1; at <= first && !boundary; at++) boundary = boundaries.has(at);
    if (boundary) continue;
    // The segment the line's last character belongs to; it runs on past the break.
    const word = segments.filter((segment) => segment.index <= last).at(-1)!;
    const line = run.text.slice(Math.max(0, last - 8), first).replace(/\s+/g, ' ');
    const next = run.text.slice(first, first + 8).replace(/\s+/g, ' ');
    found.push({ block: run.block, word: word.segment, shown: `${line}/${next}` });
  }
  return found;
}
