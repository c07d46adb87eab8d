import { inject } from 'vitest';
import type { DeckExports } from './build-exports.setup.ts';

/** The exports built by the global setup; throws the build's own messages if it failed. */
export function deckExports(): DeckExports {
  const exports = inject('deckExports');
  if (exports.status !== 0) {
    throw new Error(`building the deck failed (exit ${exports.status}):\n${exports.stderr}${exports.stdout}`);
  }
  return exports;
}
