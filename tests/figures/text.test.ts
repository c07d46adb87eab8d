import { describe, expect, it } from 'vitest';
import { glyphFor } from '../../src/figures/text/fonts.ts';
import { GlyphPathEncoder } from '../../src/figures/text/glyph-path.ts';
import { layoutRuns, measureRuns } from '../../src/figures/text/layout.ts';
import { mathRuns } from '../../src/figures/text/math-runs.ts';
import { chunkFor, parseFontChunks, parseUnicodeRange } from '../../src/figures/text/unicode-range.ts';

describe('unicode ranges', () => {
  it('parses single points, spans and wildcards', () => {
    expect(parseUnicodeRange('U+25ee8, U+26ff6-26ff8,U+4??')).toEqual([
      [0x25ee8, 0x25ee8],
      [0x26ff6, 0x26ff8],
      [0x400, 0x4ff],
    ]);
  });

  it('maps a code point to the @font-face block that covers it', () => {
    const css = `@font-face { src: url(./files/a.woff2) format('woff2'); unicode-range: U+30??; }
      @font-face { src: url(./files/b.woff2) format('woff2'); unicode-range: U+0-ff; }`;
    const chunks = parseFontChunks(css);
    expect(chunkFor(chunks, 'ね'.codePointAt(0)!)?.file).toBe('./files/a.woff2');
    expect(chunkFor(chunks, 'x'.codePointAt(0)!)?.file).toBe('./files/b.woff2');
    expect(chunkFor(chunks, '猫'.codePointAt(0)!)).toBeUndefined();
  });
});

describe('fonts', () => {
  it('finds Japanese glyphs in the bundled Noto Sans JP chunks, both weights', () => {
    for (const char of ['ね', '学', '層', '①', 'A']) {
      expect(glyphFor('sans', char).glyph.path.commands.length).toBeGreaterThan(0);
      expect(glyphFor('sansBold', char).glyph.path.commands.length).toBeGreaterThan(0);
    }
  });

  it('uses KaTeX fonts for math and refuses characters a face lacks', () => {
    expect(glyphFor('mathItalic', 'x').unitsPerEm).toBe(1000);
    expect(glyphFor('mathRoman', '∂').glyph.advanceWidth).toBeGreaterThan(0);
    expect(() => glyphFor('mathItalic', 'ね')).toThrow(/no glyph/);
  });
});

describe('mathRuns', () => {
  it('sets letters in Math-Italic, digits and operators in Main-Regular, Japanese in Noto', () => {
    const runs = mathRuns('x_1 - 2\\text{ねこ}');
    expect(runs.map((r) => [r.text, r.face])).toEqual([
      ['x', 'mathItalic'],
      ['1', 'mathRoman'],
      ['−', 'mathRoman'],
      ['2', 'mathRoman'],
      ['ねこ', 'sans'],
    ]);
    expect(runs[1].scale).toBeCloseTo(0.7);
    expect(runs[1].rise).toBeLessThan(0);
    expect(runs[2].spaceBefore).toBeCloseTo(4 / 18); // binary minus gets medium space
  });

  it('treats a leading minus as unary and puts a prime in the superscript', () => {
    expect(mathRuns('-2')[0].spaceBefore).toBe(0);
    const prime = mathRuns("\\sigma'(x)")[1];
    expect(prime.text).toBe('′');
    expect(prime.rise).toBeGreaterThan(0);
  });

  it('stacks a subscript under a prime at the same x', () => {
    const runs = mathRuns("A_2'");
    expect(runs.map((r) => r.text)).toEqual(['A', '′', '2']);
    expect(runs[2].spaceBefore).toBeLessThan(0);
  });

  it('sets a word in a subscript upright with \\mathrm, as the slides write y_{\\text{new}}', () => {
    const runs = mathRuns('y_{\\mathrm{new}}');
    expect(runs.map((r) => [r.text, r.face])).toEqual([
      ['y', 'mathItalic'],
      ['new', 'mathRoman'],
    ]);
    expect(runs[1].scale).toBeCloseTo(0.7);
  });

  it('rejects unknown commands', () => {
    expect(() => mathRuns('\\frob')).toThrow(/unknown command/);
  });
});

/** Reads back our own path data: every command's absolute end point, in order. */
function endPoints(d: string): Array<[number, number]> {
  const tokens = d.match(/[MmLlQqTtCcZz]|-?(?:\d+\.?\d*|\.\d+)/g)!;
  const arity: Record<string, number> = { M: 2, m: 2, l: 2, q: 4, t: 2, c: 6 };
  const points: Array<[number, number]> = [];
  let cur: [number, number] = [0, 0];
  let start = cur;
  let command = '';
  for (let i = 0; i < tokens.length; ) {
    if (/[A-Za-z]/.test(tokens[i])) {
      command = tokens[i++];
      if (command === 'z') {
        cur = start;
        continue;
      }
    }
    const args = tokens.slice(i, i + arity[command]).map(Number);
    i += arity[command];
    const [dx, dy] = args.slice(-2);
    cur = command === 'M' ? [dx, dy] : [Math.round((cur[0] + dx) * 100) / 100, Math.round((cur[1] + dy) * 100) / 100];
    if (command === 'M' || command === 'm') start = cur;
    points.push(cur);
  }
  return points;
}

describe('glyph paths', () => {
  it('writes relative data whose absolute points are the rounded transformed outline', () => {
    const { glyph, unitsPerEm } = glyphFor('sans', '学');
    const scale = 30 / unitsPerEm;
    const transform = (x: number, y: number) => [Math.round((100.3 + x * scale) * 100), Math.round((50.7 - y * scale) * 100)] as const;
    const encoder = new GlyphPathEncoder();
    encoder.add(glyph.path.commands, transform);
    const d = encoder.toString();
    expect(d.startsWith('M')).toBe(true);
    const expected = glyph.path.commands
      .filter((c) => c.command !== 'closePath')
      .map((c) => transform(c.args[c.args.length - 2], c.args[c.args.length - 1]))
      .map(([x, y]) => [x / 100, y / 100]);
    expect(endPoints(d)).toEqual(expected);
  });
});

describe('layoutRuns', () => {
  it('returns the ink box, anchored as asked', () => {
    const runs = [{ text: 'ねこ', face: 'sans' as const }];
    const start = layoutRuns(runs, { x: 100, y: 100, size: 40 });
    const middle = layoutRuns(runs, { x: 100, y: 100, size: 40, anchor: 'middle' });
    expect(start.box.x).toBeGreaterThanOrEqual(100);
    expect(start.box.y + start.box.height).toBeGreaterThan(100 - 1); // ink reaches the baseline
    expect(start.box.y).toBeLessThan(100 - 25);
    expect(middle.box.x).toBeCloseTo(start.box.x - start.width / 2, 5);
    expect(start.width).toBeCloseTo(80); // two full-width glyphs at 40 px
    expect(measureRuns(runs)).toBeCloseTo(2);
  });

  it('lays the same text out identically every time', () => {
    const placement = { x: 12.5, y: 40, size: 26, anchor: 'middle' as const };
    expect(layoutRuns(mathRuns("\\sigma'(x)"), placement)).toEqual(layoutRuns(mathRuns("\\sigma'(x)"), placement));
  });
});
