import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { ExportSettings } from './export-settings.ts';
import { marpConfigPath } from './project-paths.ts';

const require = createRequire(import.meta.url);
const marpCliBin = join(dirname(require.resolve('@marp-team/marp-cli/package.json')), 'marp-cli.js');
/** The config imports the deck's TypeScript (demo-references.ts), so marp-cli runs with tsx's loader. */
const tsxLoader = import.meta.resolve('tsx');

/**
 * Runs marp-cli with the project's config in a process of its own, so that the exports run side by
 * side on every core (a PPTX spends seconds in Node packing its pictures) and each keeps its own log.
 * `settings` are the exports' (handout address, demo stills: export-settings.ts). Its log lines
 * name the staging paths, which mean nothing to the user, so they are shown only when it fails.
 */
export function runMarpCli(args: readonly string[], settings: ExportSettings = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', tsxLoader, marpCliBin, '--config-file', marpConfigPath, ...args], {
      env: { ...process.env, ...settings },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // An export stopped (Ctrl-C, a failing sibling) takes its marp-cli and browser with it.
    const stop = () => child.kill();
    process.once('exit', stop);
    const log: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => log.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => log.push(chunk));
    child.on('error', (cause) => reject(new Error(`marp-cli could not start: ${cause.message}`, { cause })));
    child.on('close', (status, signal) => {
      process.off('exit', stop);
      if (status === 0) return resolve();
      const details = stripAnsi(Buffer.concat(log).toString('utf8')).trim();
      reject(new Error(`marp-cli failed: ${signal ? `stopped by ${signal}` : `exited with status ${status}`}\n${details}`));
    });
  });
}

function stripAnsi(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ESC starts the ANSI colour codes being removed
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}
