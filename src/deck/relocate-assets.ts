import { dirname } from 'node:path';
import { type AssetRoute, routedUrlPath } from './asset-routes.ts';
import { DeckError, displayPath } from './deck-error.ts';
import { isLocalUrl, localFileOf, rewriteUrlReferences } from './url-references.ts';

export interface RelocatedHtml {
  /** The HTML with every local file it loads pointed at its place beside the HTML ('img/…', 'fonts/…'). */
  html: string;
  /** Those places (URL paths relative to the HTML) and the files that belong there. */
  assets: Map<string, string>;
}

/**
 * Rewrites the URLs a rendered deck uses for local files (relative to the deck's folder, or file:
 * URLs) into paths relative to the HTML itself, by the asset routes. The HTML build copies the
 * files there; the dev server serves them there. Links to other local pages are left as written.
 */
export function relocateAssets(html: string, deckFile: string, routes: AssetRoute[]): RelocatedHtml {
  const assets = new Map<string, string>();
  const unplaced: string[] = [];
  const relocated = rewriteUrlReferences(html, ({ url, kind }) => {
    if (!isLocalUrl(url)) return url;
    const file = localFileOf(url, dirname(deckFile));
    const urlPath = routedUrlPath(routes, file);
    if (urlPath === undefined) {
      if (kind === 'resource') unplaced.push(url);
      return url;
    }
    assets.set(urlPath, file);
    return urlPath + url.slice(url.search(/[?#]|$/));
  });
  if (unplaced.length > 0) {
    const folders = routes.map((route) => route.urlPrefix).join(', ');
    const missing = unplaced.join(', ');
    throw new DeckError(`${displayPath(deckFile)}: ${missing} would be missing from the built deck (it ships ${folders})`);
  }
  return { html: relocated, assets };
}
