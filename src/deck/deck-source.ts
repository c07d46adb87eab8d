import { readFile } from 'node:fs/promises';
import { DeckError, displayPath } from './deck-error.ts';

/** A deck's Markdown and the file it came from (relative URLs in it resolve from that file's folder). */
export interface DeckSource {
  file: string;
  markdown: string;
}

export async function readDeck(file: string): Promise<DeckSource> {
  const markdown = await readFile(file, 'utf8').catch((error: NodeJS.ErrnoException) => {
    throw new DeckError(`${displayPath(file)}: cannot read the deck (${error.code ?? error.message})`);
  });
  return { file, markdown };
}
