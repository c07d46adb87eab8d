/**
 * Where the deck shows each figure, read the way Marp lays it out: the deck's own engine parses
 * slides/deck.md, each slide's `![bg …]` images (`fit`, `right:NN%`, `vertical`) come out as Marp's
 * advanced-background metadata, and the slide's theme may set a margin around the pictures (the
 * sample theme keeps split pictures off the slide edges and the page number). From that box and the
 * figure's viewBox follows the scale its labels are drawn at on the slide.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import type { Marp } from '@marp-team/marp-core';
import { createMarp, loadMarpConfig } from '../../src/deck/marp-config.ts';
import { defaultDeckPath } from '../../src/deck/project-paths.ts';

interface BackgroundImage {
  url: string;
  /** 'contain' for `fit`; Marp's default for an advanced background is 'cover'. */
  size?: string;
  /** CSS filter from options such as `brightness:0.7`. */
  filter?: string;
}

interface MarpBackground {
  width: string;
  height: string;
  direction?: 'horizontal' | 'vertical';
  split?: 'left' | 'right';
  splitSize?: string;
  images: BackgroundImage[];
}

interface Margin {
  top: number;
  right: number;
  bottom: number;
  left: number;
}

export interface FigurePlacement {
  /** 1-based, as the deck renders. */
  slide: number;
  /** The file under img/, e.g. 'relu.svg'. */
  file: string;
  /** The box Marp fits the picture into (its share of the slide less the theme's margin), in slide pixels. */
  area: { width: number; height: number };
  size: 'contain' | 'cover';
  /** The CSS filter Marp puts on the picture, if any. */
  filter?: string;
}

export function readDeckMarkdown(): string {
  return readFileSync(defaultDeckPath, 'utf8');
}

/** Every `img/*.svg` background on every slide of `markdown`, with the box Marp gives it. */
export async function deckFigurePlacements(markdown: string): Promise<FigurePlacement[]> {
  const marp = await createMarp(await loadMarpConfig());
  const tokens = marp.markdown.parse(markdown, {});
  const placements: FigurePlacement[] = [];
  let slide = 0;
  let theme: string | undefined;
  for (const token of tokens) {
    if (token.type === 'marpit_slide_open') theme = token.meta?.marpitDirectives?.theme;
    if (token.type !== 'marpit_inline_svg_content_open') continue;
    slide++;
    const background = token.meta?.marpitBackground as MarpBackground | undefined;
    if (background) placements.push(...placementsOf(slide, background, (image) => figureMargin(marp, theme, background, image)));
  }
  return placements;
}

function placementsOf(slide: number, background: MarpBackground, marginOf: (image: BackgroundImage) => Margin): FigurePlacement[] {
  const percent = background.split ? Number.parseFloat(background.splitSize ?? '50%') : 100;
  const container = { width: (Number.parseFloat(background.width) * percent) / 100, height: Number.parseFloat(background.height) };
  const { images } = background;
  const vertical = background.direction === 'vertical';
  // The pictures share the container equally (flex: auto), each less its own margin.
  const margins = images.map(marginOf);
  const across = (side: (m: Margin) => number) => margins.reduce((sum, m) => sum + side(m), 0);
  return images.flatMap((image, i) => {
    if (!/(^|\/)img\/[^/]+\.svg$/.test(image.url)) return [];
    const size = image.size ?? 'cover';
    if (size !== 'contain' && size !== 'cover') throw new Error(`slide ${slide}: ${image.url} has background size "${size}"`);
    const m = margins[i];
    const area = vertical
      ? { width: container.width - m.left - m.right, height: (container.height - across((n) => n.top + n.bottom)) / images.length }
      : { width: (container.width - across((n) => n.left + n.right)) / images.length, height: container.height - m.top - m.bottom };
    return [{ slide, file: basename(image.url), area, size, filter: image.filter }];
  });
}

/**
 * The margin the slide's theme gives a background picture: the `margin` of each rule whose selector
 * names the advanced background's <figure>, where the rule's conditions (split, `fit`) hold.
 */
function figureMargin(marp: Marp, theme: string | undefined, background: MarpBackground, image: BackgroundImage): Margin {
  const css = (theme && marp.themeSet.get(theme)?.css) || '';
  let margin: Margin = { top: 0, right: 0, bottom: 0, left: 0 };
  for (const [, selectors, body] of css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/([^{}]+)\{([^{}]*)\}/g)) {
    const declared = /(?:^|;)\s*margin\s*:\s*([^;]+)/.exec(body)?.[1];
    if (declared === undefined) continue;
    const applies = selectors.split(',').some((selector) => {
      // The figure itself (with attribute conditions), not something inside it.
      if (!/data-marpit-advanced-background-container\]\s*>\s*figure(\[[^\]]*\])*\s*$/.test(selector)) return false;
      if (selector.includes('[data-marpit-advanced-background-split]') && !background.split) return false;
      if (selector.includes('background-size:contain') && image.size !== 'contain') return false;
      return true;
    });
    if (applies) margin = parseMargin(declared);
  }
  return margin;
}

/** A `margin` shorthand of 1–4 lengths in px (or 0). */
function parseMargin(value: string): Margin {
  const lengths = value
    .trim()
    .split(/\s+/)
    .map((part) => {
      if (!/^(0|-?\d*\.?\d+px)$/.test(part)) throw new Error(`cannot read the theme's figure margin "${value}" (px only)`);
      return Number.parseFloat(part);
    });
  const [top, right = top, bottom = top, left = right] = lengths;
  return { top, right, bottom, left };
}

/** On-screen pixels per SVG unit for a viewBox of width × height placed in `area`. */
export function screenScale(placement: FigurePlacement, viewBox: { width: number; height: number }): number {
  const pick = placement.size === 'contain' ? Math.min : Math.max;
  return pick(placement.area.width / viewBox.width, placement.area.height / viewBox.height);
}
