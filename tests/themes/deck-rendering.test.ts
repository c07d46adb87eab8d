// @vitest-environment node
import type { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { palette } from '../../src/ui/palette.ts';
import { type DeckSession, openDeck, SLIDE, screenshotBehindText, showSlide } from './deck-page.ts';
import { type Box, probeSlide, type SlideReport, type TextRun } from './slide-probe.ts';
import { composite, contrastRatio, parseColor, type Rgba, requiredContrast } from './wcag.ts';

/**
 * The theme on the real deck, in Chromium at 1280x720 per slide. Every check
 * collects all offending slides first, so one run tells the deck's author
 * everything to fix.
 */
const MIN_BODY_TEXT_PX = 28;
/** Sub-pixel rounding of layout boxes. */
const TOLERANCE_PX = 1;
/**
 * Share of the pixels behind a line of text allowed below the required contrast:
 * anti-aliased edges of rounded shapes, not whole glyphs.
 */
const CONTRAST_PERCENTILE = 0.01;

interface RenderedSlide {
  report: SlideReport;
  behindText: PNG;
}

let session: DeckSession;
/** Why the deck could not be rendered (e.g. no Chromium): every test fails with it, none is skipped. */
let setupError: unknown;
const slides: RenderedSlide[] = [];
const fontsUsed: Record<string, { familyName: string; isCustomFont: boolean; glyphCount: number }[]> = {};
let loadedFaces: string[] = [];
/** The Latin middle dot of "DALL·E" (slide 4): its advance as a share of the font size. */
let middleDotEm: number | undefined;
/** Every item of the references slides (`_class: slides references`): its title, link and named source. */
let references: { slide: string; title: string; href: string; source: string; sourceColor: string; linkColor: string }[] = [];

beforeAll(async () => {
  try {
    await renderAllSlides();
  } catch (error) {
    setupError = error;
  }
}, 240_000);

afterAll(async () => {
  await session?.close();
});

function requireDeck(): void {
  if (setupError) throw new Error(`could not render the deck in Chromium: ${String(setupError)}`, { cause: setupError });
}

async function renderAllSlides(): Promise<void> {
  session = await openDeck();
  const { page } = session;
  loadedFaces = await page.evaluate(() =>
    Array.from(document.fonts)
      .filter((face) => face.status === 'loaded')
      .map((face) => face.family.replace(/["']/g, '')),
  );
  await probeFonts();
  references = await page.evaluate(() =>
    [...document.querySelectorAll('section.references > ul > li')].map((item) => {
      const link = item.querySelector('a');
      const source = item.querySelector('a ~ em');
      return {
        slide: item.closest('section')?.querySelector('h1')?.textContent ?? '',
        title: link?.textContent ?? item.textContent ?? '',
        href: link?.getAttribute('href') ?? '',
        source: source?.textContent?.trim() ?? '',
        sourceColor: source ? getComputedStyle(source).color : '',
        linkColor: link ? getComputedStyle(link).color : '',
      };
    }),
  );
  for (let i = 0; i < session.slideCount; i++) {
    await showSlide(page, i);
    slides.push({ report: await probeSlide(page, i), behindText: await screenshotBehindText(page) });
  }
}

/** Asks Chromium which font files actually drew a few typical runs of text. */
async function probeFonts(): Promise<void> {
  const { page } = session;
  const probes = {
    title: 'section.title[data-marpit-advanced-background="content"] h1, section.title:not([data-marpit-advanced-background]) h1',
    bodyText: 'section.slides li',
    math: 'section.slides .katex .mathnormal',
  };
  await page.evaluate((selectors) => {
    for (const [name, selector] of Object.entries(selectors)) {
      document.querySelector(selector)?.setAttribute('data-font-probe', name);
    }
    // Japanese inside math: KaTeX's own fonts have no such glyphs.
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.parentElement?.closest('.katex-html') && /[\u3040-\u30ff\u4e00-\u9fff]/.test(node.textContent ?? '')) {
        node.parentElement.setAttribute('data-font-probe', 'mathJapanese');
        break;
      }
    }
  }, probes);
  middleDotEm = await page.evaluate(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const at = node.textContent?.indexOf('DALL·E') ?? -1;
      const parent = node.parentElement;
      if (at < 0 || !parent || parent.closest('.katex, section[hidden], .bespoke-marp-note')) continue;
      parent.setAttribute('data-font-probe', 'middleDot');
      const dot = document.createRange();
      dot.setStart(node, at + 4);
      dot.setEnd(node, at + 5);
      return dot.getBoundingClientRect().width / Number.parseFloat(getComputedStyle(parent).fontSize);
    }
    return undefined;
  });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('DOM.enable');
  await cdp.send('CSS.enable');
  const { root } = await cdp.send('DOM.getDocument', { depth: -1, pierce: true });
  for (const name of [...Object.keys(probes), 'mathJapanese', 'middleDot']) {
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: `[data-font-probe="${name}"]` });
    if (!nodeId) continue;
    const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
    fontsUsed[name] = fonts;
  }
  await cdp.detach();
}

