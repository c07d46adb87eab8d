// @ts-check
// The one Marp configuration: marp-cli reads it for every export, and src/deck (validation, link
// measurement, dev server) builds its Marp engine from the same object.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
// TypeScript: every process that loads this config runs under tsx (the deck CLI) or registers it
// first (the dev server, src/deck/vite-plugin.ts), so the deck's demo links come from the registry.
import { demoReferences } from './src/deck/demo-references.ts';

// KaTeX's fonts must come from the KaTeX that marp-core renders with (it pins its own copy).
const requireFromMarpCore = createRequire(createRequire(import.meta.url).resolve('@marp-team/marp-core'));
const katexFontsDir = join(dirname(requireFromMarpCore.resolve('katex/package.json')), 'dist', 'fonts');

/**
 * Links to the live demos are relative (`demos/…`), so the HTML deck works on any server and from
 * any sub-path. A PDF or PPTX leaves the site, so the exports start marp-cli with DECK_LINK_BASE (the
 * site's public address, src/deck/link-base.ts) and this rule makes every relative link absolute
 * against it. Read at render time.
 */
function absoluteRelativeLinks(md) {
  const isRelative = (href) => !!href && !href.startsWith('#') && !href.startsWith('//') && !/^[a-z][a-z0-9+.-]*:/i.test(href);
  const absolute = (href, base) => (isRelative(href) ? new URL(href, base).href : href);
  md.core.ruler.push('absolute_relative_links', (state) => {
    const base = process.env.DECK_LINK_BASE;
    if (!base) return;
    const visit = (tokens) => {
      for (const token of tokens) {
        if (token.type === 'link_open') token.attrSet('href', absolute(token.attrGet('href'), base));
        if (token.type === 'html_inline' || token.type === 'html_block') {
          token.content = token.content.replace(/(<a\b[^>]*\bhref=")([^"]*)"/g, (_, head, href) => `${head}${absolute(href, base)}"`);
        }
        if (token.children) visit(token.children);
      }
    };
    visit(state.tokens);
  });
}

/** @type {import('@marp-team/marp-cli').Config} */
export default {
  engine: ({ marp }) => marp.use(demoReferences).use(absoluteRelativeLinks),
  allowLocalFiles: true,
  lang: 'ja',
  themeSet: ['themes'],
  bespoke: { progress: true },
  // The PDF's outline is written after the export, from the slides' titles (src/deck/pdf-outline.ts).
  pdfOutlines: false,
  // Seconds per browser step; the default 30 is too short on a busy 2-core machine.
  browserTimeout: 180,
  options: {
    // Twemoji pictures load from a CDN; the deck has to work offline.
    emoji: { shortcode: false, unicode: false },
    math: {
      lib: 'katex',
      // A file URL, so it resolves the same from any deck folder; the HTML build relocates it.
      katexFontPath: `${pathToFileURL(katexFontsDir).href}/`,
      // Strict-mode problems (Japanese outside \text{}, ...) become .katex-error, which validation rejects.
      katexOption: { strict: 'error', throwOnError: false },
    },
  },
};
