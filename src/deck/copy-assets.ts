import { access, copyFile, mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { type AssetRoute, routedUrlPath } from './asset-routes.ts';
import { DeckError } from './deck-error.ts';
import { findUrlReferences, isLocalUrl, localFileOf } from './url-references.ts';

/**
 * Copies the relocated assets beside the HTML, with what their CSS loads (a font CSS's font files).
 * Returns the URL paths written.
 */
export async function copyAssets(assets: Map<string, string>, routes: AssetRoute[], outDir: string): Promise<string[]> {
  const files = await withStylesheetDependencies(assets, routes);
  await Promise.all(
    [...files].map(async ([urlPath, file]) => {
      const target = join(outDir, ...urlPath.split('/').map(decodeURIComponent));
      await mkdir(dirname(target), { recursive: true });
      await copyFile(file, target);
    }),
  );
  return [...files.keys()];
}

async function withStylesheetDependencies(assets: Map<string, string>, routes: AssetRoute[]): Promise<Map<string, string>> {
  const files = new Map(assets);
  const pending = [...assets.values()];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    await access(file).catch(() => {
      throw new DeckError(`${file} is referenced by the deck but does not exist`);
    });
    if (!file.endsWith('.css')) continue;
    for (const { url } of findUrlReferences(await readFile(file, 'utf8'))) {
      if (!isLocalUrl(url)) continue;
      const dependency = localFileOf(url, dirname(file));
      const urlPath = routedUrlPath(routes, dependency);
      if (urlPath === undefined) throw new DeckError(`${file}: ${url} is outside the shipped asset folders`);
      if (!files.has(urlPath)) pending.push(dependency);
      files.set(urlPath, dependency);
    }
  }
  return files;
}
