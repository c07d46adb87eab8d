import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { withStagingDir } from '../../src/deck/staging-dir.ts';

let outDir = '';
beforeEach(async () => {
  outDir = join(await mkdtemp(join(tmpdir(), 'deck-staging-')), 'dist');
});
afterEach(() => rm(join(outDir, '..'), { recursive: true, force: true }));

describe('withStagingDir: outputs appear only when complete', () => {
  it('publishes files and folders, replacing older ones whole', async () => {
    await mkdir(join(outDir, 'png'), { recursive: true });
    await writeFile(join(outDir, 'png', 'deck.099.png'), 'stale');
    await writeFile(join(outDir, 'deck.pdf'), 'old');
    await withStagingDir(outDir, async (staging) => {
      await writeFile(join(staging.path, 'deck.pdf'), 'new');
      await mkdir(join(staging.path, 'png'));
      await writeFile(join(staging.path, 'png', 'deck.001.png'), 'new');
      expect(await staging.publish('deck.pdf')).toBe(join(outDir, 'deck.pdf'));
      await staging.publish('png');
    });
    expect(await readFile(join(outDir, 'deck.pdf'), 'utf8')).toBe('new');
    expect(await readdir(join(outDir, 'png'))).toEqual(['deck.001.png']);
    expect((await readdir(outDir)).sort()).toEqual(['deck.pdf', 'png']);
  });

  it('on failure keeps the older complete output and removes every temporary', async () => {
    await mkdir(outDir, { recursive: true });
    await writeFile(join(outDir, 'deck.pdf'), 'old');
    const failing = withStagingDir(outDir, async (staging) => {
      await writeFile(join(staging.path, 'deck.pdf'), 'half');
      throw new Error('browser crashed');
    });
    await expect(failing).rejects.toThrow('browser crashed');
    expect(await readdir(outDir)).toEqual(['deck.pdf']);
    expect(await readFile(join(outDir, 'deck.pdf'), 'utf8')).toBe('old');
  });
});
