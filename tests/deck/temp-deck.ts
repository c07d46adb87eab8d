import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { projectRoot } from './run-deck-cli.ts';

export interface TempDeck {
  file: string;
  outDir: string;
  remove(): Promise<void>;
}

/**
 * A deck in a temporary folder laid out like the project (slides/deck.md beside links to the real
 * img/ and node_modules/), so the real theme's '../node_modules/...' fonts and '../img/...' resolve.
 */
export async function makeTempDeck(markdown: string): Promise<TempDeck> {
  const root = await mkdtemp(join(tmpdir(), 'deck-test-'));
  await mkdir(join(root, 'slides'));
  await symlink(join(projectRoot, 'node_modules'), join(root, 'node_modules'));
  await symlink(join(projectRoot, 'img'), join(root, 'img'));
  const file = join(root, 'slides', 'deck.md');
  await writeFile(file, markdown);
  return { file, outDir: join(root, 'out'), remove: () => rm(root, { recursive: true, force: true }) };
}

/** A small valid deck in the project's conventions; tests break one thing at a time. */
export const validDeck = `---
marp: true
theme: sample
math: katex
lang: ja
---
<!-- _class: title -->

# 表紙

---
<!-- class: slides -->

# 数式

$f(x) = 2x$ と $y = x\\ (x > 0\\ \\text{のとき})$
`;
