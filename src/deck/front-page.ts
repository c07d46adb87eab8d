import { existsSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The handouts the site's front page offers for download, when the build made them. */
export const HANDOUT_FILES = ['deck.pdf', 'deck.pptx'] as const;

/**
 * Tells the built front page (outDir/index.html, made by Vite) which handouts lie beside it, in
 * `<body data-handouts="deck.pdf deck.pptx">`: it lists exactly those, so that no download link leads
 * nowhere (a build without a browser has none). Nothing to do where there is no front page.
 */
export async function markHandouts(outDir: string): Promise<void> {
  const page = join(outDir, 'index.html');
  if (!existsSync(page)) return;
  const present = HANDOUT_FILES.filter((file) => existsSync(join(outDir, file)));
  const html = await readFile(page, 'utf8');
  const marked = html.replace(/<body(?: data-handouts="[^"]*")?/, `<body data-handouts="${present.join(' ')}"`);
  if (marked === html) return;
  const partial = `${page}.${process.pid}.partial`;
  await writeFile(partial, marked);
  await rename(partial, page);
}
