import { langParam } from './i18n.ts';
import { param, type Schema } from './url-state/index.ts';

/** Parameters every demo page has: its language, the slide to go back to, and the embedded layout. */
export function pageSchema(slide: number) {
  return { lang: langParam, from: param.int(1, 999, slide), embed: param.bool(false) };
}
export type PageSchema<S extends Schema> = S & ReturnType<typeof pageSchema>;
