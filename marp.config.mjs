// @ts-check
// The one Marp configuration: marp-cli reads it for every export, and src/deck (validation, link
// measurement, dev server) builds its Marp engine from the same object.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

// KaTeX's fonts must come from the KaTeX that marp-core renders with (it pins its own copy).
const requireFromMarpCore = createRequire(createRequire(import.meta.url).resolve('@marp-team/marp-core'));
const katexFontsDir = join(dirname(requireFromMarpCore.resolve('katex/package.json')), 'dist', 'fonts');

/** @type {import('@marp-team/marp-cli').Config} */
export default {
  allowLocalFiles: true,
  lang: 'ja',
  themeSet: ['themes'],
  bespoke: { progress: true },
  pdfOutlines: { pages: true, headings: true },
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
