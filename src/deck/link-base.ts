import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type PDFDocument, PDFName, PDFString } from 'pdf-lib';
import type { ExportSettings } from './export-settings.ts';
import { uriLinks } from './pdf-link-annotations.ts';
import { projectRoot } from './project-paths.ts';

/**
 * Where a PDF or PPTX sends its demo links: the public address of the built site, set in one place,
 * package.json's "homepage", and overridable by DEMO_BASE_URL. With neither, the handouts keep their
 * links relative to the deck: they work when the PDF is opened from the built site, and never point
 * at one machine's localhost. The HTML deck always keeps them relative.
 */
export function handoutBase(env: NodeJS.ProcessEnv = process.env, homepage: string | undefined = packageHomepage()): string | null {
  const fromEnv = env.DEMO_BASE_URL?.trim();
  const raw = fromEnv || homepage?.trim();
  if (!raw) return null;
  const source = fromEnv ? 'DEMO_BASE_URL' : 'package.json "homepage"';
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`${source} is not an absolute URL: ${raw} (e.g. https://example.org/talk/)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new Error(`${source} must be an http(s) address: ${raw}`);
  // A base without a trailing slash would drop its last folder when links are resolved against it.
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

function packageHomepage(): string | undefined {
  const manifest = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { homepage?: unknown };
  return typeof manifest.homepage === 'string' ? manifest.homepage : undefined;
}

/** The one line an export prints when the handouts' links stay relative. */
export const RELATIVE_LINKS_WARNING =
  'warning: no public address for the demos (package.json "homepage" or DEMO_BASE_URL), so the PDF and PPTX link them relative to the deck: the links work when the file is opened from the built site.';

/** The setting that makes the exports' relative links absolute against `base` (the rule in marp.config.mjs); none keeps them relative. */
export function handoutLinkSettings(base: string | null): ExportSettings {
  return base === null ? {} : { DECK_LINK_BASE: base };
}

/**
 * The setting that gives the HTML deck's link to the demos' front page (the summary slide) its QR code
 * and printed address on `base`, for the audience's phones; its link itself stays relative, for the
 * presenter's click. None without a public address: a QR code for this machine's address would be useless.
 */
export function audienceQrSettings(base: string | null): ExportSettings {
  return base === null ? {} : { DECK_AUDIENCE_BASE: base };
}

/**
 * Chromium prints a relative link as an absolute file: URL under the deck's folder (one machine's
 * path). This turns each such link of the PDF back into the relative link the deck wrote.
 */
export function relativizePdfLinks(document: PDFDocument, deckDir: string): void {
  const folder = pathToFileURL(join(deckDir, '/')).href;
  for (const { action, uri } of uriLinks(document)) {
    if (uri.startsWith(folder)) action.set(PDFName.of('URI'), PDFString.of(uri.slice(folder.length)));
  }
}
