import { existsSync, realpathSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { katexFontsDir, type MarpConfig } from './marp-config.ts';
import { projectRoot } from './project-paths.ts';

/** A folder of files the deck loads, and the URL prefix it has next to the built HTML (and in dev). */
export interface AssetRoute {
  urlPrefix: string;
  dir: string;
}

export function assetRoutes(config: MarpConfig): AssetRoute[] {
  return [
    { urlPrefix: 'img/', dir: join(projectRoot, 'img') },
    // The theme imports it as '../node_modules/@fontsource/noto-sans-jp/400.css' (and 700).
    { urlPrefix: 'fonts/noto-sans-jp/', dir: join(projectRoot, 'node_modules', '@fontsource', 'noto-sans-jp') },
    // The theme takes the Latin middle dot from '../node_modules/@fontsource/noto-sans/files/…'.
    { urlPrefix: 'fonts/noto-sans/', dir: join(projectRoot, 'node_modules', '@fontsource', 'noto-sans') },
    { urlPrefix: 'fonts/katex/', dir: katexFontsDir(config) },
  ].map((route) => ({ ...route, dir: realPath(route.dir) }));
}

/**
 * The URL path ('img/relu.svg') of a file inside one of the routes, or undefined. Paths are compared
 * after resolving symbolic links, so a linked node_modules or img/ still counts as the same folder.
 */
export function routedUrlPath(routes: AssetRoute[], file: string): string | undefined {
  const real = realPath(file);
  for (const route of routes) {
    const inside = relative(route.dir, real);
    if (inside && !inside.startsWith('..') && !inside.startsWith(sep)) {
      return route.urlPrefix + inside.split(sep).map(encodeURIComponent).join('/');
    }
  }
  return undefined;
}

/** The file behind a URL path ('fonts/katex/KaTeX_Main-Regular.woff2'), or undefined. */
export function routedFile(routes: AssetRoute[], urlPath: string): string | undefined {
  for (const route of routes) {
    if (!urlPath.startsWith(route.urlPrefix)) continue;
    const file = join(route.dir, ...urlPath.slice(route.urlPrefix.length).split('/').map(decodeURIComponent));
    return routedUrlPath([route], file) ? file : undefined;
  }
  return undefined;
}

function realPath(path: string): string {
  return existsSync(path) ? realpathSync(path) : path;
}
