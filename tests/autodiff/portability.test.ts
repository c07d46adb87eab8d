import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

/*
 * src/autodiff and src/nn must run unchanged in the page, a Web Worker and Node:
 * they import only each other (autodiff never imports nn) and use no DOM or Node-only globals.
 */
const ROOT = resolve(import.meta.dirname, '../..');

function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.ts'))
    .map((file) => join(ROOT, folder, file));
}

const FORBIDDEN = /\b(document|window|navigator|process|Buffer|require|__dirname|localStorage|self)\b/;

describe.each(['src/autodiff', 'src/nn'])('%s is portable', (folder) => {
  const files = sourceFiles(folder);

  it('has source files', () => {
    expect(files.length).toBeGreaterThan(3);
  });

  it.each(files.map((f) => relative(ROOT, f)))('%s imports only src/autodiff and src/nn, and no DOM or Node API', (file) => {
    const code = readFileSync(join(ROOT, file), 'utf8');
    const specifiers = [...code.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]);
    for (const specifier of specifiers) {
      const target = relative(ROOT, resolve(join(ROOT, file, '..'), specifier));
      const allowed = folder === 'src/autodiff' ? ['src/autodiff/'] : ['src/autodiff/', 'src/nn/'];
      expect(
        allowed.some((prefix) => target.startsWith(prefix)),
        `${file} imports ${specifier}`,
      ).toBe(true);
    }
    const withoutComments = code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/\/\/.*$/gm, '');
    expect(withoutComments).not.toMatch(FORBIDDEN);
  });
});
