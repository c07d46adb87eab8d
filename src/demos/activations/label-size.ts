import type { Box } from './label-geometry.ts';

/*
 * How much room a plot label takes, estimated from its text (no DOM measuring, so the same in a
 * test as on screen): advance widths of the bold label font, its ascent and descent, and the white
 * halo drawn around the text.
 */

/** Where a label's text sits: `x` is its start, middle or end, `y` its baseline. */
export interface LabelAnchor {
  readonly x: number;
  readonly y: number;
  readonly anchor: 'start' | 'middle' | 'end';
}

/** Advance widths of the bold label font (Noto Sans JP 700) in hundredths of an em: a–z, then A–Z. */
const LOWER = [59, 64, 53, 64, 58, 37, 60, 64, 30, 31, 60, 32, 96, 64, 63, 64, 64, 44, 50, 42, 64, 58, 86, 56, 57, 51];
const UPPER = [64, 68, 66, 71, 62, 59, 72, 76, 33, 57, 69, 58, 85, 75, 77, 67, 77, 68, 62, 63, 75, 62, 91, 63, 58, 61];
const NARROW: Readonly<Record<string, number>> = { ' ': 22, '′': 33, '.': 33, ',': 33, '(': 38, ')': 38, '-': 37 };
/** Rounding and kerning can make a real label a little wider than the sum of its letters. */
const SAFETY = 1.04;

function charEm(char: string): number {
  const code = char.codePointAt(0)!;
  if (char in NARROW) return NARROW[char] / 100;
  if (code >= 0x61 && code <= 0x7a) return LOWER[code - 0x61] / 100;
  if (code >= 0x41 && code <= 0x5a) return UPPER[code - 0x41] / 100;
  // Kana, kanji, full-width brackets, ・ and ≥ are one em; digits and other ASCII about 0.59.
  return code > 0x2000 ? 1 : 0.6;
}

/** A label's lines: one, or more where its text breaks them with "\n" (a label in a slide takes two). */
export const labelLines = (text: string): string[] => text.split('\n');

/** Width of the widest line. */
export function estimateWidth(text: string, fontSize: number): number {
  const lineWidth = (line: string) => {
    let width = 0;
    for (const char of line) width += charEm(char);
    return width * fontSize * SAFETY;
  };
  return Math.max(...labelLines(text).map(lineWidth));
}

/** Ascent and descent of the font's text box, in ems, and the white halo drawn around each label. */
const ASCENT = 1.16;
const DESCENT = 0.32;
const HALO = 3;
/** From one line's baseline to the next, in ems (the view draws the lines this far apart). */
export const LINE_HEIGHT = 1.2;

/** The box a label of the given width and number of lines covers, halo included; `y` is its first baseline. */
export function labelBox(candidate: LabelAnchor, width: number, fontSize: number, lines = 1): Box {
  const left = candidate.anchor === 'start' ? candidate.x : candidate.anchor === 'end' ? candidate.x - width : candidate.x - width / 2;
  return {
    left: left - HALO,
    right: left + width + HALO,
    top: candidate.y - ASCENT * fontSize - HALO,
    bottom: candidate.y + ((lines - 1) * LINE_HEIGHT + DESCENT) * fontSize + HALO,
  };
}
