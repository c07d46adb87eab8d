import { DeckError } from '../deck-error.ts';
import { checkSite } from './check-site.ts';
import { renderReport } from './report.ts';
import { BadInput, openSite } from './site.ts';

/**
 * `npm run check [-- <folder or address>]`: the pre-talk health check of the built site (dist/ by
 * default) or of the published one. Exit code 0 when everything holds, 1 with one line per thing to
 * fix, 2 when the check cannot run at all (bad input, no browser), with one line on stderr saying why.
 */
const usage =
  "usage: npm run check [-- <the built site's folder, dist/ by default> | <its address, e.g. https://user.github.io/relu-deck/>]";

async function main(argv: readonly string[]): Promise<number> {
  if (argv.length === 1 && (argv[0] === '-h' || argv[0] === '--help')) {
    console.log(usage);
    return 0;
  }
  if (argv.length > 1 || argv[0]?.startsWith('-')) throw new BadInput(usage);
  const started = performance.now();
  const site = await openSite(argv[0]);
  try {
    console.log(`Checking ${site.description}`);
    const { rows, notes } = await checkSite(site);
    const report = renderReport(rows, notes, (performance.now() - started) / 1000);
    console.log(report.text);
    return report.failures > 0 ? 1 : 0;
  } finally {
    await site.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    const known = error instanceof BadInput || error instanceof DeckError;
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    process.stderr.write(`${known ? message : `npm run check could not finish: ${message}`}\n`);
    process.exitCode = 2;
  },
);
