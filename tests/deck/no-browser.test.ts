import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runDeckCli } from './run-deck-cli.ts';

const outDir = join(mkdtempSync(join(tmpdir(), 'deck-no-browser-')), 'out');
afterAll(() => rmSync(dirname(outDir), { recursive: true, force: true }));

describe('exports without a browser', () => {
  // One browser export alone, and all of them after the HTML build (which needs no browser).
  for (const command of ['pptx', 'all']) {
    it(`${command}: exits non-zero with one line saying what to install or set, and writes nothing`, async () => {
      // Only node itself on PATH: no chromium there, and CHROME_PATH names nothing.
      const env = { ...process.env, CHROME_PATH: '/nonexistent', PATH: dirname(process.execPath) };
      const run = await runDeckCli([command, '--out', outDir], env);
      expect(run.status).not.toBe(0);
      expect(run.stderr.trim().split('\n')).toEqual([
        'No Chrome/Chromium found: CHROME_PATH=/nonexistent is not an executable file. ' +
          'Install one (Debian: apt-get install chromium) or set CHROME_PATH=/path/to/chrome.',
      ]);
      expect(existsSync(outDir) ? readdirSync(outDir) : []).toEqual([]);
    });
  }

  it('a browser that will not start (CHROME_PATH=/bin/false): one line that says so, nothing written', async () => {
    const run = await runDeckCli(['pdf', '--out', outDir], { ...process.env, CHROME_PATH: '/bin/false' });
    expect(run.status).not.toBe(0);
    expect(run.stderr.trim().split('\n')).toEqual([
      'The browser at /bin/false would not start (exit status 1 when asked for its version). ' +
        'Install one (Debian: apt-get install chromium) or set CHROME_PATH=/path/to/chrome.',
    ]);
    expect(existsSync(outDir) ? readdirSync(outDir) : []).toEqual([]);
  });
});
