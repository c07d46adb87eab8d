import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { assetRoutes } from './asset-routes.ts';
import { copyAssets } from './copy-assets.ts';
import { type BuildStep, outputName, type Written } from './deck-build.ts';
import { renderDeckHtml } from './render-deck-html.ts';
import { SHORT_LINKS_FOLDER, shortLinkPage, shortLinks } from './short-links.ts';

/**
 * dist/deck.html with dist/img/ and dist/fonts/ beside it: works from disk or any static server path
 * (its live demos: from a server, beside dist/demos/); and dist/go/<code>/, the short addresses the
 * handouts print (short-links.ts).
 */
export const buildHtml: BuildStep = async (build) => {
  const routes = assetRoutes(build.config);
  // Live demos in the slides only where the demo pages are beside the deck (`npm run build` puts them there first).
  const liveDemos = existsSync(join(dirname(build.staging.path), 'demos'));
  // With a public address, the summary's link to the front page shows its QR code for the audience's phones.
  const { html, assets } = await renderDeckHtml(build.deck, routes, { liveDemos, publicBase: build.linkBase });
  const htmlName = `${outputName(build)}.html`;
  await writeFile(join(build.staging.path, htmlName), html);
  const copied = await copyAssets(assets, routes, build.staging.path);
  for (const link of shortLinks(build.marp, build.deck)) {
    const folder = join(build.staging.path, SHORT_LINKS_FOLDER, link.code);
    await mkdir(folder, { recursive: true });
    await writeFile(join(folder, 'index.html'), shortLinkPage(link));
    copied.push(`${SHORT_LINKS_FOLDER}/${link.code}/index.html`);
  }
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
