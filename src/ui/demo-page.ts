import './demo.css';
import { el } from './dom.ts';
import { format, type Lang, langParam, type Strings } from './i18n.ts';
import { noticeBanner } from './notices.ts';
import { sharedStrings } from './strings.ts';
import { param, type Schema } from './url-state/index.ts';
import { createUrlStore, type UrlStore } from './url-store.ts';

/** Parameters every demo page has: its language and the slide to go back to. */
export function pageSchema(slide: number) {
  return { lang: langParam, from: param.int(1, 999, slide) };
}
export type PageSchema<S extends Schema> = S & ReturnType<typeof pageSchema>;

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
  /** The slide this demo belongs to; the back link goes there unless the URL says `from`. */
  readonly slide: number;
  mount(context: DemoContext<S, K>): void;
}

/** Where the deck lives relative to a demo page (`/demos/<name>/`), on the dev server and in dist/. */
export const DECK_FROM_DEMO = '../../deck.html';

export function startDemo<S extends Schema, K extends string>(demo: DemoDefinition<S, K>, root: HTMLElement = document.body): void {
  const store = createUrlStore({ ...demo.schema, ...pageSchema(demo.slide) } as PageSchema<S>);
  const lang = store.get().lang as Lang;
  const shared = sharedStrings[lang];
  const strings = demo.strings[lang];
  document.documentElement.lang = lang;
  document.title = strings.title;

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
  root.replaceChildren(header, ...(banner ? [banner] : []), el('main', { class: 'demo-main' }, controls, stage));
  demo.mount({ store, lang, text: (key) => strings[key], controls, stage });
}
