/**
 * The demo kit: how every demo page is written. A demo is a folder under src/demos/ with
 *   schema.ts   its URL parameters (one table: name, type, range, default; url-state/schema.ts),
 *   strings.ts  its words in Japanese and English,
 *   model*.ts   pure numbers from the URL state, through the engine (src/autodiff) and src/nn,
 *   view-*.ts   `create<Thing>View` factories, each a `View<Model>` (view.ts): an element and update(model),
 *   main.ts     `startDemo({ id, schema, strings, mount })`: builds controls and views, subscribes
 *               them to the URL store, and returns its player so the page can be driven from outside.
 *
 * What lives in the URL: everything that decides what the page shows, so a link, a reload or the
 * back button shows the same picture: the settings and the position of a stepped walk-through
 * (descent's k, the backprop walk's step and iter, the composition's k, the gradient chain's pulse
 * step). Not in the URL: what only time produces (a training run's progress: reset and play reach
 * it again) and the moment (playing, a drag in progress, focus). A step the user takes is one
 * history entry (`push`); steps taken while playing replace the entry (`replace`, and the address
 * follows at most a few times a second: url-store.ts).
 *
 * From outside the page (the deck embedding it, a second window), a demo is driven through its
 * `DemoHandle` on `window.demo`: read, observe and set its state (URL state, playing, progress),
 * play, pause and reset. With `embed=1` the page lays itself out in the box it is given (an
 * iframe), without its header. With `sync=<name>` it keeps in step with the other windows of that
 * name (sync.ts): the deck gives its live demos one per slide, so the presenter view and the
 * audience window show one demo.
 */
import { backSlide, type DemoId } from '../demos/registry.ts';
import './demo.css';
import { el } from './dom.ts';
import { format, type Lang, type Strings } from './i18n.ts';
import { noticeBanner } from './notices.ts';
import { type PageSchema, pageSchema } from './page-schema.ts';
import type { Player } from './player.ts';
import { sharedStrings } from './strings.ts';
import { joinSync, type Mirror, sharedParams, syncChannelName } from './sync.ts';
import type { Schema, StateOf } from './url-state/index.ts';
import { createUrlStore, type HistoryMode, type UrlStore } from './url-store.ts';

export interface DemoContext<S extends Schema, K extends string> {
  readonly store: UrlStore<PageSchema<S>>;
  readonly lang: Lang;
  readonly text: (key: K) => string;
  /** Left column: labelled inputs. */
  readonly controls: HTMLElement;
  /** The plots. */
  readonly stage: HTMLElement;
}

export interface DemoDefinition<S extends Schema, K extends string> {
  readonly schema: S;
  readonly strings: Strings<K | 'title'>;
  /** Its id in src/demos/registry.ts, which says the slide the back link goes to unless the URL says `from`. */
  readonly id: DemoId;
  /** Builds the page; returns what can be driven from outside (nothing for a demo without a player). */
  mount(context: DemoContext<S, K>): MountedDemo | undefined;
}

/**
 * What a mounted demo gives the kit: its player; for a demo that runs in time, its progress; and for a
 * demo whose state is more than its URL, what a synced window needs to show it (sync.ts).
 */
export interface MountedDemo {
  readonly player: Player;
  readonly progress?: Progress;
  readonly mirror?: Mirror;
}

/** Steps done by a process that runs in time (the training lab): read-only; reset starts again. */
export interface Progress {
  value(): number;
  subscribe(listener: () => void): () => void;
}

/** The whole state of a demo as seen from outside its page. */
export interface DemoState<S extends Schema = Schema> {
  /** Everything the URL holds: the settings and the position of a stepped walk-through. */
  readonly params: StateOf<PageSchema<S>>;
  readonly playing: boolean;
  /** Steps done by a demo that runs in time (the training lab's runs); null for the others. */
  readonly progress: number | null;
}

export interface DemoHandle<S extends Schema = Schema> {
  get(): DemoState<S>;
  /** Changes the URL state (one history entry unless `mode` says otherwise) and/or starts or pauses playing. */
  set(patch: { readonly params?: Partial<StateOf<PageSchema<S>>>; readonly playing?: boolean }, mode?: HistoryMode): void;
  /** Calls `listener` after every change of the state; returns the way to stop. */
  subscribe(listener: (state: DemoState<S>) => void): () => void;
  play(): void;
  pause(): void;
  /** As the reset button: back to the first step (the training lab: the runs start again). */
  reset(): void;
}

