import { join } from 'node:path';
import { type BuildStep, outputName, requireChromium } from './deck-build.ts';
import { withAbsoluteLinks } from './link-base.ts';
import { runMarpCli } from './run-marp-cli.ts';

/** dist/deck.pdf: one page per slide, fonts embedded, hyperlinks kept (demo links absolute, see link-base.ts), outline from pages and headings. */
export const exportPdf: BuildStep = async (build) => {
  const name = `${outputName(build)}.pdf`;
  const output = join(build.staging.path, name);
  await withAbsoluteLinks(() => runMarpCli([build.deck.file, '--pdf', '--browser-path', requireChromium(build), '-o', output]));
  return [{ path: await build.staging.publish(name) }];
};
