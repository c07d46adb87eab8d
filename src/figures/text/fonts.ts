/**
 * The four faces figure text is set in, loaded from npm packages (never from the system):
 * Noto Sans JP 400/700 for words, KaTeX's Math-Italic and Main-Regular for math, so
 * figure labels match the slide math.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, resolve } from 'node:path';
import { create, type Font, type Glyph } from 'fontkit';
import { chunkFor, type FontChunk, parseFontChunks } from './unicode-range.ts';

export type FaceName = 'sans' | 'sansBold' | 'mathItalic' | 'mathRoman';

export interface ResolvedGlyph {
  glyph: Glyph;
  unitsPerEm: number;
}

const require = createRequire(import.meta.url);

const katexFontFile: Record<'mathItalic' | 'mathRoman', string> = {
  mathItalic: 'katex/dist/fonts/KaTeX_Math-Italic.woff2',
  mathRoman: 'katex/dist/fonts/KaTeX_Main-Regular.woff2',
};

const fontsourceCss: Record<'sans' | 'sansBold', string> = {
  sans: '@fontsource/noto-sans-jp/400.css',
  sansBold: '@fontsource/noto-sans-jp/700.css',
};

const fontCache = new Map<string, Font>();
const chunkCache = new Map<string, { dir: string; chunks: FontChunk[] }>();

function loadFont(path: string): Font {
  let font = fontCache.get(path);
  if (!font) {
    font = create(readFileSync(path));
    fontCache.set(path, font);
  }
  return font;
}

function fontsourceChunks(face: 'sans' | 'sansBold'): { dir: string; chunks: FontChunk[] } {
  let entry = chunkCache.get(face);
  if (!entry) {
    const cssPath = require.resolve(fontsourceCss[face]);
    entry = { dir: dirname(cssPath), chunks: parseFontChunks(readFileSync(cssPath, 'utf8')) };
    chunkCache.set(face, entry);
  }
  return entry;
}

function fontFor(face: FaceName, codePoint: number): Font | undefined {
  if (face === 'mathItalic' || face === 'mathRoman') return loadFont(require.resolve(katexFontFile[face]));
  const { dir, chunks } = fontsourceChunks(face);
  const chunk = chunkFor(chunks, codePoint);
  return chunk && loadFont(resolve(dir, chunk.file));
}

/** The glyph for one character in one face; throws rather than drawing a tofu box. */
export function glyphFor(face: FaceName, char: string): ResolvedGlyph {
  const codePoint = char.codePointAt(0)!;
  const font = fontFor(face, codePoint);
  if (!font?.hasGlyphForCodePoint(codePoint)) {
    throw new Error(`font ${face} has no glyph for "${char}" (U+${codePoint.toString(16).toUpperCase()})`);
  }
  return { glyph: font.glyphForCodePoint(codePoint), unitsPerEm: font.unitsPerEm };
}
