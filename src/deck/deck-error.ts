import { isAbsolute, relative } from 'node:path';

/** A problem the user must fix (bad deck, missing browser): shown as its message alone, no stack. */
export class DeckError extends Error {
  override name = 'DeckError';
}

/** A file as the user would type it, for messages: relative to the working folder when inside it. */
export function displayPath(file: string): string {
  const fromCwd = relative(process.cwd(), file);
  return fromCwd && !fromCwd.startsWith('..') && !isAbsolute(fromCwd) ? fromCwd : file;
}
