/**
 * `npm run figures`: writes every figure to img/. Each file is written to a temporary
 * name and renamed, so a failure never leaves a half-written SVG behind.
 */
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { figures } from './index.ts';

const IMG_DIR = fileURLToPath(new URL('../../img/', import.meta.url));

function main(): void {
  mkdirSync(IMG_DIR, { recursive: true });
  for (const { file, render } of figures) {
    const { svg } = render();
    const target = join(IMG_DIR, file);
    const temp = `${target}.tmp-${process.pid}`;
    writeFileSync(temp, svg);
    renameSync(temp, target);
    console.log(`wrote img/${file} (${Buffer.byteLength(svg)} bytes)`);
  }
}

try {
  main();
} catch (error) {
  console.error(`npm run figures failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
}
