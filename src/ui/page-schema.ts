import { langParam } from './i18n.ts';
import { param, type Schema } from './url-state/index.ts';

/**
 * Parameters every demo page has: its language, the slide to go back to, the embedded layout, and
 * the name of the windows it keeps in step with (sync.ts; none by default).
 */
export function pageSchema(slide: number) {
  return { lang: langParam, from: param.int(1, 999, slide), embed: param.bool(false), sync: param.name() };
}

/** The page's own parameters: the window's choices, not the demo's state (a synced window keeps its own). */
export const PAGE_PARAMS: readonly string[] = Object.keys(pageSchema(1));
export type PageSchema<S extends Schema> = S & ReturnType<typeof pageSchema>;
