/** The deck's PDF, PPTX and PNG exports: for each, marp-cli renders the deck in Chromium. */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { type BuildStep, type DeckBuild, outputName, requireChromium } from './deck-build.ts';
import { withDemoStills } from './demo-stills.ts';
import { launchChromium } from './launch-chromium.ts';
import { relativizePdfLinks, withHandoutLinks } from './link-base.ts';
import { measureLinks, type SlideLinks } from './measure-links.ts';
import { addLinksToPptx } from './pptx-links.ts';
import { runMarpCli } from './run-marp-cli.ts';

/** dist/deck.pdf: one page per slide, fonts embedded, hyperlinks kept (demo links: see link-base.ts), outline from pages and headings. */
export const exportPdf: BuildStep = async (build) => {
  const name = `${outputName(build)}.pdf`;
  const output = join(build.staging.path, name);
  await withDemoStills(build, () =>
    withHandoutLinks(build.linkBase, () => runMarpCli([build.deck.file, '--pdf', '--browser-path', requireChromium(build), '-o', output])),
  );
  if (build.linkBase === null) {
    const { pdf, rewritten } = await relativizePdfLinks(await readFile(output), dirname(build.deck.file));
    if (rewritten > 0) await writeFile(output, pdf);
  }
  return [{ path: await build.staging.publish(name) }];
};

/** dist/deck.pptx: marp-cli's picture slides with speaker notes, plus a clickable area on every link. */
export const exportPptx: BuildStep = async (build) => {
  const name = `${outputName(build)}.pptx`;
  const file = join(build.staging.path, name);
  const [, links] = await withDemoStills(build, () =>
    withHandoutLinks(build.linkBase, () =>
      Promise.all([runMarpCli([build.deck.file, '--pptx', '--browser-path', requireChromium(build), '-o', file]), linksOf(build)]),
    ),
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

/** dist/png/deck.001.png …: one 1280×720 picture per slide (demo links with their QR codes, as in the PDF); the folder is replaced as a whole. */
export const exportPng: BuildStep = async (build) => {
  const name = outputName(build);
  const folder = join(build.staging.path, 'png');
  const output = join(folder, `${name}.png`);
  await withDemoStills(build, () =>
    withHandoutLinks(build.linkBase, () =>
      runMarpCli([build.deck.file, '--images', 'png', '--browser-path', requireChromium(build), '-o', output]),
    ),
  );
  const pictures = (await readdir(folder)).sort();
  const published = await build.staging.publish('png');
  return pictures.map((picture) => ({ path: join(published, picture) }));
};
