import { existsSync, readdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { configDefaults, defineConfig } from 'vitest/config';
import { previewFolders } from './src/deck/preview-folders.ts';
import { deckDevServer } from './src/deck/vite-plugin.ts';

const site = join(import.meta.dirname, 'src');

/** Every page of the site: the front page and one per demo folder (src/demos/<name>/index.html). */
function sitePages(): Record<string, string> {
  const demos = readdirSync(join(site, 'demos'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(join(site, 'demos', entry.name, 'index.html')))
    .map((entry) => [entry.name, join(site, 'demos', entry.name, 'index.html')]);
  return { index: join(site, 'index.html'), ...Object.fromEntries(demos) };
}

const testing = !!process.env.VITEST;

/** Test files that drive Chromium (besides tests/deck, which has a project of its own). */
const BROWSER_TESTS = ['tests/e2e/**/*.test.ts', 'tests/themes/deck-rendering.test.ts', 'tests/themes/word-breaks.test.ts'];
const SCENE_TESTS = ['tests/demos/training/scenes.test.ts'];

export default defineConfig({
  // The site is src/: the front page at /, demos at /demos/<name>/, the deck at /deck.html (plugin).
  // Vitest keeps the project root so tests/ resolves as written.
  root: testing ? undefined : site,
  // Relative asset URLs: dist/ works from any sub-path and from a plain static file server.
  base: './',
  // Many pages, no client-side routes: an address that names no file is a 404, not the front page.
  appType: 'mpa',
  publicDir: false,
  // Vitest starts a Vite server too; the deck preview belongs to `npm start` only.
  plugins: [...(testing ? [] : [deckDevServer()]), previewFolders()],
  build: {
    outDir: join(import.meta.dirname, 'dist'),
    // The deck build and the exports live in dist/ too; `npm run build` writes them after this.
    emptyOutDir: false,
    rollupOptions: { input: sitePages() },
  },
  test: {
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // Vitest's default (one worker fewer than cores) runs one file at a time on two cores, where a
    // browser test waiting on Chromium leaves the second core idle; two files side by side use it.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // Named by what they run: `npx vitest run --project unit` needs no browser and takes seconds.
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts'],
          exclude: [...configDefaults.exclude, ...BROWSER_TESTS, ...SCENE_TESTS, 'tests/deck/**'],
        },
      },
      {
        // The training lab's scenes, trained headless for the steps their slides state: minutes of CPU.
        extends: true,
        test: { name: 'scenes', include: SCENE_TESTS, testTimeout: 300_000 },
      },
      {
        // Chromium on the demo pages, the built site and the rendered deck.
        extends: true,
        test: {
          name: 'e2e',
          include: BROWSER_TESTS,
          // A poll ends as soon as the page agrees; the default second was too short for a window's pause
          // to reach a lab page training three runs, with other browser tests beside it on two cores.
          expect: { poll: { timeout: 5000 } },
        },
      },
      {
        // Builds every export once (globalSetup), then reads it from files that run one at a time,
        // so at most one Chromium runs for these tests.
        extends: true,
        test: {
          name: 'deck',
          include: ['tests/deck/**/*.test.ts'],
          globalSetup: [join(import.meta.dirname, 'tests/deck/build-exports.setup.ts')],
          fileParallelism: false,
          testTimeout: 180_000,
        },
      },
    ],
  },
});
