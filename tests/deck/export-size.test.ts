import { statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { deckExports } from './deck-exports.ts';

/** A handout goes by mail: each export stays under this (the PDF was 10 MB with a rasterised title background). */
const MAX_BYTES = 3 * 1024 * 1024;

describe('the exports are small enough to mail', () => {
  it.each(['deck.pdf', 'deck.pptx'])('%s is at most 3 MB', (name) => {
    const bytes = statSync(join(deckExports().outDir, name)).size;
    expect(bytes, `${name} is ${(bytes / 1024 / 1024).toFixed(2)} MB`).toBeLessThanOrEqual(MAX_BYTES);
  });
});