function describeSlide(report: SlideReport): string {
  return `slide ${report.number} (${report.classes.join(' ') || 'no class'}) 「${report.title}」`;
}

function intersects(a: Box, b: Box): boolean {
  return (
    a.left < b.right - TOLERANCE_PX && b.left < a.right - TOLERANCE_PX && a.top < b.bottom - TOLERANCE_PX && b.top < a.bottom - TOLERANCE_PX
  );
}

/** How far `inner` sticks out of `outer`, per side, in px (0 when inside). */
function overhang(inner: Box, outer: Box): { top: number; right: number; bottom: number; left: number } {
  return {
    top: Math.max(0, outer.top - inner.top),
    right: Math.max(0, inner.right - outer.right),
    bottom: Math.max(0, inner.bottom - outer.bottom),
    left: Math.max(0, outer.left - inner.left),
  };
}

/** Contrast of `run` against the pixels behind its line boxes, at the low percentile. */
function measuredContrast(run: TextRun, behind: PNG): number {
  const text = parseColor(run.color);
  // Backgrounds are mostly flat: count each colour once, then rank the few distinct ones.
  const pixelCounts = new Map<number, number>();
  for (const rect of run.rects) {
    const [x0, y0] = [Math.max(0, Math.ceil(rect.left)), Math.max(0, Math.ceil(rect.top))];
    const [x1, y1] = [Math.min(behind.width, Math.floor(rect.right)), Math.min(behind.height, Math.floor(rect.bottom))];
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        const at = (y * behind.width + x) * 4;
        const rgb = (behind.data[at]! << 16) | (behind.data[at + 1]! << 8) | behind.data[at + 2]!;
        pixelCounts.set(rgb, (pixelCounts.get(rgb) ?? 0) + 1);
      }
    }
  }
  const ranked = [...pixelCounts].map(([rgb, count]) => {
    const pixel: Rgba = [(rgb >> 16) & 0xff, (rgb >> 8) & 0xff, rgb & 0xff, 1];
    return { ratio: contrastRatio(composite(text, pixel), pixel), count };
  });
  ranked.sort((a, b) => a.ratio - b.ratio);
  const total = ranked.reduce((sum, { count }) => sum + count, 0);
  let seen = 0;
  for (const { ratio, count } of ranked) {
    seen += count;
    if (seen > total * CONTRAST_PERCENTILE) return ratio;
  }
  return Infinity;
}

function opaqueBackground(chain: string[]): Rgba {
  // Innermost first: paint from the outermost (or white paper) inwards.
  return chain.map(parseColor).reduceRight<Rgba>((under, over) => composite(over, under), [255, 255, 255, 1]);
}

const round = (n: number) => Math.round(n * 10) / 10;

