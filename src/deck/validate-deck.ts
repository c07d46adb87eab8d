import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Marp } from '@marp-team/marp-core';
import { DeckError, displayPath } from './deck-error.ts';
import type { DeckSource } from './deck-source.ts';
import { demoLinkProblem } from './demo-references.ts';
import { decodeHtmlEntities } from './html-entities.ts';
import { knownThemes, themeClasses } from './theme-names.ts';
import { findUrlReferences, isLocalUrl, isRemoteUrl, localFileOf } from './url-references.ts';

/** One thing wrong with one slide (1-based, as the deck's page numbers count). */
interface DeckProblem {
  slide: number;
  message: string;
}

interface MarkdownToken {
  type: string;
  content: string;
  meta?: Record<string, unknown> | string | null;
  children?: MarkdownToken[] | null;
}

/**
 * Checks what Marp would otherwise forgive silently: an unknown theme (falls back to the default
 * one), a class the theme does not style, a picture that is missing or would need the network,
 * math KaTeX could not typeset (shown as red source text), and a demo reference the registry cannot
 * answer (see demo-references.ts). Every command and the dev server call it.
 */
export function validateDeck(marp: Marp, deck: DeckSource): void {
  const problems = findDeckProblems(marp, deck);
  if (problems.length === 0) return;
  const file = displayPath(deck.file);
  throw new DeckError(problems.map(({ slide, message }) => `${file}: slide ${slide}: ${message}`).join('\n'));
}

function findDeckProblems(marp: Marp, { file, markdown }: DeckSource): DeckProblem[] {
  const tokens = marp.markdown.parse(markdown, {}) as MarkdownToken[];
  const { html: slides } = marp.render(markdown, { htmlAsArray: true });
  const { lastGlobalDirectives } = marp as unknown as { lastGlobalDirectives: { theme?: string } };
  const theme = lastGlobalDirectives.theme ?? 'default';
  const unknownThemes = themeProblems(tokens, knownThemes(marp));
  return [
    ...unknownThemes,
    // Under a theme that is not there, every class is "unknown": the one real error says it all.
    ...(unknownThemes.length > 0 ? [] : classProblems(tokens, themeClasses(marp, theme), theme)),
    ...slides.flatMap((html, index) => [
      ...pictureProblems(html, dirname(file)).map((message) => ({ slide: index + 1, message })),
      ...mathProblems(html).map((message) => ({ slide: index + 1, message })),
      ...demoReferenceProblems(html, index + 1).map((message) => ({ slide: index + 1, message })),
    ]),
  ].sort((a, b) => a.slide - b.slide);
}

function themeProblems(tokens: MarkdownToken[], themes: string[]): DeckProblem[] {
  return themeDirectives(tokens)
    .filter(({ theme }) => !themes.includes(theme))
    .map(({ slide, theme }) => ({ slide, message: `unknown theme "${theme}" (known: ${themes.join(', ')})` }));
}

/** Theme directives as written (Marp drops unknown ones before anything else can see them). */
function themeDirectives(tokens: MarkdownToken[]): { slide: number; theme: string }[] {
  const found: { slide: number; theme: string }[] = [];
  let slide = 1;
  for (const token of tokens.flatMap((t) => [t, ...(t.children ?? [])])) {
    if (token.type === 'marpit_slide_open') slide = slideNumber(token);
    const directives = metaOf(token).marpitParsedDirectives as Record<string, unknown> | undefined;
    if (token.type === 'marpit_comment' && directives?.theme !== undefined) {
      found.push({ slide, theme: String(directives.theme) });
    }
    if (token.type === 'front_matter') {
      // markdown-it-front-matter keeps the raw YAML as the token's meta.
      const written = /^theme\s*:\s*["']?(.*?)["']?\s*$/m.exec(String(token.meta))?.[1];
      if (written !== undefined) found.push({ slide, theme: written });
    }
  }
  return found;
}

function metaOf(token: MarkdownToken): Record<string, unknown> {
  return typeof token.meta === 'object' && token.meta !== null ? token.meta : {};
}

function slideNumber(slideOpen: MarkdownToken): number {
  return Number(metaOf(slideOpen).marpitSlide) + 1;
}

function classProblems(tokens: MarkdownToken[], classes: Set<string>, theme: string): DeckProblem[] {
  return tokens
    .filter((token) => token.type === 'marpit_slide_open')
    .flatMap((token) => {
      const slide = slideNumber(token);
      const directives = metaOf(token).marpitDirectives as { class?: unknown } | undefined;
      const written = String(directives?.class ?? '')
        .split(/\s+/)
        .filter(Boolean);
      return written
        .filter((name) => !classes.has(name))
        .map((name) => ({
          slide,
          message: `unknown class "${name}" (theme "${theme}" styles: ${[...classes].sort().join(', ')})`,
        }));
    });
}

function pictureProblems(slideHtml: string, deckDir: string): string[] {
  return findUrlReferences(slideHtml)
    .filter(({ kind }) => kind === 'resource')
    .flatMap(({ url }) => {
      if (isRemoteUrl(url)) return [`picture ${url} needs the network; put a copy in img/`];
      if (!isLocalUrl(url)) return [];
      const file = localFileOf(url, deckDir);
      return existsSync(file) ? [] : [`missing picture ${url} (no file ${displayPath(file)})`];
    });
}

function mathProblems(slideHtml: string): string[] {
  return [...slideHtml.matchAll(/<span class="katex-error" title="([^"]*)"[^>]*>([\s\S]*?)<\/span>/g)].map(
    ([, title = '', source = '']) => `math error in $${decodeHtmlEntities(source)}$: ${decodeHtmlEntities(title)}`,
  );
}

/**
 * Demo references the registry could not answer (marked by demo-references.ts), and links written
 * straight to a demo's folder that do not open the registry's state for this slide.
 */
function demoReferenceProblems(slideHtml: string, slide: number): string[] {
  const unanswered = [...slideHtml.matchAll(/\sdata-demo-error="([^"]*)"/g)].map(([, message = '']) => decodeHtmlEntities(message));
  const written = findUrlReferences(slideHtml)
    .filter(({ kind, url }) => kind === 'link' && url.startsWith('demos/'))
    .flatMap(({ url }) => {
      const problem = demoLinkProblem(url, slide);
      return problem ? [problem] : [];
    });
  return [...unanswered, ...written];
}
