import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** Where the deck tooling finds its inputs and puts its outputs, by default. */
export const projectRoot = fileURLToPath(new URL('../..', import.meta.url));
export const marpConfigPath = join(projectRoot, 'marp.config.mjs');
export const defaultDeckPath = join(projectRoot, 'slides', 'deck.md');
export const defaultOutDir = join(projectRoot, 'dist');
