import type { AssetRoute } from './asset-routes.ts';
import { DeckError } from './deck-error.ts';
import { readDeck } from './deck-source.ts';
import { createMarp, type MarpConfig } from './marp-config.ts';
import { renderDeckHtml } from './render-deck-html.ts';
import { validateDeck } from './validate-deck.ts';

/**
 * The page the dev server shows at /deck.html: the deck as the HTML build makes it (validated, same
 * config and relocation) or, when the deck cannot be built, a page saying why. Never rejects.
 */
export async function renderDevDeckPage(deckFile: string, config: MarpConfig, routes: AssetRoute[]): Promise<string> {
  try {
    const deck = await readDeck(deckFile);
    validateDeck(await createMarp(config), deck);
    return (await renderDeckHtml(deck, routes, { liveDemos: true })).html;
  } catch (error) {
    return buildErrorPage(error);
  }
}

function buildErrorPage(error: unknown): string {
  const message = error instanceof DeckError ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
  return `<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Deck build failed</title>
<style>
  body { margin: 2rem; font: 16px/1.5 system-ui, sans-serif; color: #1f2933; }
  h1 { color: #b91c1c; font-size: 1.4rem; }
  pre { padding: 1rem; background: #fef2f2; border-left: 6px solid #b91c1c; white-space: pre-wrap; }
</style></head>
<body><h1>Deck build failed</h1><pre>${escapeHtml(message)}</pre>
<p>Fix the file and save: this page reloads by itself.</p></body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
