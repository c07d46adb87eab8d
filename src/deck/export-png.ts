import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { type BuildStep, outputName, requireChromium } from './deck-build.ts';
import { runMarpCli } from './run-marp-cli.ts';

/** dist/png/deck.001.png …: one 1280×720 picture per slide; the folder is replaced as a whole. */
export const exportPng: BuildStep = async (build) => {
  const name = outputName(build);
  const folder = join(build.staging.path, 'png');
  const output = join(folder, `${name}.png`);
  await runMarpCli([build.deck.file, '--images', 'png', '--browser-path', requireChromium(build), '-o', output]);
  const pictures = (await readdir(folder)).sort();
  const published = await build.staging.publish('png');
  return pictures.map((picture) => ({ path: join(published, picture) }));
};
