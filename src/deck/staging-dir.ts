import { rmSync } from 'node:fs';
import { mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

/**
 * A hidden folder inside the output folder where a command writes everything first. Outputs are
 * renamed into place only once complete (same file system, so each rename is atomic), and the folder
 * is removed whatever happens, so a failure never leaves a half-written file that looks finished.
 */
export interface StagingDir {
  path: string;
  /** Moves `name` from the staging folder to the output folder, replacing an older one. */
  publish(name: string): Promise<string>;
}

export async function withStagingDir<T>(outDir: string, work: (staging: StagingDir) => Promise<T>): Promise<T> {
  await mkdir(outDir, { recursive: true });
  const path = await mkdtemp(join(outDir, '.staging-'));
  liveStagingDirs.add(path);
  removeOnInterrupt();
  try {
    return await work({ path, publish: (name) => publish(join(path, name), join(outDir, name)) });
  } finally {
    await rm(path, { recursive: true, force: true });
    liveStagingDirs.delete(path);
  }
}

async function publish(from: string, to: string): Promise<string> {
  const old = join(dirname(to), `.${basename(to)}.old-${process.pid}-${Date.now()}`);
  const replacesFolder = (await isDirectory(from)) || (await isDirectory(to));
  if (!replacesFolder) {
    await rename(from, to);
    return to;
  }
  // A folder cannot be renamed over another: swap, then drop the old one.
  const hadOld = await rename(to, old).then(
    () => true,
    () => false,
  );
  await rename(from, to);
  if (hadOld) await rm(old, { recursive: true, force: true });
  return to;
}

async function isDirectory(path: string): Promise<boolean> {
  return stat(path).then(
    (stats) => stats.isDirectory(),
    () => false,
  );
}

const liveStagingDirs = new Set<string>();
let interruptHandlerInstalled = false;

function removeOnInterrupt(): void {
  if (interruptHandlerInstalled) return;
  interruptHandlerInstalled = true;
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => {
      for (const path of liveStagingDirs) rmSync(path, { recursive: true, force: true });
      process.exit(code);
    });
  }
}
