import { type Notice, readState, type Schema, type StateOf, writeState } from './url-state/index.ts';

/**
 * `live` while a slider is dragged (no history entry per pixel), `push` when a change is
 * committed (one back-button step), `replace` to correct the address without a step (and for the
 * steps a playing animation takes).
 */
export type HistoryMode = 'push' | 'replace' | 'live';

/**
 * The address is rewritten at most this often by `replace`: browsers refuse a page that rewrites it
 * faster (Safari allows 100 calls in 30 s, Chromium throttles past about 20 a second), and a pulse
 * plays at up to 60 steps a second. The state itself changes at once; the address follows.
 */
export const MIN_REPLACE_INTERVAL_MS = 400;

/** The demo's state, mirrored in the address bar: reload, back and forward restore it. */
export interface UrlStore<S extends Schema> {
  get(): StateOf<S>;
  set(patch: Partial<StateOf<S>>, mode?: HistoryMode): void;
  subscribe(listener: (state: StateOf<S>) => void): () => void;
  /** The query string for a state, e.g. for the language switch link. */
  query(state: StateOf<S>): string;
  readonly initialNotices: readonly Notice[];
  /** Every parameter name the address gave on load, valid or not, before the address was corrected. */
  readonly givenParams: ReadonlySet<string>;
}

export function createUrlStore<S extends Schema>(schema: S, win: Window = window): UrlStore<S> {
  const first = readState(schema, win.location.search);
  const givenParams = new Set(new URLSearchParams(win.location.search).keys());
  let state = first.state;
  const listeners = new Set<(state: StateOf<S>) => void>();
  const notify = () =>
    listeners.forEach((listener) => {
      listener(state);
    });

  const urlFor = (next: StateOf<S>) => {
    const query = writeState(schema, next);
    return `${win.location.pathname}${query ? `?${query}` : ''}${win.location.hash}`;
  };
  // Rewrite the address once so a corrected URL is what gets shared.
  if (first.notices.length > 0) win.history.replaceState(null, '', urlFor(state));

  let lastReplace = Number.NEGATIVE_INFINITY;
  let pendingReplace: ReturnType<typeof setTimeout> | null = null;
  const writeNow = (mode: 'push' | 'replace') => {
    if (pendingReplace !== null) clearTimeout(pendingReplace);
    pendingReplace = null;
    const url = urlFor(state);
    const current = `${win.location.pathname}${win.location.search}${win.location.hash}`;
    if (url === current) return;
    if (mode === 'push') win.history.pushState(null, '', url);
    else {
      win.history.replaceState(null, '', url);
      lastReplace = Date.now();
    }
  };
  const writeUrl = (mode: 'push' | 'replace') => {
    const wait = lastReplace + MIN_REPLACE_INTERVAL_MS - Date.now();
    if (mode === 'push' || wait <= 0) return writeNow(mode);
    pendingReplace ??= setTimeout(() => writeNow('replace'), wait);
  };
  // Leaving the page (reload, a link) keeps the latest state in the address it comes back to.
  win.addEventListener('pagehide', () => {
    if (pendingReplace !== null) writeNow('replace');
  });

  win.addEventListener('popstate', () => {
    if (pendingReplace !== null) clearTimeout(pendingReplace);
    pendingReplace = null;
    state = readState(schema, win.location.search).state;
    notify();
  });

  return {
    get: () => state,
    set(patch, mode = 'push') {
      // The entry being left keeps the state it showed, even if its address was still to follow.
      if (mode === 'push' && pendingReplace !== null) writeNow('replace');
      state = { ...state, ...patch };
      if (mode !== 'live') writeUrl(mode);
      notify();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    query: (s) => writeState(schema, s),
    initialNotices: first.notices,
    givenParams,
  };
}
