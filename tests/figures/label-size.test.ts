/**
 * Every label of every figure reads at least 22 px tall on the slide (1280 × 720): its font size in
 * the SVG times the scale Marp draws the figure at, from the deck's own `![bg …]` line.
 */
import { describe, expect, it } from 'vitest';
import type { RenderedFigure } from '../../src/figures/figure.ts';
import { figures } from '../../src/figures/index.ts';
import { deckFigurePlacements, type FigurePlacement, readDeckMarkdown, screenScale } from './deck-figure-scale.ts';

const MIN_LABEL_PX = 22;

const rendered = new Map<string, RenderedFigure>();
function drawn(file: string): RenderedFigure | undefined {
  const entry = figures.find((candidate) => candidate.file === file);
  if (entry && !rendered.has(file)) rendered.set(file, entry.render());
  return rendered.get(file);
}

/** One line per label under the minimum, naming the slide, the figure and the label. */
function undersizedLabels(placements: readonly FigurePlacement[]): string[] {
  return placements.flatMap((placement) => {
    const where = `slide ${placement.slide}: img/${placement.file}`;
    const figure = drawn(placement.file);
    if (!figure) return [`${where} is not drawn by src/figures, so its label sizes are unknown`];
    const scale = screenScale(placement, figure);
    return figure.labels
      .filter((label) => label.size * scale < MIN_LABEL_PX)
      .map(
        (label) =>
          `${where}: "${label.text}" is ${(label.size * scale).toFixed(1)} px (font ${label.size} × scale ${scale.toFixed(3)}), under ${MIN_LABEL_PX} px`,
      );
  });
}

const deck = (...slides: string[]) => `---\nmarp: true\ntheme: sample\n---\n\n${slides.join('\n\n---\n\n')}\n`;

describe('figure labels on the slides', () => {
  it(`are at least ${MIN_LABEL_PX} px tall at 1280×720`, async () => {
    const placements = await deckFigurePlacements(readDeckMarkdown());
    expect(placements.length).toBeGreaterThan(0);
    expect(undersizedLabels(placements)).toEqual([]);
  });

  it('are reported by slide, figure and label when a figure is shown too small', async () => {
    // The worked example's graph as a thumbnail beside text, as slide 16 once showed it.
    const placements = await deckFigurePlacements(deck('# 例', '# ポイント\n\n![bg fit right:30%](../img/backprop-graph.svg)'));
    const report = undersizedLabels(placements);
    expect(report).toContain('slide 2: img/backprop-graph.svg: "y" is 16.3 px (font 30 × scale 0.544), under 22 px');
    expect(report.every((line) => line.startsWith('slide 2: img/backprop-graph.svg: '))).toBe(true);
  });

  it('are measured in the box Marp gives each picture: split share less the theme margin, stacked pictures, fit or cover', async () => {
    const placements = await deckFigurePlacements(
      deck(
        '![bg](../img/title-background.svg)',
        '![bg fit vertical right:28%](../img/ai-learning.svg)\n![bg fit](../img/ai-inference.svg)',
        '![bg fit right:40%](../img/relu.svg)',
      ),
    );
    // The sample theme keeps a split `fit` picture 28 px off the top and right, 8 px off the text and 72 px above the page number.
    const boxes = placements.map(
      ({ slide, file, area, size }) => `${slide} ${file} ${area.width.toFixed(1)}×${area.height.toFixed(1)} ${size}`,
    );
    expect(boxes).toEqual([
      '1 title-background.svg 1280.0×720.0 cover',
      '2 ai-learning.svg 322.4×260.0 contain',
      '2 ai-inference.svg 322.4×260.0 contain',
      '3 relu.svg 476.0×620.0 contain',
    ]);
    expect(screenScale(placements[1], { width: 400, height: 400 })).toBeCloseTo(0.65, 6);
    expect(screenScale(placements[0], { width: 640, height: 720 })).toBe(2);
  });

  it('cover every figure the code draws: each is on a slide', async () => {
    const shown = new Set((await deckFigurePlacements(readDeckMarkdown())).map((placement) => placement.file));
    expect(figures.map((entry) => entry.file).filter((file) => !shown.has(file))).toEqual([]);
  });
});

describe('figures on the slides', () => {
  it('get no CSS filter (Chromium would print the picture as a bitmap): bake the effect into the figure', async () => {
    const filtered = (await deckFigurePlacements(readDeckMarkdown())).filter((placement) => placement.filter);
    expect(filtered.map(({ slide, file, filter }) => `slide ${slide}: img/${file} has filter ${filter}`)).toEqual([]);
  });
});