describe('theme "sample" on slides/deck.md', { timeout: 60_000 }, () => {
  it('renders every slide and fetches nothing from outside the machine', () => {
    requireDeck();
    expect(session.slideCount).toBeGreaterThan(0);
    expect(slides).toHaveLength(session.slideCount);
    expect(session.foreignRequests).toEqual([]);
    if (session.missingFiles.length > 0) {
      console.warn(
        `theme test: files the deck refers to are missing (not a theme failure): ${[...new Set(session.missingFiles)].join(', ')}`,
      );
    }
  });

  it('draws Japanese text (also inside math) with the bundled Noto Sans JP and math with KaTeX fonts', () => {
    requireDeck();
    expect(loadedFaces).toContain('Noto Sans JP');
    expect(loadedFaces).toEqual(expect.arrayContaining(['KaTeX_Main', 'KaTeX_Math']));
    for (const name of ['title', 'bodyText', 'mathJapanese'] as const) {
      const fonts = fontsUsed[name];
      expect(fonts, `${name}: no text found to probe`).toBeDefined();
      // The fontsource files name themselves after the variable font's first instance ("Noto Sans JP Thin").
      for (const font of fonts!) {
        expect(font.familyName, name).toMatch(/^Noto Sans JP\b/);
        expect(font.isCustomFont, `${name}: ${font.familyName} is a web font`).toBe(true);
      }
    }
    expect(
      fontsUsed.math?.map((f) => f.familyName),
      'math',
    ).toEqual(['KaTeX_Math']);
  });

  it('draws the Latin middle dot of "DALL·E" narrow, from the Latin Noto Sans, not as Noto Sans JP\'s wide dot', () => {
    requireDeck();
    const fonts = fontsUsed.middleDot;
    expect(fonts, 'no "DALL·E" found on the slides').toBeDefined();
    expect(
      fonts!.filter((font) => /^Noto Sans(?! JP)\b/.test(font.familyName) && font.isCustomFont).map((font) => font.glyphCount),
    ).toEqual([1]);
    // Noto Sans JP's dot advances 0.56 em; a Latin one about 0.27 em.
    expect(middleDotEm).toBeLessThan(0.35);
  });

  it('names the site of every reference beside its link, in a colour apart from the link, so a printed handout says where to look', () => {
    requireDeck();
    expect(new Set(references.map((reference) => reference.slide))).toEqual(new Set(['参考', '参考(画像生成系)']));
    const unnamed = references.filter(({ href, source }) => !/^https?:\/\//.test(href) || source === '');
    expect(unnamed.map(({ slide, title }) => `${slide}: ${title}`)).toEqual([]);
    for (const { sourceColor, linkColor } of references) expect(sourceColor).not.toBe(linkColor);
  });

  it('the theme classes are applied: one title slide first, semititle dividers, slides for content', () => {
    requireDeck();
    const classes = slides.map(({ report }) => report.classes);
    expect(classes[0]).toContain('title');
    expect(classes.filter((c) => c.includes('semititle')).length).toBeGreaterThan(0);
    expect(classes.filter((c) => c.includes('slides')).length).toBeGreaterThan(0);
  });

  it(`(1) body text (p, li) is at least ${MIN_BODY_TEXT_PX}px on every slide`, () => {
    requireDeck();
    const tooSmall = slides.flatMap(({ report }) =>
      report.bodyText.filter((t) => t.fontSize < MIN_BODY_TEXT_PX).map((t) => `${describeSlide(report)}: ${t.label} is ${t.fontSize}px`),
    );
    expect(tooSmall).toEqual([]);
  });

  it('(2) every run of text reaches WCAG AA against what is painted behind it; body text 4.5:1 even when large', () => {
    requireDeck();
    const failures: string[] = [];
    for (const { report, behindText } of slides) {
      for (const run of report.texts) {
        const required = Math.max(requiredContrast(run.fontSize, run.fontWeight), run.body ? 4.5 : 0);
        const ratio = measuredContrast(run, behindText);
        if (ratio < required) failures.push(`${describeSlide(report)}: ${run.label} ${round(ratio)}:1 < ${required}:1`);
      }
      for (const pseudo of report.pseudoTexts) {
        const required = requiredContrast(pseudo.fontSize, pseudo.fontWeight);
        const ratio = contrastRatio(
          composite(parseColor(pseudo.color), opaqueBackground(pseudo.backgrounds)),
          opaqueBackground(pseudo.backgrounds),
        );
        if (ratio < required) failures.push(`${describeSlide(report)}: ${pseudo.label} ${round(ratio)}:1 < ${required}:1`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('(2) the title slide is measured against its darkened picture, not a guess', () => {
    requireDeck();
    const title = slides[0]!;
    expect(title.report.texts.length).toBeGreaterThan(0);
    for (const run of title.report.texts) expect(measuredContrast(run, title.behindText), run.label).toBeGreaterThanOrEqual(4.5);
  });

  it('(3) no slide overflows 1280x720, runs into its padding (footer, page number) or under a split picture', () => {
    requireDeck();
    const failures: string[] = [];
    for (const { report } of slides) {
      const { scroll } = report;
      expect(report.section.right - report.section.left).toBeLessThanOrEqual(SLIDE.width);
      if (scroll.scrollHeight > scroll.clientHeight + TOLERANCE_PX) {
        failures.push(
          `${describeSlide(report)}: content overflows the slide (scrollHeight ${scroll.scrollHeight}px > ${scroll.clientHeight}px)`,
        );
      }
      if (scroll.scrollWidth > scroll.clientWidth + TOLERANCE_PX) {
        failures.push(
          `${describeSlide(report)}: content overflows the slide (scrollWidth ${scroll.scrollWidth}px > ${scroll.clientWidth}px)`,
        );
      }
      const worst = { top: 0, right: 0, bottom: 0, left: 0 };
      let worstLabel = '';
      const boxes = [
        ...report.elements.map((element) => ({ ...element, isText: false })),
        ...report.texts.filter((run) => !run.inChrome).flatMap((run) => run.rects.map((box) => ({ label: run.label, box, isText: true }))),
      ];
      for (const { label, box, isText } of boxes) {
        const out = overhang(box, report.contentBox);
        // A glyph run's box is the font's ascent + descent, taller than its line: only its width counts here.
        if (isText) [out.top, out.bottom] = [0, 0];
        const sides = Object.keys(worst) as (keyof typeof worst)[];
        if (sides.some((side) => out[side] > TOLERANCE_PX && out[side] > worst[side])) worstLabel = label;
        for (const side of sides) worst[side] = Math.max(worst[side], out[side]);
        if (isText) continue; // a run lies inside its element; its width was checked above
        if (report.splitArea && intersects(box, report.splitArea))
          failures.push(`${describeSlide(report)}: ${label} lies under the split picture`);
        if (report.footer && intersects(box, report.footer)) failures.push(`${describeSlide(report)}: ${label} overlaps the footer`);
      }
      const sticking = Object.entries(worst).filter(([, px]) => px > TOLERANCE_PX);
      if (sticking.length > 0) {
        failures.push(
          `${describeSlide(report)}: content leaves the content area by ${sticking.map(([side, px]) => `${round(px)}px at the ${side}`).join(', ')} (e.g. ${worstLabel})`,
        );
      }
    }
    expect(failures).toEqual([]);
  });

  it('(5) each section divider emphasizes exactly one agenda item, the current one', () => {
    requireDeck();
    const primary = parseColor(palette.primary);
    const muted = parseColor(palette.muted);
    const dividers = slides.filter(({ report }) => report.classes.includes('semititle'));
    expect(dividers.length).toBeGreaterThan(0);
    for (const { report } of dividers) {
      const where = describeSlide(report);
      expect(report.agenda.length, `${where}: agenda items`).toBeGreaterThanOrEqual(2);
      const current = report.agenda.filter((item) => item.hasStrong);
      expect(current, `${where}: items written **bold**`).toHaveLength(1);
      const emphasized = report.agenda.filter((item) => item.fontWeight >= 700 && parseColor(item.color).join() === primary.join());
      expect(
        emphasized.map((i) => i.text),
        `${where}: emphasized items`,
      ).toEqual(current.map((i) => i.text));
      for (const other of report.agenda.filter((item) => !item.hasStrong)) {
        expect(parseColor(other.color), `${where}: ${other.text}`).toEqual(muted);
        expect(other.fontWeight, `${where}: ${other.text}`).toBeLessThan(700);
        expect(other.fontSize, `${where}: ${other.text}`).toBeLessThan(current[0]!.fontSize);
      }
    }
  });
});
