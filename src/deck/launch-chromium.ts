import type { Browser } from 'playwright-core';

/** Flags that keep Chromium quiet on the network: no background services, no first-run, no sandbox (root in CI). */
export const QUIET_CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/**
 * The system Chromium through playwright-core, quiet on the network (no background services, no
 * first-run). Playwright gives each launch a fresh, empty profile of its own and removes it on close.
 */
export async function launchChromium(executablePath: string): Promise<Browser> {
  // Loaded on first use: only the PPTX export and the tests drive a browser themselves.
  const { chromium } = await import('playwright-core');
  return chromium.launch({
    executablePath,
    args: [...QUIET_CHROMIUM_ARGS, '--allow-file-access-from-files'],
  });
}
