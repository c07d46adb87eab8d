import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type BuildStep, type DeckBuild, outputName, requireChromium } from './deck-build.ts';
import { launchChromium } from './launch-chromium.ts';
import { withAbsoluteLinks } from './link-base.ts';
import { measureLinks, type SlideLinks } from './measure-links.ts';
import { addLinksToPptx } from './pptx-links.ts';
import { runMarpCli } from './run-marp-cli.ts';

/** dist/deck.pptx: marp-cli's picture slides with speaker notes, plus a clickable area on every link. */
export const exportPptx: BuildStep = async (build) => {
  const name = `${outputName(build)}.pptx`;
  const file = join(build.staging.path, name);
  const [, links] = await withAbsoluteLinks(() =>
    Promise.all([runMarpCli([build.deck.file, '--pptx', '--browser-path', requireChromium(build), '-o', file]), linksOf(build)]),
  );
  await writeFile(file, await addLinksToPptx(await readFile(file), links));
  return [{ path: await build.staging.publish(name) }];
};

async function linksOf(build: DeckBuild): Promise<SlideLinks[]> {
  const browser = await launchChromium(requireChromium(build));
  try {
    return await measureLinks(browser, build.marp, build.deck, build.config.lang ?? 'en');
  } finally {
    await browser.close();
  }
}
