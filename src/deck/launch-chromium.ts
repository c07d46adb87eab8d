import { chromium, type Browser } from 'playwright-core';

/**
 * The system Chromium through playwright-core, quiet on the network (no background services, no
 * first-run). Playwright gives each launch a fresh, empty profile of its own and removes it on close.
 */
export function launchChromium(executablePath: string): Promise<Browser> {
  return chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--allow-file-access-from-files',
    ],
  });
}
