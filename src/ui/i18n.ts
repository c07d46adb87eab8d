import { param } from './url-state/index.ts';

/** Demo UI text is Japanese, with English one switch away; the choice lives in the URL. */
export const LANGS = ['ja', 'en'] as const;
export type Lang = (typeof LANGS)[number];
export const langParam = param.enum(LANGS, 'ja');

/** A string table in both languages; the type makes a key missing in one language a compile error. */
export type Strings<K extends string> = Readonly<Record<Lang, Readonly<Record<K, string>>>>;

/** Fills `{name}` slots; values are inserted as plain text by the caller's DOM code. */
export function format(template: string, values: Readonly<Record<string, string | number>>): string {
  return template.replace(/\{(\w+)\}/g, (slot, name: string) => (name in values ? String(values[name]) : slot));
}
