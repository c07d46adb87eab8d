import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { boxesOverlap, boxInside } from '../../src/figures/box.ts';
import type { RenderedFigure } from '../../src/figures/figure.ts';
import { figures } from '../../src/figures/index.ts';

const IMG_DIR = fileURLToPath(new URL('../../img/', import.meta.url));
const MAX_BYTES = 150 * 1024;

const rendered = new Map<string, RenderedFigure>();
function render(file: string): RenderedFigure {
  let figure = rendered.get(file);
  if (!figure) {
    figure = figures.find((entry) => entry.file === file)!.render();
    rendered.set(file, figure);
  }
  return figure;
}

describe.each(figures.map((entry) => entry.file))('img/%s', (file) => {
  it('matches the committed file', () => {
    const path = `${IMG_DIR}${file}`;
    const committed = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    const message = committed === undefined ? `img/${file} is missing` : `img/${file} differs from what the code draws`;
    expect(render(file).svg, `${message}: run npm run figures`).toBe(committed);
  });

  it('renders the same bytes twice', () => {
    const first = render(file).svg;
    const entry = figures.find((candidate) => candidate.file === file)!;
    expect(entry.render().svg).toBe(first);
  });

  it('has labels that neither overlap nor leave the canvas', () => {
    const { labels, width, height } = render(file);
    const canvas = { x: 0, y: 0, width, height };
    for (const label of labels) {
      expect(boxInside(label, canvas), `"${label.text}" leaves the ${width}×${height} canvas`).toBe(true);
    }
    for (let i = 0; i < labels.length; i++) {
      for (let j = i + 1; j < labels.length; j++) {
        expect(boxesOverlap(labels[i], labels[j]), `"${labels[i].text}" overlaps "${labels[j].text}"`).toBe(false);
      }
    }
  });

  it('draws text as paths only, needs no font or external file, and stays small', () => {
    const { svg } = render(file);
    expect(svg).not.toMatch(/<text|font-family|@font-face|href="(?!#)/);
    expect(Buffer.byteLength(svg)).toBeLessThan(MAX_BYTES);
  });

  it('uses no SVG filter, so the PDF keeps it as vectors (a blurred title background was an 8 MB bitmap)', () => {
    expect(render(file).svg).not.toMatch(/<filter|\sfilter=/);
  });
});
