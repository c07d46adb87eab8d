import type { FontFindings } from './fonts.ts';
import { COLUMNS, type Column, type Row, type Verdict } from './verdicts.ts';

/** The table fits a terminal of about 120 columns: a longer demo state is cut (its failure lines say it whole). */
const TARGET_WIDTH = 44;

const HEADERS: Readonly<Record<Column, string>> = {
  reg: 'reg',
  http: 'http',
  errs: 'errs',
  site: 'site',
  drew: 'drew',
  font: 'font',
  go: 'go',
  pdf: 'pdf',
  pptx: 'pptx',
};

const LEGEND = [
  'reg: as src/demos/registry.ts says   http: it and every file it asks for load   errs: no console error',
  'site: nothing asked off the site   drew: the demo drew (front: the front page lists every demo)',
  'font: Japanese text and math in the bundled fonts   ms: load time until drawn (live: from the slide shown)',
  'go: its short address go/<code> forwards to it   pdf, pptx: the handout links it (and its QR code reads it)',
];

export interface Report {
  readonly text: string;
  readonly checks: number;
  readonly failures: number;
}

/** The table, what the fonts and handouts came to, one line per thing to fix, and the count. */
export function renderReport(rows: readonly Row[], notes: readonly string[], seconds: number): Report {
  const verdicts = rows.flatMap((row) => COLUMNS.flatMap((column) => row.verdicts[column] ?? []));
  const failed = verdicts.filter((verdict) => !verdict.ok);
  const lines = [...table(rows), '', ...LEGEND, '', ...notes];
  const fixes = failureLines(failed);
  if (fixes.length > 0) lines.push('', 'To fix:', ...fixes.map((fix) => `  ${fix}`));
  lines.push('', `${verdicts.length} checks, ${failed.length} failures, ${seconds.toFixed(1)} s`);
  return { text: lines.join('\n'), checks: verdicts.length, failures: failed.length };
}

const mark = (verdict: Verdict | undefined): string => (verdict === undefined ? '·' : verdict.ok ? '✓' : '✗');

function table(rows: readonly Row[]): string[] {
  const header = [
    'slide',
    'what',
    'target',
    ...COLUMNS.slice(0, 6).map((column) => HEADERS[column]),
    'ms',
    ...COLUMNS.slice(6).map((column) => HEADERS[column]),
  ];
  const cells = rows.map((row) => [
    row.slide === null ? '—' : String(row.slide),
    row.what,
    shortTarget(row.target),
    ...COLUMNS.slice(0, 6).map((column) => mark(row.verdicts[column])),
    row.ms === undefined ? '' : String(row.ms),
    ...COLUMNS.slice(6).map((column) => mark(row.verdicts[column])),
  ]);
  const widths = header.map((title, index) => Math.max(title.length, ...cells.map((row) => (row[index] ?? '').length)));
  // Numbers to the right, words to the left, a mark under the middle of its heading.
  const align = (text: string, index: number) => {
    const width = widths[index] ?? 0;
    if (index === 0 || header[index] === 'ms') return text.padStart(width);
    if (index <= 2) return text.padEnd(width);
    const left = Math.floor((width - text.length) / 2);
    return (' '.repeat(left) + text).padEnd(width);
  };
  return [header, ...cells].map((row) => row.map(align).join('  ').trimEnd());
}

/** A demo page's state as the table shows it: its folder and state, without what every link carries (the slide, the embedding). */
function shortTarget(target: string): string {
  const [path = '', query] = target.replace(/^demos\//, '').split('?');
  const state = new URLSearchParams(query ?? '');
  for (const name of ['from', 'embed', 'sync']) state.delete(name);
  const shown = decodeURIComponent(state.size > 0 ? `${path}?${state}` : path);
  return shown.length > TARGET_WIDTH ? `${shown.slice(0, TARGET_WIDTH - 1)}…` : shown;
}

/** One line per thing to fix: the same words seen on several slides become one line naming them all. */
function failureLines(failed: readonly Verdict[]): string[] {
  const slidesByText = new Map<string, Set<number>>();
  for (const verdict of failed) {
    if (verdict.ok) continue;
    for (const { slides, text } of verdict.problems) {
      const known = slidesByText.get(text) ?? new Set<number>();
      for (const slide of slides) known.add(slide);
      slidesByText.set(text, known);
    }
  }
  return [...slidesByText]
    .map(([text, slides]) => ({ text, slides: [...slides].sort((a, b) => a - b) }))
    .sort((a, b) => (a.slides[0] ?? 0) - (b.slides[0] ?? 0))
    .map(({ text, slides }) => (slides.length === 0 ? text : `${slides.length === 1 ? 'slide' : 'slides'} ${slideList(slides)}: ${text}`));
}

/** 7, 10–12, 14 */
function slideList(slides: readonly number[]): string {
  const runs: number[][] = [];
  for (const slide of slides) {
    const run = runs.at(-1);
    if (run && slide === (run.at(-1) ?? 0) + 1) run.push(slide);
    else runs.push([slide]);
  }
  return runs.map((run) => (run.length > 2 ? `${run[0]}–${run.at(-1)}` : run.join(', '))).join(', ');
}

/** What the deck's fonts came to, in words. */
export function fontsNote({ loaded, drawn, fallbacks }: FontFindings, slideCount: number): string {
  const families = [...loaded].sort((a, b) => Number(b === 'Noto Sans JP') - Number(a === 'Noto Sans JP') || a.localeCompare(b));
  const faults =
    fallbacks.length === 0 ? 'none of its Japanese text or math in a system font' : `${fallbacks.length} of them in a system font`;
  return `fonts: deck.html loaded ${families.join(', ') || 'no web font'}; ${drawn} runs of text read on ${slideCount} slides, ${faults}`;
}

/** Where the handouts must send their links, in words. */
export function handoutsNote(handoutBase: string | null): string {
  return handoutBase === null
    ? 'handouts: demo links relative to the deck, no QR codes (for them: "homepage" in package.json, or DEMO_BASE_URL)'
    : `handouts: demo links and QR codes to ${handoutBase}`;
}
