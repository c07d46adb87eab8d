import { chromium, type Browser } from 'playwright-core';
import { chromiumPath } from './harness.ts';

/**
 * Workaround for `launchBrowser()` in harness.ts: playwright-core 1.65 refuses a
 * `--user-data-dir` argument in `launch()` ("Pass userDataDir parameter to
 * launchPersistentContext"). Without it playwright gives the browser a fresh temporary
 * profile of its own, which is what the harness wanted. Same flags otherwise.
 */
export async function launchChromium(): Promise<Browser & { dispose(): Promise<void> }> {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run', '--disable-quic'],
  });
  return Object.assign(browser, { dispose: () => browser.close() });
}