declare global {
  interface Window {
    /** The demo on this page, for the deck that embeds it and for a second window. */
    demo?: DemoHandle;
  }
}

/** Where the deck lives relative to a demo page (`/demos/<name>/`), on the dev server and in dist/. */
export const DECK_FROM_DEMO = '../../deck.html';

export function startDemo<S extends Schema, K extends string>(demo: DemoDefinition<S, K>, root: HTMLElement = document.body): void {
  const store = createUrlStore({ ...demo.schema, ...pageSchema(backSlide(demo.id, location.search)) } as PageSchema<S>);
  const lang = store.get().lang as Lang;
  const shared = sharedStrings[lang];
  const strings = demo.strings[lang];
  document.documentElement.lang = lang;
  document.title = strings.title;
  const embedded = store.get().embed as boolean;
  document.documentElement.classList.toggle('demo-embedded', embedded);
  // In a slide (the deck's embed-runtime.js), Esc hands the keyboard back to the deck.
  if (embedded && window.parent !== window) {
    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape') window.parent.postMessage({ type: 'demo-embed-escape' }, location.origin);
    });
  }

  const back = el('a', { class: 'back-link' });
  const langSwitch = el('a', { class: 'lang-link', lang: lang === 'ja' ? 'en' : 'ja' }, shared.switchLang);
  const updateLinks = () => {
    const state = store.get();
    back.href = `${DECK_FROM_DEMO}#${state.from}`;
    back.textContent = format(shared.backToSlide, { n: state.from as number });
    const query = store.query({ ...state, lang: lang === 'ja' ? 'en' : 'ja' });
    langSwitch.href = `?${query}`;
  };
  store.subscribe(updateLinks);
  updateLinks();

  const header = el(
    'header',
    { class: 'demo-header' },
    back,
    el('h1', {}, strings.title),
    el('nav', {}, el('a', { href: '../../' }, shared.allDemos), langSwitch),
  );
  const controls = el('section', { class: 'demo-controls', 'aria-label': strings.title });
  const stage = el('section', { class: 'demo-stage' });
  const banner = noticeBanner(store.initialNotices, lang);
  root.replaceChildren(...(embedded ? [] : [header]), ...(banner ? [banner] : []), el('main', { class: 'demo-main' }, controls, stage));
  const mounted = demo.mount({ store, lang, text: (key) => strings[key], controls, stage });
  window.demo = createDemoHandle(store, mounted) as unknown as DemoHandle;
  const syncName = store.get().sync as string;
  if (syncName !== '' && typeof BroadcastChannel === 'function') syncWindows(store, mounted, syncChannelName(demo.id, syncName));
}

/** Keeps this page in step with the other windows of its sync name (the deck's presenter and audience windows). */
function syncWindows<S extends Schema>(store: UrlStore<PageSchema<S>>, mounted: MountedDemo | undefined, channel: string): void {
  joinSync({
    channel,
    get: () => sharedParams(store.get()),
    set(params) {
      if (JSON.stringify(params) === JSON.stringify(sharedParams(store.get()))) return;
      store.set(params as Partial<StateOf<PageSchema<S>>>, 'replace');
    },
    subscribe: (listener) => store.subscribe(listener),
    player: mounted?.player,
    mirror: mounted?.mirror,
  });
}

function createDemoHandle<S extends Schema>(store: UrlStore<PageSchema<S>>, mounted: MountedDemo | undefined): DemoHandle<S> {
  const player = mounted?.player;
  const progress = mounted?.progress;
  const get = (): DemoState<S> => ({ params: store.get(), playing: player?.playing ?? false, progress: progress?.value() ?? null });
  const listeners = new Set<(state: DemoState<S>) => void>();
  let last: DemoState<S> | null = null;
  const notify = () => {
    const state = get();
    if (last && last.params === state.params && last.playing === state.playing && last.progress === state.progress) return;
    last = state;
    listeners.forEach((listener) => {
      listener(state);
    });
  };
  store.subscribe(notify);
  player?.subscribe(notify);
  progress?.subscribe(notify);
  return {
    get,
    set(patch, mode = 'push') {
      if (patch.params) store.set(patch.params, mode);
      if (patch.playing === true) player?.play();
      if (patch.playing === false) player?.pause();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    play: () => player?.play(),
    pause: () => player?.pause(),
    reset: () => player?.reset(),
  };
}
