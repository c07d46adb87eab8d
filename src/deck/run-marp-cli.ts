import { marpConfigPath } from './project-paths.ts';

/**
 * Runs marp-cli in this process with the project's config. Its log lines name the staging paths,
 * which mean nothing to the user, so they are kept back and shown only when the conversion fails.
 */
export async function runMarpCli(args: string[]): Promise<void> {
  const log: string[] = [];
  const { warn, error } = console;
  console.warn = console.error = (...parts: unknown[]) => log.push(parts.map(String).join(' '));
  try {
    // Loaded on first use: a deck that fails validation never needs it.
    const { marpCli } = await import('@marp-team/marp-cli');
    const status = await marpCli(['--config-file', marpConfigPath, ...args]);
    if (status !== 0) throw new Error(`marp-cli exited with status ${status}`);
  } catch (cause) {
    const details = log.map(stripAnsi).join('\n');
    const reason = cause instanceof Error ? cause.message : String(cause);
    throw new Error(`marp-cli failed: ${reason}\n${details}`, { cause });
  } finally {
    Object.assign(console, { warn, error });
  }
}

function stripAnsi(text: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: ESC starts the ANSI colour codes being removed
  return text.replace(/\u001b\[[0-9;]*m/g, '');
}
