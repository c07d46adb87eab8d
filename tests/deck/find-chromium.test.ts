import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { DeckError } from '../../src/deck/deck-error.ts';
import { findChromium } from '../../src/deck/find-chromium.ts';

const dir = mkdtempSync(join(tmpdir(), 'deck-find-chromium-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function fakeBrowser(name: string): string {
  const path = join(dir, name);
  writeFileSync(path, '#!/bin/sh\n');
  chmodSync(path, 0o755);
  return path;
}

describe('findChromium', () => {
  it('takes CHROME_PATH first', () => {
    const chosen = fakeBrowser('my-chrome');
    fakeBrowser('chromium');
    expect(findChromium({ CHROME_PATH: chosen, PATH: dir }, [])).toBe(chosen);
  });

  it('then a chromium or chrome on PATH', () => {
    expect(findChromium({ PATH: `/nonexistent:${dir}` }, [])).toBe(join(dir, 'chromium'));
  });

  it('then a usual install location', () => {
    const installed = fakeBrowser('google-chrome-in-opt');
    expect(findChromium({ PATH: '' }, ['/nonexistent/chrome', installed])).toBe(installed);
  });

  it('fails in one line when CHROME_PATH names nothing, even if another browser exists', () => {
    expect(() => findChromium({ CHROME_PATH: '/nonexistent', PATH: dir }, [])).toThrow(
      new DeckError(
        'No Chrome/Chromium found: CHROME_PATH=/nonexistent is not an executable file. ' +
          'Install one (Debian: apt-get install chromium) or set CHROME_PATH=/path/to/chrome.',
      ),
    );
  });

  it('fails in one line when there is none at all', () => {
    expect(() => findChromium({ PATH: '/nonexistent' }, ['/nonexistent/chrome'])).toThrow(
      'No Chrome/Chromium found. Install one (Debian: apt-get install chromium) or set CHROME_PATH=/path/to/chrome.',
    );
  });

  it('skips files that are not executable', () => {
    const notExecutable = join(dir, 'plain');
    writeFileSync(notExecutable, '');
    expect(() => findChromium({ CHROME_PATH: notExecutable }, [])).toThrow(/is not an executable file/);
  });
});
