import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type SlideHtml, slidesOf } from '../../src/deck/built-slides.ts';
import { deckExports } from './deck-exports.ts';
import { projectRoot } from './run-deck-cli.ts';
import { textOf } from './slide-html.ts';

const deckFile = join(projectRoot, 'slides/deck.md');
const seedSlideCount = 26;
/** Slides the deck adds to the talk as written: 25, 「20層で比べる」, with the training lab live in it, and 26, 「まとめ」. */
const addedSlides = 2;

/** Slides as the Markdown itself separates them: thematic breaks outside front matter and code fences. */
function slideCountOfMarkdown(markdown: string): number {
  const body = markdown.replace(/^---\r?\n[\s\S]*?\r?\n---\r?\n/, '').replace(/^(```|~~~)[\s\S]*?^\1/gm, '');
  return body.split(/\r?\n/).filter((line) => /^ {0,3}([-*_])( *\1){2,} *$/.test(line)).length + 1;
}

describe('npm run build:deck: dist/deck.html', () => {
  let html = '';
  let slides: SlideHtml[] = [];
  let outDir = '';

  beforeAll(() => {
    outDir = deckExports().outDir;
    html = readFileSync(join(outDir, 'deck.html'), 'utf8');
    slides = slidesOf(html);
  });

  it('reports each file it wrote', () => {
    const { stdout } = deckExports();
    expect(stdout).toContain(`wrote ${join(outDir, 'deck.html')}`);
    expect(stdout).toMatch(/wrote .*img\/ \(\d+ files\)/);
    expect(stdout).toMatch(/wrote .*fonts\/ \(\d+ files\)/);
  });

  it(`has ${seedSlideCount + addedSlides} slides, as many as the Markdown's slide breaks make`, () => {
    const markdown = readFileSync(deckFile, 'utf8');
    expect(slides.map((slide) => slide.number)).toEqual(slides.map((_, index) => index + 1));
    expect(slides).toHaveLength(slideCountOfMarkdown(markdown));
    expect(slides).toHaveLength(seedSlideCount + addedSlides);
  });

  it('emphasizes, on each section divider, exactly the agenda item its heading names', () => {
    const dividers = slides.filter((slide) => slide.classes.includes('semititle'));
    expect(dividers.length).toBeGreaterThan(0);
    for (const divider of dividers) {
      const heading = textOf(/<h1\b[^>]*>([\s\S]*?)<\/h1>/.exec(divider.html)?.[1] ?? '');
      const items = [...divider.html.matchAll(/<li>([\s\S]*?)<\/li>/g)].map(([, item = '']) => item);
      const emphasized = items.filter((item) => /<strong>/.test(item)).map(textOf);
      expect({ slide: divider.number, emphasized }).toEqual({ slide: divider.number, emphasized: [heading] });
    }
  });

  it('references only pictures that exist, in the Markdown and in the built HTML', () => {
    const markdown = readFileSync(deckFile, 'utf8');
    // The image form of a demo reference (demo:<id>) is a live demo, not a picture.
    const written = [...markdown.matchAll(/!\[[^\]]*\]\(([^)\s]+)/g)].map(([, url = '']) => url).filter((url) => !url.startsWith('demo:'));
    expect(written.length).toBeGreaterThan(0);
    expect(written.filter((url) => !existsSync(resolve(dirname(deckFile), decodeURI(url))))).toEqual([]);

    const built = [...html.replace(/<script\b[\s\S]*?<\/script>/g, '').matchAll(/url\((?:&quot;|["'])?([^"')&]+)/g)]
      .map(([, url = '']) => url)
      .filter((url) => !url.startsWith('data:'));
    expect(built.filter((url) => url.startsWith('img/')).length).toBeGreaterThan(0);
    expect(built.filter((url) => !existsSync(join(outDir, decodeURI(url))))).toEqual([]);
  });

  it('typesets every formula (no .katex-error)', () => {
    expect(html).toContain('class="katex"');
    expect(html).not.toContain('katex-error');
  });
});
