import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMOS } from '../../src/demos/registry.ts';
import { composite, contrastRatio, parseColor, type Rgba, requiredContrast } from '../themes/wcag.ts';
import { settle, useDemoPages } from './harness.ts';

/**
 * Every page of the site in real Chromium at 1280×720: all visible text reaches WCAG AA contrast,
 * keyboard focus is always visible, and every form control has an accessible name. On a phone, every
 * demo comes before its inputs and nothing scrolls sideways.
 * One browser and one dev server for the file.
 */
/** A page in one state: its URL query, and optionally a selector to play the demo until it shows. */
interface PageState {
  readonly query: string;
  readonly playUntil?: string;
}

/**
 * Each page with the element that shows it has drawn, and the states whose text is checked: the
 * default and, where a page shows more later (values revealed, another mode, an alarm), that state.
 */
const PAGES: readonly { name: string; path: string; ready: string; states: readonly PageState[] }[] = [
  { name: 'front page', path: '/', ready: '.demo-card', states: [{ query: '' }, { query: '?lang=en' }] },
  {
    name: 'activations',
    path: '/demos/activations/',
    ready: '.curve-plot svg.plot',
    states: [{ query: '' }, { query: '?show=sigmoid,tanh,relu,leakyRelu,elu,gelu,silu,softplus&x=2' }],
  },
  {
    name: 'gradient-chain',
    path: '/demos/gradient-chain/',
    ready: '.gc-column svg.plot',
    states: [{ query: '' }, { query: '?depth=30&init=he&z=sampled' }],
  },
  { name: 'backprop', path: '/demos/backprop/', ready: '.bp-graph .node', states: [{ query: '' }, { query: '?step=13&iter=3&focus=a' }] },
  {
    name: 'descent',
    path: '/demos/descent/',
    ready: '[data-testid=parabola] svg .drag-handle',
    states: [{ query: '' }, { query: '?alpha=1.1&k=5' }],
  },
  { name: 'composition', path: '/demos/composition/', ready: 'svg.plot', states: [{ query: '' }, { query: '?mode=linear&k=4' }] },
  {
    name: 'training',
    path: '/demos/training/',
    ready: '.tr-run [data-testid=layers] svg',
    // N(0, 1) weights: the ReLU run overflows within a few steps and shows its alarm badge.
    states: [
      { query: '' },
      { query: '?run1=relu&run2=tanh&run3=off&init=normal&lr=0.3', playUntil: '[data-testid=diverged]:not([hidden])' },
    ],
  },
];
const VIEWS = PAGES.flatMap(({ states, ...page }) => states.map((state) => ({ ...page, ...state, view: `${page.name}${state.query}` })));

// The first visit makes Vite transform every module of a page; the fixture does it for each page, not inside a test.
const [home, ...demos] = PAGES.map(({ path, ready }) => ({ path, readySelector: ready }));
const site = useDemoPages(home.path, home.readySelector, { alsoWarmUp: demos });

async function open(path: string, query: string, ready: string) {
  const opened = await site.open(query, {}, { path, readySelector: ready });
  await settle(opened.page);
  return opened;
}

/** One run of text as the page paints it: colours as computed, innermost background first. */
interface TextRun {
  readonly selector: string;
  readonly text: string;
  readonly color: string;
  /** Opacity of the text and its ancestors, multiplied (SVG: with fill-opacity). */
  readonly opacity: number;
  /** Background colours from the element outwards, up to and including the first opaque one. */
  readonly backgrounds: readonly string[];
  /** SVG text: the topmost filled shape painted under its centre, with its opacity. */
  readonly shape: { readonly color: string; readonly opacity: number } | null;
  readonly fontSize: number;
  readonly fontWeight: number;
}

/**
 * Every rendered element with a text node of its own. Skipped: elements not rendered or of zero
 * size, `visibility: hidden`, `opacity: 0`, SVG text with no fill colour, and text
 * clipped to nothing by an ancestor (the visually-hidden pattern, e.g. KaTeX's MathML copy).
 */
