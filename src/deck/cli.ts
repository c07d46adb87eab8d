import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { buildHtml } from './build-html.ts';
import type { BuildStep, Written } from './deck-build.ts';
import { DeckError, displayPath } from './deck-error.ts';
import { readDeck } from './deck-source.ts';
import { exportPdf, exportPng, exportPptx } from './exports.ts';
import { checkChromiumStarts, findChromium } from './find-chromium.ts';
import { markHandouts } from './front-page.ts';
import { handoutBase, RELATIVE_LINKS_WARNING } from './link-base.ts';
import { createMarp, loadMarpConfig } from './marp-config.ts';
import { defaultDeckPath, defaultOutDir } from './project-paths.ts';
import { withStagingDir } from './staging-dir.ts';
import { validateDeck } from './validate-deck.ts';

const commands: Record<string, BuildStep[]> = {
  html: [buildHtml],
  pdf: [exportPdf],
  pptx: [exportPptx],
  png: [exportPng],
  all: [buildHtml, exportPdf, exportPptx, exportPng],
  // `npm run build`: everything the machine can make; without a browser, the HTML deck alone.
  site: [buildHtml, exportPdf, exportPptx, exportPng],
};

const usage = `Usage: tsx src/deck/cli.ts <${Object.keys(commands).join('|')}>... [--deck slides/deck.md] [--out dist]`;

/** Every step but the HTML build renders in Chromium. */
const needsBrowser = (step: BuildStep): boolean => step !== buildHtml;

async function main(argv: string[]): Promise<void> {
  const { positionals, values } = parseCommandLine(argv);
  const chosen = positionals.map((name) => commands[name]);
  if (chosen.length === 0 || chosen.some((steps) => steps === undefined)) throw new DeckError(usage);
  let steps = [...new Set(chosen.flat() as BuildStep[])];

  let chromium: string | undefined;
  try {
    chromium = steps.some(needsBrowser) ? findChromium() : undefined;
    if (chromium !== undefined) checkChromiumStarts(chromium);
  } catch (error) {
    if (!(positionals.length === 1 && positionals[0] === 'site' && error instanceof DeckError)) throw error;
    console.log(`${error.message} Building the HTML deck only; PDF, PPTX and PNG are skipped.`);
    steps = steps.filter((step) => !needsBrowser(step));
  }
  const deck = await readDeck(resolve(values.deck));
  const config = await loadMarpConfig();
  const marp = await createMarp(config);
  validateDeck(marp, deck);

  const linkBase = handoutBase();
  if (linkBase === null && steps.some((step) => step === exportPdf || step === exportPptx)) console.warn(RELATIVE_LINKS_WARNING);

  await withStagingDir(resolve(values.out), async (staging) => {
    // One build for every step: what they share (the demo stills) is made once. The steps run side
    // by side (each export is a browser of its own) and report in the order they were asked for.
    const build = { deck, config, marp, staging, chromium, linkBase };
    const outcomes = await Promise.allSettled(steps.map((step) => step(build)));
    for (const outcome of outcomes) {
      if (outcome.status === 'rejected') throw outcome.reason;
      for (const written of outcome.value) console.log(describe(written));
    }
  });
  await markHandouts(resolve(values.out));
}

function parseCommandLine(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      allowPositionals: true,
      options: { deck: { type: 'string', default: defaultDeckPath }, out: { type: 'string', default: defaultOutDir } },
    });
  } catch (error) {
    throw new DeckError(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
  }
}

function describe({ path, files }: Written): string {
  return files === undefined ? `wrote ${displayPath(path)}` : `wrote ${displayPath(path)}/ (${files} files)`;
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(error instanceof DeckError ? error.message : error);
  process.exitCode = 1;
});
