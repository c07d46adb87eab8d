/** The deck's PDF, PPTX and PNG exports: for each, marp-cli renders the deck in Chromium. */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import JSZip from 'jszip';
import { PDFDocument } from 'pdf-lib';
import { type BuildStep, type DeckBuild, outputName, requireChromium } from './deck-build.ts';
import { demoStillSettings } from './demo-stills.ts';
import type { ExportSettings } from './export-settings.ts';
import { launchChromium } from './launch-chromium.ts';
import { handoutLinkSettings, relativizePdfLinks } from './link-base.ts';
import { measureLinks, type SlideLinks } from './measure-links.ts';
import { slideTitles, writePdfOutline } from './pdf-outline.ts';
import { tagPptxLanguage } from './pptx-language.ts';
import { addLinksToPptx } from './pptx-links.ts';
import { PPTX_IMAGE_SCALE, shrinkPptxPictures } from './pptx-pictures.ts';
import { runMarpCli } from './run-marp-cli.ts';

/** What every export renders with: its demo links made absolute (when the site has an address) and the demo stills. */
async function exportSettings(build: DeckBuild): Promise<ExportSettings> {
  return { ...handoutLinkSettings(build.linkBase), ...(await demoStillSettings(build)) };
}

/** dist/deck.pdf: one page per slide, fonts embedded, hyperlinks kept (demo links: see link-base.ts), an outline of the slides' titles. */
export const exportPdf: BuildStep = async (build) => {
  const name = `${outputName(build)}.pdf`;
  const output = join(build.staging.path, name);
  await runMarpCli([build.deck.file, '--pdf', '--browser-path', requireChromium(build), '-o', output], await exportSettings(build));
  const pdf = await PDFDocument.load(await readFile(output));
  if (build.linkBase === null) relativizePdfLinks(pdf, dirname(build.deck.file));
  writePdfOutline(pdf, slideTitles(build.marp, build.deck.markdown));
  await writeFile(output, await pdf.save());
  return [{ path: await build.staging.publish(name) }];
};

/** dist/deck.pptx: marp-cli's picture slides (full HD, palette PNG: pptx-pictures.ts) with speaker notes, plus a clickable area on every link. */
export const exportPptx: BuildStep = async (build) => {
  const name = `${outputName(build)}.pptx`;
  const file = join(build.staging.path, name);
  const settings = await exportSettings(build);
  const [, links] = await Promise.all([
    runMarpCli(
      [build.deck.file, '--pptx', '--image-scale', String(PPTX_IMAGE_SCALE), '--browser-path', requireChromium(build), '-o', file],
      settings,
    ),
    linksOf(build, settings),
  ]);
  const zip = await JSZip.loadAsync(await readFile(file));
  await addLinksToPptx(zip, links);
  await tagPptxLanguage(zip, build.config.lang ?? 'en');
  await shrinkPptxPictures(zip);
  await writeFile(file, await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
  return [{ path: await build.staging.publish(name) }];
};

async function linksOf(build: DeckBuild, settings: ExportSettings): Promise<SlideLinks[]> {
  const browser = await launchChromium(requireChromium(build));
  try {
    return await measureLinks(browser, build.marp, build.deck, build.config.lang ?? 'en', settings);
  } finally {
    await browser.close();
  }
}

/** dist/png/deck.001.png …: one 1280×720 picture per slide (demo links with their QR codes, as in the PDF); the folder is replaced as a whole. */
export const exportPng: BuildStep = async (build) => {
  const name = outputName(build);
  const folder = join(build.staging.path, 'png');
  const output = join(folder, `${name}.png`);
  await runMarpCli(
    [build.deck.file, '--images', 'png', '--browser-path', requireChromium(build), '-o', output],
    await exportSettings(build),
  );
  const pictures = (await readdir(folder)).sort();
  const published = await build.staging.publish('png');
  return pictures.map((picture) => ({ path: join(published, picture) }));
};