function visibleTextRuns(page: Page): Promise<TextRun[]> {
  return page.evaluate(() => {
    const selectorOf = (element: Element): string => {
      const parts: string[] = [];
      for (let node: Element | null = element; node && node !== document.body && parts.length < 4; node = node.parentElement) {
        const classes = [...node.classList]
          .slice(0, 2)
          .map((c) => `.${c}`)
          .join('');
        parts.unshift(node.id ? `#${node.id}` : `${node.localName}${classes}`);
        if (node.id) break;
      }
      return parts.join(' > ');
    };
    const clippedAway = (element: Element): boolean => {
      for (let node: Element | null = element; node; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (style.overflow === 'visible' && style.clip === 'auto') continue;
        const box = node.getBoundingClientRect();
        if (box.width <= 1 || box.height <= 1) return true;
      }
      return false;
    };
    const opacityOf = (element: Element, upTo: Element | null = null): number => {
      let opacity = element instanceof SVGElement ? Number(getComputedStyle(element).fillOpacity) : 1;
      for (let node: Element | null = element; node && node !== upTo; node = node.parentElement)
        opacity *= Number(getComputedStyle(node).opacity);
      return opacity;
    };
    // SVG has no background-color: text drawn on a shape (a node's disc, a bar) is read against that shape.
    const shapeUnder = (text: SVGElement): TextRun['shape'] => {
      let root = text.ownerSVGElement;
      while (root?.ownerSVGElement) root = root.ownerSVGElement;
      if (!root) return null;
      const box = text.getBoundingClientRect();
      const centre = new DOMPoint(box.x + box.width / 2, box.y + box.height / 2);
      let top: TextRun['shape'] = null;
      for (const shape of root.querySelectorAll<SVGGeometryElement>('rect, circle, ellipse, path, polygon')) {
        if (!(shape.compareDocumentPosition(text) & Node.DOCUMENT_POSITION_FOLLOWING)) continue;
        if (shape.closest('defs, clipPath, mask, marker, pattern, symbol')) continue; // never painted as such
        const fill = getComputedStyle(shape).fill;
        if (!fill.startsWith('rgb') || !shape.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
        const toShape = shape.getScreenCTM()?.inverse();
        if (!toShape || !shape.isPointInFill(centre.matrixTransform(toShape))) continue;
        top = { color: fill, opacity: opacityOf(shape, root) }; // later in the document is painted above
      }
      return top;
    };
    const runs: TextRun[] = [];
    for (const element of document.body.querySelectorAll('*')) {
      const ownText = [...element.childNodes]
        .filter((n) => n.nodeType === Node.TEXT_NODE)
        .map((n) => n.textContent ?? '')
        .join('')
        .replace(/[\s\u200b]+/g, ' ')
        .trim(); // KaTeX struts hold a zero-width space
      if (!ownText) continue;
      const box = element.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (!element.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
      if (clippedAway(element)) continue;
      const style = getComputedStyle(element);
      const isSvg = element instanceof SVGElement;
      const color = isSvg ? style.fill : style.color;
      if (!color.startsWith('rgb')) continue; // `none` paints no glyph; a paint server is not a colour
      const backgrounds: string[] = [];
      for (let node: Element | null = element; node; node = node.parentElement) {
        const background = getComputedStyle(node).backgroundColor;
        if (background === 'rgba(0, 0, 0, 0)' || background === 'transparent') continue;
        backgrounds.push(background);
        if (!background.startsWith('rgba')) break;
      }
      runs.push({
        selector: selectorOf(element),
        text: ownText.slice(0, 40),
        color,
        opacity: opacityOf(element),
        backgrounds,
        shape: element instanceof SVGElement ? shapeUnder(element) : null,
        fontSize: parseFloat(style.fontSize),
        fontWeight: Number(style.fontWeight),
      });
    }
    return runs;
  });
}

const WHITE: Rgba = [255, 255, 255, 1];
const translucent = (css: string, opacity: number): Rgba => {
  const [r, g, b, a] = parseColor(css);
  return [r, g, b, a * opacity];
};
const hex = ([r, g, b]: Rgba) => `#${[r, g, b].map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

/** A run's contrast: text over its shape (if any), over its backgrounds, over white. */
function judge(run: TextRun) {
  const page = [...run.backgrounds].reverse().reduce((under, over) => composite(parseColor(over), under), WHITE);
  const background = run.shape ? composite(translucent(run.shape.color, run.shape.opacity), page) : page;
  const text = composite(translucent(run.color, run.opacity), background);
  return {
    ...run,
    foreground: hex(text),
    background: hex(background),
    ratio: contrastRatio(text, background),
    required: requiredContrast(run.fontSize, run.fontWeight),
  };
}

describe('accessibility of every page at 1280×720', { timeout: 90_000 }, () => {
  it('covers the front page and every demo in the registry', () => {
    expect(PAGES.map((p) => p.path).filter((p) => p.startsWith('/demos/'))).toEqual(
      expect.arrayContaining(DEMOS.map((demo) => `/demos/${demo.id}/`)),
    );
    expect(PAGES.length).toBe(DEMOS.length + 1);
  });

  it.each(VIEWS)('$view: every visible text reaches WCAG AA contrast', async ({ view, path, query, ready, playUntil }) => {
    const { page, watch, close } = await open(path, query, ready);
    if (playUntil) {
      await page.locator('button[data-action=play]').click();
      await page.waitForSelector(playUntil);
      await page.locator('button[data-action=play]').click();
      await settle(page);
    }
    const judged = (await visibleTextRuns(page)).map(judge);
    expect(judged.length).toBeGreaterThan(10);
    // The text the state was played for is among the runs judged.
    if (playUntil) expect(judged.map((run) => run.text)).toContain((await page.locator(playUntil).first().textContent())?.trim());
    const lowest = judged.reduce((low, run) => (run.ratio < low.ratio ? run : low));
    console.log(
      `${view}: ${judged.length} text runs, lowest contrast ${lowest.ratio.toFixed(2)}:1 ` +
        `(${lowest.selector} “${lowest.text}” ${lowest.foreground} on ${lowest.background}, needs ${lowest.required}:1)`,
    );
    const failing = judged
      .filter((run) => run.ratio < run.required)
      .map(
        (run) => `${run.selector} “${run.text}”: ${run.foreground} on ${run.background} = ${run.ratio.toFixed(2)}:1 < ${run.required}:1`,
      );
    expect(failing).toEqual([]);
    expect(watch.errors).toEqual([]);
    await close();
  });

  it.each(PAGES)(
    '$name: Tab reaches every control, each with a visible focus indicator and an accessible name',
    async ({ path, ready }) => {
      const { page, close } = await open(path, '', ready);
      const focusables = await page.evaluate(() => {
        const selector =
          'a[href], button:not(:disabled), input:not(:disabled):not([type=hidden]), select:not(:disabled), textarea:not(:disabled), [tabindex]:not([tabindex="-1"])';
        const elements = [...document.querySelectorAll<HTMLElement>(selector)].filter((e) =>
          e.checkVisibility({ visibilityProperty: true }),
        );
        (window as unknown as { focusables: HTMLElement[] }).focusables = elements;
        return elements.map((e) => e.outerHTML.slice(0, 80));
      });
      expect(focusables.length).toBeGreaterThan(0);

      const stops: { index: number; element: string; outline: string; boxShadow: string; visible: boolean }[] = [];
      for (let i = 0; i < focusables.length; i++) {
        await page.keyboard.press('Tab');
        stops.push(
          await page.evaluate(() => {
            const element = document.activeElement as HTMLElement;
            const style = getComputedStyle(element);
            const outlined = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) >= 2;
            return {
              index: (window as unknown as { focusables: HTMLElement[] }).focusables.indexOf(element),
              element: element.outerHTML.slice(0, 80),
              outline: `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}`,
              boxShadow: style.boxShadow,
              visible: outlined || style.boxShadow !== 'none',
            };
          }),
        );
      }
      expect(stops.filter((stop) => !stop.visible)).toEqual([]);
      // Each Tab moved to the next control in the page's order, so every control was reached and shown.
      expect(stops.map((stop) => stop.index)).toEqual(focusables.map((_, i) => i));

      const unnamed = await page.evaluate(() => {
        const textOf = (e: Element | null) => e?.textContent?.trim() ?? '';
        const nameOf = (control: HTMLElement): string => {
          const labelledBy = control.getAttribute('aria-labelledby');
          if (labelledBy)
            return labelledBy
              .split(/\s+/)
              .map((id) => textOf(document.getElementById(id)))
              .join(' ')
              .trim();
          const label = control.getAttribute('aria-label')?.trim();
          if (label) return label;
          const labels = (control as HTMLInputElement).labels;
          if (labels?.length) return [...labels].map(textOf).join(' ').trim();
          if (control instanceof HTMLButtonElement) return textOf(control);
          return control.title.trim();
        };
        return [...document.querySelectorAll<HTMLElement>('input:not([type=hidden]), select, button')]
          .filter((control) => !nameOf(control))
          .map((control) => control.outerHTML.slice(0, 120));
      });
      expect(unnamed).toEqual([]);
      await close();
    },
  );
});

describe('every demo on a 390×844 phone', { timeout: 90_000 }, () => {
  const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 };
  // The audience mostly watches: the demo comes first, its inputs below it; nothing scrolls sideways.
  it.each(PAGES.filter((page) => page.path !== '/'))('$name: the demo above its inputs, no sideways scrolling', async ({ path, ready }) => {
    const { page, close } = await site.open('', PHONE, { path, readySelector: ready });
    const tops = await page.evaluate(() => ({
      stage: document.querySelector('.demo-stage')!.getBoundingClientRect().top,
      firstInput: document.querySelector('.demo-controls :is(input, select)')!.getBoundingClientRect().top,
      overflow: document.documentElement.scrollWidth - window.innerWidth,
    }));
    expect(tops.stage).toBeLessThan(tops.firstInput);
    expect(tops.overflow).toBe(0);
    await close();
  });
});
