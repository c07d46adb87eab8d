import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { type CliRun, runDeckCli } from './run-deck-cli.ts';

export interface DeckExports extends CliRun {
  outDir: string;
}

declare module 'vitest' {
  export interface ProvidedContext {
    deckExports: DeckExports;
    handoutExports: DeckExports;
  }
}

/** The public address the handout build is made for (handout-links.test.ts): a project site on GitHub Pages, as long as they come. */
export const HANDOUT_BASE = 'https://presenter-name.github.io/relu-deck/';

/**
 * Builds slides/deck.md once for the whole run (HTML, PDF, PPTX into a temporary folder) in one
 * command, as `npm run build` does (the formats side by side). Then the deck as handed out from a
 * site with a public address (HANDOUT_BASE): HTML, PDF and PPTX again, after the first, so that it
 * finds the demo stills the first rendered instead of training the lab a second time. A failure is
 * handed to the tests, which report it; throwing here would also stop every other project's tests.
 */
export default async function buildDeckExports(project: TestProject): Promise<() => Promise<void>> {
  const outDir = await mkdtemp(join(tmpdir(), 'deck-exports-'));
  const handoutDir = await mkdtemp(join(tmpdir(), 'deck-handouts-'));
  const plain = await runDeckCli(['html', 'pdf', 'pptx', '--out', outDir]);
  const handouts = await runDeckCli(['html', 'pdf', 'pptx', '--out', handoutDir], { ...process.env, DEMO_BASE_URL: HANDOUT_BASE });
  project.provide('deckExports', { ...plain, outDir });
  project.provide('handoutExports', { ...handouts, outDir: handoutDir });
  return async () => {
    await rm(outDir, { recursive: true, force: true });
    await rm(handoutDir, { recursive: true, force: true });
  };
}
