import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { projectRoot } from './run-deck-cli.ts';

const deckFolderUrl = `${pathToFileURL(join(projectRoot, 'slides')).href}/`;

/**
 * A link's target as Chromium writes it into the PDF: absolute as written, and relative to the
 * deck's folder otherwise (marp-cli renders the deck with a <base> at slides/).
 */
export function asResolvedByChromium(href: string): string {
  return new URL(href, deckFolderUrl).href;
}
