import { spawn } from 'node:child_process';
import { join } from 'node:path';

export const projectRoot = join(import.meta.dirname, '../..');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `tsx src/deck/cli.ts …` as `npm run …` would, in its own process. */
export function runDeckCli(args: string[], env: NodeJS.ProcessEnv = process.env): Promise<CliRun> {
  return runScript('src/deck/cli.ts', args, env);
}

/** Runs a command-line script of the project (`tsx <script> …`, as its npm script does) in its own process, for its real exit code. */
export function runScript(script: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<CliRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(projectRoot, script), ...args], {
    cwd: projectRoot,
    env,
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}
