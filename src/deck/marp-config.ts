import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Config } from '@marp-team/marp-cli';
import { Marp } from '@marp-team/marp-core';
import { marpConfigPath } from './project-paths.ts';

export type MarpConfig = Config;

export async function loadMarpConfig(): Promise<MarpConfig> {
  const module = (await import(pathToFileURL(marpConfigPath).href)) as { default: MarpConfig };
  return module.default;
}

/** The folder KaTeX's fonts are loaded from (the config gives it as a file URL). */
export function katexFontsDir(config: MarpConfig): string {
  const math = config.options?.math;
  const fontPath = typeof math === 'object' ? math.katexFontPath : undefined;
  if (typeof fontPath !== 'string' || !fontPath.startsWith('file:')) {
    throw new Error(`${marpConfigPath}: options.math.katexFontPath must be a file: URL`);
  }
  return fileURLToPath(fontPath);
}

/** Theme CSS files named by the config's themeSet (files, or folders of .css), like marp-cli finds them. */
export async function themeFiles(config: MarpConfig): Promise<string[]> {
  const entries = [config.themeSet ?? []].flat().map((entry) => resolve(dirname(marpConfigPath), entry));
  const files = await Promise.all(entries.map(cssFilesAt));
  return files.flat();
}

async function cssFilesAt(path: string): Promise<string[]> {
  if (path.endsWith('.css')) return [path];
  const names = await readdir(path, { recursive: true });
  return names
    .filter((name) => name.endsWith('.css'))
    .sort()
    .map((name) => join(path, name));
}

/**
 * A marp-core engine with the same options and themes marp-cli uses, for what marp-cli does not
 * expose: validation and link measurement. Themes are read afresh so edits show up.
 */
export async function createMarp(config: MarpConfig): Promise<Marp> {
  const plain = new Marp({
    ...config.options,
    ...(config.html === undefined ? {} : { html: config.html }),
    script: false,
  });
  // The config's plugins (e.g. absolute demo links in exports) apply here as in marp-cli.
  const engine = config.engine as unknown;
  const marp = typeof engine === 'function' ? (engine as (context: { marp: Marp }) => Marp)({ marp: plain }) : plain;
  for (const file of await themeFiles(config)) marp.themeSet.add(await readFile(file, 'utf8'));
  return marp;
}
