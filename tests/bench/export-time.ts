import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STILLS_CACHE_DIR } from '../../src/deck/demo-stills.ts';
import { defaultDeckPath } from '../../src/deck/project-paths.ts';
import { runMarpCli } from '../../src/deck/run-marp-cli.ts';
import { runDeckCli } from '../deck/run-deck-cli.ts';
import type { BrowserTarget } from './browser.ts';

/*
 * `npm run export` (HTML, PDF, PPTX and PNG, with the demo stills, QR codes and PPTX links) against
 * plain marp-cli making the PDF and then the PPTX of the same deck with the same config, in one run:
 * target ≤ 1.5×. Measured twice: with the stills kept from an earlier export (the usual case while
 * editing the slides) and with none kept, when the lab trains its three 20-layer runs for its still.
 */
const TARGET_RATIO = 1.5;

async function seconds(run: () => Promise<void>): Promise<number> {
  const start = performance.now();
  await run();
  return (performance.now() - start) / 1000;
}

export async function exportTimes(chromium: string): Promise<BrowserTarget[]> {
  const out = await mkdtemp(join(tmpdir(), 'bench-export-'));
  const exportAll = async () => {
    const run = await runDeckCli(['all', '--out', out]);
    if (run.status !== 0) throw new Error(`npm run export failed:\n${run.stderr}${run.stdout}`);
    const stills = /rendered \d+ of \d+ demo stills in [\d.]+ s/.exec(run.stdout)?.[0];
    if (stills) console.log(`    (${stills})`);
  };
  try {
    const plainPdf = await seconds(() => runMarpCli([defaultDeckPath, '--pdf', '--browser-path', chromium, '-o', join(out, 'plain.pdf')]));
    const plainPptx = await seconds(() =>
      runMarpCli([defaultDeckPath, '--pptx', '--browser-path', chromium, '-o', join(out, 'plain.pptx')]),
    );
    const plain = plainPdf + plainPptx;
    console.log(`\nExport time (wall clock, this machine)`);
    console.log(`  plain marp-cli --pdf ${plainPdf.toFixed(1)} s, then --pptx ${plainPptx.toFixed(1)} s: ${plain.toFixed(1)} s`);
    await rm(STILLS_CACHE_DIR, { recursive: true, force: true });
    const cold = await seconds(exportAll);
    console.log(`  npm run export, no stills kept:        ${cold.toFixed(1)} s = ${(cold / plain).toFixed(2)}× plain`);
    const warm = await seconds(exportAll);
    console.log(`  npm run export, stills kept:           ${warm.toFixed(1)} s = ${(warm / plain).toFixed(2)}× plain`);
    return [
      {
        name: `npm run export ≤ ${TARGET_RATIO}× plain (stills kept)`,
        figure: `${(warm / plain).toFixed(2)}×`,
        met: warm / plain <= TARGET_RATIO,
      },
      {
        name: `npm run export ≤ ${TARGET_RATIO}× plain (no stills kept)`,
        figure: `${(cold / plain).toFixed(2)}×`,
        met: cold / plain <= TARGET_RATIO,
      },
    ];
  } finally {
    await rm(out, { recursive: true, force: true });
  }
}
