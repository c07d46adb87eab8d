import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Marp } from '@marp-team/marp-core';
import { describe, expect, it } from 'vitest';
import { palette } from '../../src/ui/palette.ts';
import { PROJECT_ROOT, THEME_PATH } from './deck-page.ts';

const css = readFileSync(THEME_PATH, 'utf8');

describe('themes/sample.css as written', () => {
  it('is the Marp theme "sample", 16:9 at 1280x720', () => {
    expect(css.startsWith('/* @theme sample */')).toBe(true);
    const theme = new Marp().themeSet.add(css);
    expect(theme.name).toBe('sample');
    expect([theme.width, theme.height]).toEqual(['1280px', '720px']);
    expect(css).toMatch(/\/\* @size 16:9 1280px 720px \*\//);
  });

  it('imports Noto Sans JP 400 and 700 from node_modules in the form the build relocates', () => {
    expect(css).toContain("@import url('../node_modules/@fontsource/noto-sans-jp/400.css');");
    expect(css).toContain("@import url('../node_modules/@fontsource/noto-sans-jp/700.css');");
    for (const weight of [400, 700]) {
      expect(existsSync(join(PROJECT_ROOT, `node_modules/@fontsource/noto-sans-jp/${weight}.css`))).toBe(true);
    }
    // The Latin middle dot alone comes first, from Noto Sans (its face covers U+00B7 only).
    expect(css).toMatch(/--font-sans:\s*'Noto Sans Latin Dot', 'Noto Sans JP',[^;]*sans-serif;/);
    expect(css).toMatch(
      /font-family: 'Noto Sans Latin Dot';[^}]*url\('\.\.\/node_modules\/@fontsource\/noto-sans\/files\/[^}]*unicode-range: U\+00B7;/,
    );
    expect(css).toMatch(/section \{[^}]*font-family: var\(--font-sans\);/);
  });

  it('defines the project palette as custom properties with the values of src/ui/palette.ts', () => {
    for (const name of ['paper', 'ink', 'muted', 'grid', 'accent', 'primary', 'sigmoid', 'tanh', 'relu'] as const) {
      expect(css, name).toMatch(new RegExp(`--${name}: ${palette[name]};`, 'i'));
    }
  });

  it('(4) declares the classes title, semititle and slides, and the live-demo link', () => {
    for (const className of ['title', 'semititle', 'slides']) {
      expect(css, className).toMatch(new RegExp(`(^|[\\s,])section\\.${className}[\\s.:\\[{]`, 'm'));
    }
    expect(css).toMatch(/a\.demo-link \{/);
  });

  it('is registered for Marp for VS Code', () => {
    const settings = JSON.parse(readFileSync(join(PROJECT_ROOT, '.vscode/settings.json'), 'utf8')) as Record<string, unknown>;
    expect(settings['markdown.marp.themes']).toEqual(['./themes/sample.css']);
    expect(settings['markdown.marp.mathTypesetting']).toBe('katex');
  });
});
