/**
 * Lays glyphs out along a baseline (advance widths only, no kerning) and turns them
 * into one SVG path plus its ink bounding box, so figures need no font at view time.
 */
import type { PathCommand } from 'fontkit';
import { type Box, unionBox } from '../box.ts';
import { type FaceName, glyphFor } from './fonts.ts';
import { GlyphPathEncoder } from './glyph-path.ts';

/** A stretch of text in one face, size and baseline. */
export interface TextRun {
  text: string;
  face: FaceName;
  /** Size relative to the label size (0.7 for sub/superscripts). */
  scale?: number;
  /** Baseline shift in ems of the label size, positive upwards. */
  rise?: number;
  /** Extra space before the run, in ems of the label size. */
  spaceBefore?: number;
  spaceAfter?: number;
}

export type TextAnchor = 'start' | 'middle' | 'end';

export interface TextPlacement {
  x: number;
  y: number;
  /** Font size in px. */
  size: number;
  anchor?: TextAnchor;
  /** 'alphabetic': y is the baseline; 'middle': y is the middle of the line. */
  baseline?: 'alphabetic' | 'middle';
}

export interface LaidOutText {
  d: string;
  /** Ink extent of the drawn glyphs. */
  box: Box;
  /** Total advance width in px. */
  width: number;
}

/** Distance from the baseline up to the middle of a line, in ems (centre of a CJK em box). */
const MIDDLE_OFFSET_EM = 0.36;

interface PlacedGlyph {
  commands: PathCommand[];
  bbox: { minX: number; minY: number; maxX: number; maxY: number };
  x: number;
  baseline: number;
  scale: number;
}

function placeRuns(runs: readonly TextRun[], size: number): { glyphs: PlacedGlyph[]; width: number } {
  const glyphs: PlacedGlyph[] = [];
  let pen = 0;
  for (const run of runs) {
    const runSize = size * (run.scale ?? 1);
    pen += (run.spaceBefore ?? 0) * size;
    for (const char of run.text) {
      const { glyph, unitsPerEm } = glyphFor(run.face, char);
      const scale = runSize / unitsPerEm;
      glyphs.push({ commands: glyph.path.commands, bbox: glyph.bbox, x: pen, baseline: -(run.rise ?? 0) * size, scale });
      pen += glyph.advanceWidth * scale;
    }
    pen += (run.spaceAfter ?? 0) * size;
  }
  return { glyphs, width: pen };
}

/** Advance width of runs in ems of the label size. */
export function measureRuns(runs: readonly TextRun[]): number {
  return placeRuns(runs, 1).width;
}

export function layoutRuns(runs: readonly TextRun[], placement: TextPlacement): LaidOutText {
  const { size, anchor = 'start', baseline = 'alphabetic' } = placement;
  const { glyphs, width } = placeRuns(runs, size);
  const originX = placement.x - (anchor === 'middle' ? width / 2 : anchor === 'end' ? width : 0);
  const originY = placement.y + (baseline === 'middle' ? MIDDLE_OFFSET_EM * size : 0);
  const path = new GlyphPathEncoder();
  let box: Box | undefined;
  for (const g of glyphs) {
    if (g.commands.length === 0) continue; // spaces
    const baseline = originY + g.baseline;
    const left = originX + g.x;
    path.add(g.commands, (x, y) => [Math.round((left + x * g.scale) * 100), Math.round((baseline - y * g.scale) * 100)]);
    box = unionBox(box, {
      x: originX + g.x + g.bbox.minX * g.scale,
      y: originY + g.baseline - g.bbox.maxY * g.scale,
      width: (g.bbox.maxX - g.bbox.minX) * g.scale,
      height: (g.bbox.maxY - g.bbox.minY) * g.scale,
    });
  }
  if (!box) throw new Error('cannot lay out a label with no visible glyphs');
  return { d: path.toString(), box, width };
}
