/**
 * Reads a Fontsource stylesheet: which woff2 file holds which code points.
 * Fontsource splits Noto Sans JP into ~120 chunks, each with a CSS `unicode-range`.
 */

export interface FontChunk {
  /** woff2 file name relative to the stylesheet, e.g. "./files/noto-sans-jp-0-400-normal.woff2". */
  file: string;
  ranges: Array<readonly [number, number]>;
}

/** Parses "U+25ee8,U+26ff6-26ff8,U+4??" style lists into inclusive [start, end] pairs. */
export function parseUnicodeRange(list: string): Array<readonly [number, number]> {
  return list.split(',').map((part) => {
    const spec = part.trim().replace(/^U\+/i, '');
    if (spec.includes('?')) {
      return [parseInt(spec.replace(/\?/g, '0'), 16), parseInt(spec.replace(/\?/g, 'f'), 16)] as const;
    }
    const [start, end = start] = spec.split('-');
    return [parseInt(start, 16), parseInt(end, 16)] as const;
  });
}

export function parseFontChunks(css: string): FontChunk[] {
  const chunks: FontChunk[] = [];
  for (const block of css.split('@font-face').slice(1)) {
    const file = /url\(([^)]+\.woff2)\)/.exec(block)?.[1];
    const range = /unicode-range:\s*([^;]+);/.exec(block)?.[1];
    if (file && range) chunks.push({ file, ranges: parseUnicodeRange(range) });
  }
  return chunks;
}

export function chunkFor(chunks: readonly FontChunk[], codePoint: number): FontChunk | undefined {
  return chunks.find((chunk) => chunk.ranges.some(([start, end]) => codePoint >= start && codePoint <= end));
}
