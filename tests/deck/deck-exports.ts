import { inject } from 'vitest';
import type { DeckExports } from './build-exports.setup.ts';

/** The exports built by the global setup (`handouts`: with a public address); throws the build's own messages if it failed. */
export function deckExports(which: 'deckExports' | 'handoutExports' = 'deckExports'): DeckExports {
  const exports = inject(which);
  if (exports.status !== 0) {
    throw new Error(`building the deck failed (exit ${exports.status}):\n${exports.stderr}${exports.stdout}`);
  }
  return exports;
}
