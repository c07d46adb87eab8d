import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AssetRoute } from './asset-routes.ts';
import type { DeckSource } from './deck-source.ts';
import { type RelocatedHtml, relocateAssets } from './relocate-assets.ts';
import { runMarpCli } from './run-marp-cli.ts';
import { withJapaneseTemplateFont } from './template-font.ts';

/**
 * The deck as marp-cli's bespoke HTML (presenter view, overview, fullscreen), its local files
 * pointed at their places beside it. The HTML build and the dev server both show this.
 */
export async function renderDeckHtml(deck: DeckSource, routes: AssetRoute[]): Promise<RelocatedHtml> {
  const dir = await mkdtemp(join(tmpdir(), 'deck-html-'));
  try {
    const file = join(dir, 'deck.html');
    await runMarpCli([deck.file, '-o', file]);
    return relocateAssets(withJapaneseTemplateFont(await readFile(file, 'utf8')), deck.file, routes);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
