import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoSourcesDigest } from '../../src/deck/demo-stills.ts';

/** The stills cache must miss whenever anything a demo page is built from changes, and hit otherwise. */
describe('demoSourcesDigest', () => {
  let root: string;
  const browser = process.execPath;

  beforeEach(() => {
    root = mkdtempSync(join(tmpdir(), 'stills-digest-'));
    mkdirSync(join(root, 'demos', 'training'), { recursive: true });
    writeFileSync(join(root, 'demos', 'training', 'main.ts'), 'export const steps = 1000;');
    writeFileSync(join(root, 'demo.css'), '.demo { color: black }');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it('is the same for the same files', async () => {
    expect(await demoSourcesDigest(browser, [root])).toBe(await demoSourcesDigest(browser, [root]));
  });

  it('changes when a file deep in the sources changes', async () => {
    const before = await demoSourcesDigest(browser, [root]);
    writeFileSync(join(root, 'demos', 'training', 'main.ts'), 'export const steps = 999;');
    expect(await demoSourcesDigest(browser, [root])).not.toBe(before);
  });

  it('changes when a file is added or renamed', async () => {
    const before = await demoSourcesDigest(browser, [root]);
    writeFileSync(join(root, 'demos', 'extra.ts'), '');
    const added = await demoSourcesDigest(browser, [root]);
    expect(added).not.toBe(before);
    rmSync(join(root, 'demos', 'extra.ts'));
    writeFileSync(join(root, 'demos', 'other.ts'), '');
    expect(await demoSourcesDigest(browser, [root])).not.toBe(added);
  });

  it('changes with the browser', async () => {
    const other = join(root, 'chromium');
    writeFileSync(other, 'another browser');
    expect(await demoSourcesDigest(other, [root])).not.toBe(await demoSourcesDigest(browser, [root]));
  });
});
