import { basename, extname } from 'node:path';
import type { Marp } from '@marp-team/marp-core';
import type { DeckSource } from './deck-source.ts';
import type { MarpConfig } from './marp-config.ts';
import type { StagingDir } from './staging-dir.ts';

/** What every build step gets: the validated deck, its engine and config, where to write. */
export interface DeckBuild {
  deck: DeckSource;
  config: MarpConfig;
  marp: Marp;
  staging: StagingDir;
  /** Set for the steps that need a browser (PDF, PPTX, PNG). */
  chromium?: string;
  /** The public address handout links are made absolute against; null keeps them relative (link-base.ts). */
  linkBase: string | null;
}

/** A published output: a file, or a folder of support files shown with its file count. */
export interface Written {
  path: string;
  files?: number;
}

export type BuildStep = (build: DeckBuild) => Promise<Written[]>;

/** Output base name: slides/deck.md gives deck.html, deck.pdf, deck.pptx, png/deck.001.png. */
export function outputName(build: DeckBuild): string {
  return basename(build.deck.file, extname(build.deck.file));
}

export function requireChromium(build: DeckBuild): string {
  if (build.chromium === undefined) throw new Error('this step needs a browser, and none was looked up');
  return build.chromium;
}
