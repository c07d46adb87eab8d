import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AssetRoute } from './asset-routes.ts';
import type { DeckSource } from './deck-source.ts';
import { audienceQrSettings } from './link-base.ts';
import { type RelocatedHtml, relocateAssets } from './relocate-assets.ts';
import { runMarpCli } from './run-marp-cli.ts';

/**
 * The deck as marp-cli's bespoke HTML (presenter view, overview, fullscreen), its local files
 * pointed at their places beside it. The HTML build and the dev server both show this.
 */
export async function renderDeckHtml(
  deck: DeckSource,
  routes: AssetRoute[],
  { liveDemos, publicBase = null }: { liveDemos: boolean; publicBase?: string | null },
): Promise<RelocatedHtml> {
  const dir = await mkdtemp(join(tmpdir(), 'deck-html-'));
  try {
    const file = join(dir, 'deck.html');
    await runMarpCli([deck.file, '-o', file], audienceQrSettings(publicBase));
    const html = withSiteIcon(withJapaneseTemplateFont(await readFile(file, 'utf8')));
    return relocateAssets(liveDemos ? withDemoEmbeds(html) : html, deck.file, routes);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * marp-cli's bespoke template draws its own chrome (presenter notes, page controls) in
 * Helvetica/Arial, outside the theme. With no Japanese system font that shows the notes as empty
 * boxes, so the chrome uses the Noto Sans JP the theme already loads for the slides. It comes first:
 * listed after a system font, Chromium kept drawing some kanji as boxes even once it had loaded.
 */
const templateCss =
  'body[data-bespoke-view] .bespoke-marp-presenter-container, body[data-bespoke-view] .bespoke-marp-osc' +
  " { font-family: 'Noto Sans JP', Helvetica, Arial, sans-serif; }" +
  // The speaker notes break lines between phrases, as the slides do (the theme cannot reach them).
  ' body[data-bespoke-view] .bespoke-marp-note { word-break: auto-phrase; overflow-wrap: anywhere; }';

function withJapaneseTemplateFont(html: string): string {
  return html.replace(/<\/head>/i, `<style>${templateCss}</style>$&`);
}

/**
 * The site's icon (src/favicon.svg, which the demo pages link), written into the deck page itself: it
 * works from any folder and from disk, and the browser does not ask the server for /favicon.ico.
 */
const siteIcon = `data:image/svg+xml,${encodeURIComponent(readFileSync(new URL('../favicon.svg', import.meta.url), 'utf8').trim())}`;

function withSiteIcon(html: string): string {
  return html.replace(/<\/head>/i, `<link rel="icon" type="image/svg+xml" href="${siteIcon}">$&`);
}

/** The live demos of the slides (embed-runtime.js) and the frame they run in: fixed over the slide, scaled with it. */
const embedRuntime = readFileSync(new URL('./embed-runtime.js', import.meta.url), 'utf8');
const embedCss =
  '.demo-embed-box{position:fixed;z-index:10;overflow:hidden;background:#fff}' +
  '.demo-embed-box iframe{display:block;border:0;transform-origin:0 0}' +
  // The focus ring lies over the demo (an outline would be hidden under the frame or off the slide's edge).
  ".demo-embed-box::after{content:'';position:absolute;inset:0;border:4px solid transparent;pointer-events:none}" +
  '.demo-embed-box:focus-within::after,.demo-embed-box:focus-visible::after{border-color:#c2410c}' +
  '.demo-embed-box:focus{outline:none}';

function withDemoEmbeds(html: string): string {
  return html.replace(/<\/body>/i, () => `<style>${embedCss}</style><script>${embedRuntime}</script></body>`);
}
