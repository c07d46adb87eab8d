import { execFileSync } from 'node:child_process';
import { accessSync, constants, statSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { DeckError } from './deck-error.ts';

const commandNames = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable', 'chrome'];

const usualLocations = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/opt/google/chrome/chrome',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

const howToGetOne = 'Install one (Debian: apt-get install chromium) or set CHROME_PATH=/path/to/chrome.';

/**
 * The Chrome/Chromium that renders PDF, PPTX and PNG: CHROME_PATH when set (and then only it), else
 * the first one on PATH, else one in a usual install location. Throws a one-line DeckError otherwise.
 */
export function findChromium(env: NodeJS.ProcessEnv = process.env, locations = usualLocations): string {
  const chosen = env.CHROME_PATH;
  if (chosen) {
    if (isExecutableFile(chosen)) return chosen;
    throw new DeckError(`No Chrome/Chromium found: CHROME_PATH=${chosen} is not an executable file. ${howToGetOne}`);
  }
  const onPath = (env.PATH ?? '')
    .split(delimiter)
    .filter(Boolean)
    .flatMap((dir) => commandNames.map((name) => join(dir, name)));
  const found = [...onPath, ...locations].find(isExecutableFile);
  if (found) return found;
  throw new DeckError(`No Chrome/Chromium found. ${howToGetOne}`);
}

function isExecutableFile(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * Asks the browser for its version, which it answers without opening a window: a file that is no
 * working browser (CHROME_PATH=/bin/false, a broken install) fails here in one line, before an
 * export fails in a stack trace of marp-cli's or Playwright's.
 */
export function checkChromiumStarts(path: string): void {
  try {
    execFileSync(path, ['--version'], { stdio: ['ignore', 'pipe', 'pipe'], timeout: 30_000 });
  } catch (error) {
    const { status, signal, code } = error as { status?: number | null; signal?: string | null; code?: string };
    const how =
      code === 'ETIMEDOUT'
        ? 'no answer in 30 s'
        : signal
          ? `stopped by ${signal}`
          : code && status == null
            ? code
            : `exit status ${status}`;
    throw new DeckError(`The browser at ${path} would not start (${how} when asked for its version). ${howToGetOne}`);
  }
}
