/**
 * One figure being drawn: its SVG elements, and the box and font size of every label it placed,
 * so tests can check that no two labels overlap, none leaves the canvas and each reads large enough.
 */

import { palette } from '../ui/palette.ts';
import { type Box, unionBox } from './box.ts';
import { el, escapeXml, num } from './svg.ts';
import { layoutRuns, type TextPlacement, type TextRun } from './text/layout.ts';
import { mathRuns } from './text/math-runs.ts';

export interface LabelBox extends Box {
  text: string;
  /** Font size in SVG units (sub/superscripts are set smaller, see text/math-runs.ts). */
  size: number;
}

export interface RenderedFigure {
  svg: string;
  width: number;
  height: number;
  labels: LabelBox[];
}

export interface LabelStyle extends TextPlacement {
  fill?: string;
  bold?: boolean;
  /** Text for <title> when the drawn label is math (defaults to the glyphs' characters). */
  alt?: string;
}

export class Figure {
  private readonly defs: string[] = [];
  private readonly body: string[] = [];
  private readonly labels: LabelBox[] = [];

  constructor(
    readonly width: number,
    readonly height: number,
    private readonly title: string,
  ) {}

  add(...elements: string[]): void {
    this.body.push(...elements);
  }

  /** Adds to <defs> (gradients, filters) and returns `url(#id)`. */
  define(id: string, element: string): string {
    this.defs.push(element);
    return `url(#${id})`;
  }

  /** Japanese/plain text in Noto Sans JP. */
  text(content: string, style: LabelStyle): Box {
    return this.place([{ text: content, face: style.bold ? 'sansBold' : 'sans' }], content, style);
  }

  /** A TeX-like label (see text/math-runs.ts) in KaTeX's fonts. */
  math(tex: string, style: LabelStyle): Box {
    const runs = mathRuns(tex);
    return this.place(runs, style.alt ?? runs.map((run) => run.text).join(''), style);
  }

  /** Japanese set top to bottom, one character under the other, centred on x; y is the top. */
  verticalText(content: string, style: LabelStyle): Box {
    const chars = [...content];
    const lines = chars.map((char, i) => ({
      runs: [{ text: char, face: style.bold ? 'sansBold' : 'sans' } as TextRun],
      placement: { ...style, y: style.y + style.size * (i * 1.08 + 0.88), anchor: 'middle' as const, baseline: 'alphabetic' as const },
    }));
    return this.placeLines(lines, content, style);
  }

  private place(runs: TextRun[], alt: string, style: LabelStyle): Box {
    return this.placeLines([{ runs, placement: style }], alt, style);
  }

  private placeLines(lines: Array<{ runs: TextRun[]; placement: TextPlacement }>, alt: string, style: LabelStyle): Box {
    let d = '';
    let box: Box | undefined;
    for (const { runs, placement } of lines) {
      const laid = layoutRuns(runs, placement);
      d += laid.d;
      box = unionBox(box, laid.box);
    }
    this.labels.push({ ...box!, text: alt, size: style.size });
    this.body.push(el('path', { d, fill: style.fill ?? palette.ink }, el('title', {}, escapeXml(alt))));
    return box!;
  }

  render(): RenderedFigure {
    const svg = `${el(
      'svg',
      {
        xmlns: 'http://www.w3.org/2000/svg',
        width: this.width,
        height: this.height,
        viewBox: `0 0 ${num(this.width)} ${num(this.height)}`,
        role: 'img',
        'aria-label': this.title,
      },
      el('title', {}, escapeXml(this.title)),
      ...(this.defs.length > 0 ? [el('defs', {}, ...this.defs)] : []),
      ...this.body,
    )}\n`;
    return { svg, width: this.width, height: this.height, labels: [...this.labels] };
  }
}
