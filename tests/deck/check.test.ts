import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveStatic } from '../../src/deck/static-files.ts';
import { DEMOS, slidesOf } from '../../src/demos/registry.ts';
import { buildDemoPages } from '../e2e/harness.ts';
import { HANDOUT_BASE } from './build-exports.setup.ts';
import { deckExports } from './deck-exports.ts';
import { type CliRun, runDeckCli, runScript } from './run-deck-cli.ts';

/*
 * npm run check, run as its own process for its real exit code, on a site composed as `npm run build`
 * makes it: the demo pages built by Vite, and the deck with its PDF and PPTX made for HANDOUT_BASE
 * (the global setup's handout build). Two full checks: the site as built, and a copy with three
 * faults at once.
 */
const check = (args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliRun> => {
  const { DEMO_BASE_URL: _, ...rest } = process.env;
  return runScript('src/deck/check/cli.ts', args, { ...rest, ...env });
};

/** The Noto Sans JP file with the hiragana (の, を, …): every slide of Japanese text needs it. */
const HIRAGANA_FONT = 'fonts/noto-sans-jp/files/noto-sans-jp-119-400-normal';

describe('npm run check', () => {
  let work: string;
  let site: string;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'deck-check-'));
    site = join(work, 'site');
    await buildDemoPages(site);
    await cp(deckExports('handoutExports').outDir, site, { recursive: true });
    // The deck again, now beside the demo pages, as npm run build makes it: with its live demos.
    const deck = await runDeckCli(['html', '--out', site], { ...process.env, DEMO_BASE_URL: HANDOUT_BASE });
    expect(deck.status, deck.stderr).toBe(0);
  }, 180_000);
  afterAll(() => rm(work, { recursive: true, force: true }));

  it('passes the site as built, listing every demo of every slide the registry names', async () => {
    const run = await check([site], { DEMO_BASE_URL: HANDOUT_BASE });
    expect(run.stderr).toBe('');
    expect(run.status, run.stdout).toBe(0);
    for (const demo of DEMOS) {
      for (const slide of slidesOf(demo)) expect(run.stdout).toMatch(new RegExp(`^ *${slide} +link +${demo.id}/.*✓ *$`, 'm'));
    }
    for (const slide of [19, 20, 22, 23, 25]) expect(run.stdout).toMatch(new RegExp(`^ *${slide} +live +`, 'm'));
    expect(run.stdout).not.toMatch(/✗/);
    expect(run.stdout).toMatch(/^\d+ checks, 0 failures, [\d.]+ s$/m);
  });

  it('fails, naming what to fix, for a missing demo page, a missing font file and handouts made for another address', async () => {
    const broken = join(work, 'broken');
    await cp(site, broken, { recursive: true });
    await rm(join(broken, 'demos/descent'), { recursive: true });
    for (const format of ['woff2', 'woff']) {
      const font = join(broken, `${HIRAGANA_FONT}.${format}`);
      expect(existsSync(font), font).toBe(true);
      await rm(font);
    }
    // Served where the handouts do not point (they link HANDOUT_BASE), and checked at that address.
    const server = await serveStatic(broken, '/relu-deck/');
    try {
      const address = `${server.origin}/relu-deck/`;
      const run = await check([address]);
      expect(run.status, run.stdout + run.stderr).toBe(1);
      const fixes = run.stdout.slice(run.stdout.indexOf('To fix:'));
      expect(fixes).toMatch(/^ {2}slide 10: demos\/descent\/ is missing from the site \(404\): .*npm run build/m);
      expect(fixes).toMatch(new RegExp(`^ {2}deck\\.html asks for .*${HIRAGANA_FONT}\\.woff2 \\(404\\)`, 'm'));
      expect(fixes).toMatch(/^ {2}slides [\d, –]+: deck\.html draws Japanese text in .*, not the bundled Noto Sans JP/m);
      for (const handout of ['deck.pdf', 'deck.pptx']) {
        const line = new RegExp(
          `^ {2}slides [\\d, –]*\\b10\\b[\\d, –]*: ${handout.replace('.', '\\.')} links the demos to ${HANDOUT_BASE}, not to ${address}`,
          'm',
        );
        expect(fixes).toMatch(line);
      }
    } finally {
      await server.close();
    }
  });

  it.each([['htp:/x'], ['notaurl'], ['src']])('rejects %s in one line on stderr, with exit code 2', async (argument) => {
    const run = await check([argument]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr.trimEnd().split('\n')).toEqual([expect.stringContaining(argument)]);
  });
});
