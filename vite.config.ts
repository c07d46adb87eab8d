import { configDefaults, defineConfig } from 'vitest/config';
import { deckDevServer } from './src/deck/vite-plugin.ts';

export default defineConfig({
  // Vitest starts a Vite server too; the deck preview belongs to `npm start` only.
  plugins: process.env.VITEST ? [] : [deckDevServer()],
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    projects: [
      {
        extends: true,
        test: { name: 'unit', exclude: [...configDefaults.exclude, 'tests/deck/**'] },
      },
      {
        // Builds every export once (globalSetup), then reads it from files that run one at a time,
        // so at most one Chromium runs for these tests.
        extends: true,
        test: {
          name: 'deck',
          // `extends` adds this include to the root one; the exclude keeps the other folders out.
          include: ['tests/deck/**/*.test.ts'],
          exclude: [...configDefaults.exclude, 'tests/!(deck)/**'],
          globalSetup: ['tests/deck/build-exports.setup.ts'],
          fileParallelism: false,
          testTimeout: 180_000,
        },
      },
    ],
  },
});
