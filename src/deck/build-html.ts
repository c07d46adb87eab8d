import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { assetRoutes } from './asset-routes.ts';
import { copyAssets } from './copy-assets.ts';
import { type BuildStep, outputName, type Written } from './deck-build.ts';
import { renderDeckHtml } from './render-deck-html.ts';

/** dist/deck.html with dist/img/ and dist/fonts/ beside it: works from disk or any static server path. */
export const buildHtml: BuildStep = async (build) => {
  const routes = assetRoutes(build.config);
  const { html, assets } = await renderDeckHtml(build.deck, routes);
  const htmlName = `${outputName(build)}.html`;
  await writeFile(join(build.staging.path, htmlName), html);
  const copied = await copyAssets(assets, routes, build.staging.path);
  // Support folders first: the HTML appears only once what it loads is in place.
  const folders = [...new Set(copied.map((urlPath) => urlPath.split('/')[0] ?? urlPath))].sort();
  const written: Written[] = [];
  for (const folder of folders) {
    written.push({
      path: await build.staging.publish(folder),
      files: copied.filter((urlPath) => urlPath.startsWith(`${folder}/`)).length,
    });
  }
  written.push({ path: await build.staging.publish(htmlName) });
  return written;
};
