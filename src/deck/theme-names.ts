import type { Marp } from '@marp-team/marp-core';

interface ThemeLike {
  css: string;
  importRules: { value: string }[];
}

/** Every theme the engine knows (the built-in ones and those of the config's themeSet). */
export function knownThemes(marp: Marp): string[] {
  return [...marp.themeSet.themes()].map((theme) => theme.name);
}

/**
 * The classes a theme styles: every NAME of a `section.NAME` selector in its CSS and in the themes it
 * imports. A slide class outside this list does nothing, so it is a typo.
 */
export function themeClasses(marp: Marp, themeName: string): Set<string> {
  const classes = new Set<string>();
  const visit = (name: string, seen: Set<string>): void => {
    const theme = marp.themeSet.get(name) as ThemeLike | undefined;
    if (!theme || seen.has(name)) return;
    seen.add(name);
    const css = theme.css.replace(/\/\*[\s\S]*?\*\//g, '');
    for (const [, chain = ''] of css.matchAll(/\bsection((?:\.-?[_a-zA-Z][\w-]*)+)/g)) {
      for (const name of chain.split('.').filter(Boolean)) classes.add(name);
    }
    for (const rule of theme.importRules) visit(rule.value, seen);
  };
  visit(themeName, new Set());
  return classes;
}
