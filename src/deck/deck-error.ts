/** A problem the user must fix (bad deck, missing browser): shown as its message alone, no stack. */
export class DeckError extends Error {
  override name = 'DeckError';
}
