/**
 * What `npm run check` finds, as the table shows it: one row per demo link, live demo and file, one
 * cell per thing checked on it. A failed cell carries what to fix, with the slides it concerns.
 */

/** Something to fix: `slides` it was seen on (none for the whole site), and what to do, the same words wherever it recurs. */
export interface Problem {
  readonly slides: readonly number[];
  readonly text: string;
}

export type Verdict = { readonly ok: true } | { readonly ok: false; readonly problems: readonly Problem[] };

export const PASS: Verdict = { ok: true };

export function fail(slide: number | null, text: string): Verdict {
  return { ok: false, problems: [{ slides: slide === null ? [] : [slide], text }] };
}

/** Passes when there are no problems. */
export function verdictOf(problems: readonly Problem[]): Verdict {
  return problems.length === 0 ? PASS : { ok: false, problems };
}

/**
 * The cells of a row, in the table's order: the deck links it as the registry says; it loads (HTTP
 * 200, every file it asks for too); no console error; no request off the site; the demo drew; its
 * text and math in the bundled fonts; its load time; its short address forwards to it; the PDF's and
 * the PPTX's links (and QR codes) point to it.
 */
export const COLUMNS = ['reg', 'http', 'errs', 'site', 'drew', 'font', 'go', 'pdf', 'pptx'] as const;
export type Column = (typeof COLUMNS)[number];

export interface Row {
  readonly slide: number | null;
  readonly what: string;
  readonly target: string;
  ms?: number;
  readonly verdicts: Partial<Record<Column, Verdict>>;
}
