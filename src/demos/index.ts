import '../ui/demo.css';
import './index.css';
import { el } from '../ui/dom.ts';
import { LANGS, type Lang } from '../ui/i18n.ts';
import { DEMOS, slidesOf } from './registry.ts';

/** The site's front page: the deck, then every live demo with the slides it belongs to. */
const text = {
  ja: {
    title: 'ディープラーニングのすごさを共有したい',
    subtitle: '〜活性化関数ReLUについて〜',
    // The deck's own title: its wave dashes already set the subtitle apart.
    titleSeparator: ' ',
    openDeck: 'スライドを開く',
    downloads: '配布資料：',
    demos: 'ライブデモ',
    slides: 'スライド',
    switchLang: 'English',
  },
  en: {
    title: 'Why deep learning works',
    subtitle: 'The activation function ReLU',
    titleSeparator: ' — ',
    openDeck: 'Open the slides',
    downloads: 'Handouts: ',
    demos: 'Live demos',
    slides: 'Slides',
    switchLang: '日本語',
  },
} as const;

const requested = new URLSearchParams(location.search).get('lang');
const lang: Lang = LANGS.find((l) => l === requested) ?? 'ja';
const t = text[lang];
document.documentElement.lang = lang;
document.title = `${t.title}${t.titleSeparator}${t.subtitle}`;

const other: Lang = lang === 'ja' ? 'en' : 'ja';
const langQuery = (l: Lang) => (l === 'ja' ? '' : `?lang=${l}`);
const cards = DEMOS.map((demo) =>
  el(
    'li',
    { class: 'demo-card' },
    el('a', { href: `demos/${demo.id}/${langQuery(lang)}` }, demo.title[lang]),
    el('p', {}, demo.summary[lang]),
    el('p', { class: 'demo-slides' }, `${t.slides} ${slidesOf(demo).join(', ')}`),
  ),
);

/** The handouts the build made beside the deck (src/deck/front-page.ts names them on <body>; none in `npm start`). */
const handouts = (document.body.dataset.handouts ?? '').split(' ').filter((file) => /^deck\.(pdf|pptx)$/.test(file));
const downloads = el(
  'p',
  { class: 'downloads' },
  t.downloads,
  ...handouts.flatMap((file, i) => [...(i === 0 ? [] : [' · ']), el('a', { href: file, download: '' }, file.split('.')[1].toUpperCase())]),
);
downloads.hidden = handouts.length === 0;

document.body.replaceChildren(
  el(
    'header',
    { class: 'landing-header' },
    el('h1', {}, t.title, el('span', { class: 'subtitle' }, t.subtitle)),
    el('a', { class: 'lang-link', href: `./${langQuery(other)}`, lang: other }, t.switchLang),
  ),
  el(
    'main',
    { class: 'landing' },
    el('a', { class: 'deck-button', href: 'deck.html' }, t.openDeck),
    downloads,
    el('h2', {}, t.demos),
    el('ul', { class: 'demo-list' }, ...cards),
  ),
);
