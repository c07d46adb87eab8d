import { type Notice, readState, type Schema, type StateOf, writeState } from './url-state/index.ts';

/**
 * `live` while a slider is dragged (no history entry per pixel), `push` when a change is
 * committed (one back-button step), `replace` to correct the address without a step.
 */
export type HistoryMode = 'push' | 'replace' | 'live';

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

  const writeUrl = (mode: 'push' | 'replace') => {
    const url = urlFor(state);
    const current = `${win.location.pathname}${win.location.search}${win.location.hash}`;
    if (mode === 'push' && url !== current) win.history.pushState(null, '', url);
    else win.history.replaceState(null, '', url);
  };

  win.addEventListener('popstate', () => {
    state = readState(schema, win.location.search).state;
    notify();
  });

  return {
    get: () => state,
    set(patch, mode = 'push') {
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
