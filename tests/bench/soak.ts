/*
 * npm run soak [-- seconds]: the training lab's long run. Three runs of the default network train in
 * Chromium on the built site for 10 minutes (or `seconds`); every 30 s the JS heaps of the page and
 * of each run's worker are measured after a garbage collection, with the steps reached. Prints the
 * table and the growth from the first sample after warm-up to the last; exits non-zero on a page
 * error or when the heaps grew by more than 20 MB.
 */
import type { CDPSession, Page } from 'playwright-core';
import { DeckError } from '../../src/deck/deck-error.ts';
import { watchPage } from '../e2e/harness.ts';
import { openBuiltDemos } from './built-demos.ts';

const SECONDS = Number(process.argv[2] ?? 600);
const SAMPLE_EVERY_MS = 30_000;
const LIMIT_MB = 20;

if (!Number.isFinite(SECONDS) || SECONDS < 60) {
  // Growth is counted from the 30 s sample on, so a shorter run would have nothing to compare.
  console.error(`npm run soak: the duration must be a number of seconds ≥ 60, got "${process.argv[2]}"`);
  process.exit(2);
}

/**
 * Talks to each Web Worker through the browser's CDP target messages (a page session cannot reach
 * workers): force a GC there, then read its heap.
 */
async function workerHeaps(browserSession: CDPSession): Promise<number[]> {
  const { targetInfos } = (await browserSession.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string }[] };
  const workers = targetInfos.filter((t) => t.type === 'worker');
  return Promise.all(
    workers.map(async (worker) => {
      const { sessionId } = (await browserSession.send('Target.attachToTarget', { targetId: worker.targetId, flatten: false })) as {
        sessionId: string;
      };
      let nextId = 1;
      const call = (method: string) =>
        new Promise<Record<string, number>>((resolve) => {
          const id = nextId++;
          const listener = (event: { sessionId: string; message: string }) => {
            const reply = JSON.parse(event.message) as { id?: number; result?: Record<string, number> };
            if (event.sessionId !== sessionId || reply.id !== id) return;
            browserSession.off('Target.receivedMessageFromTarget', listener);
            resolve(reply.result ?? {});
          };
          browserSession.on('Target.receivedMessageFromTarget', listener);
          void browserSession.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method }) });
        });
      await call('HeapProfiler.collectGarbage');
      const { usedSize } = await call('Runtime.getHeapUsage');
      await browserSession.send('Target.detachFromTarget', { sessionId });
      return usedSize;
    }),
  );
}

async function pageHeap(pageSession: CDPSession): Promise<number> {
  await pageSession.send('HeapProfiler.collectGarbage');
  const { usedSize } = await pageSession.send('Runtime.getHeapUsage');
  return usedSize;
}

const steps = (page: Page) =>
  page.evaluate<number[]>(`[...document.querySelectorAll('.tr-run')].map((run) => Number(run.dataset.step ?? 0))`);
const mb = (bytes: number) => (bytes / 1e6).toFixed(2);

let site: Awaited<ReturnType<typeof openBuiltDemos>>;
try {
  site = await openBuiltDemos();
} catch (error) {
  // No browser: say what to install or set, in one line, and stop.
  if (!(error instanceof DeckError)) throw error;
  console.error(`npm run soak: ${error.message}`);
  process.exit(1);
}
try {
  const page = await site.browser.newPage({ viewport: { width: 1280, height: 720 } });
  const watch = watchPage(page, site.base.replace(/\/$/, ''));
  await page.goto(`${site.base}demos/training/`);
  await page.locator('.tr-run canvas.tr-boundary').first().waitFor();
  const pageSession = await page.context().newCDPSession(page);
  const browserSession = await site.browser.newBrowserCDPSession();
  await page.keyboard.press('Space');
  const start = Date.now();
  const samples: { seconds: number; page: number; workers: number[]; steps: number[] }[] = [];
  console.log(`Training lab, three runs, ${SECONDS} s; heaps after a forced GC`);
  console.log(`${'time'.padStart(6)}${'page MB'.padStart(10)}${'workers MB'.padStart(24)}${'steps'.padStart(24)}`);
  for (let elapsed = 0; elapsed <= SECONDS * 1000; elapsed += SAMPLE_EVERY_MS) {
    await page.waitForTimeout(Math.max(0, start + elapsed - Date.now()));
    const sample = {
      seconds: Math.round((Date.now() - start) / 1000),
      page: await pageHeap(pageSession),
      workers: await workerHeaps(browserSession),
      steps: await steps(page),
    };
    samples.push(sample);
    console.log(
      `${`${sample.seconds} s`.padStart(6)}${mb(sample.page).padStart(10)}${sample.workers.map(mb).join(' ').padStart(24)}${sample.steps.join(' ').padStart(24)}`,
    );
  }
  // The first sample is taken before the JIT and the charts have settled: growth counts from the second.
  const total = (s: (typeof samples)[number]) => s.page + s.workers.reduce((a, b) => a + b, 0);
  const first = samples[1];
  const last = samples[samples.length - 1];
  const growth = total(last) - total(first);
  console.log(
    `\nheap growth ${first.seconds}–${last.seconds} s: ${mb(growth)} MB (page ${mb(last.page - first.page)} MB), limit ${LIMIT_MB} MB`,
  );
  console.log(`page errors: ${watch.errors.length === 0 ? 'none' : watch.errors.join('; ')}`);
  if (growth > LIMIT_MB * 1e6 || watch.errors.length > 0 || last.steps.some((s, i) => s <= first.steps[i])) {
    console.error('FAILED: heap grew too much, a run stopped advancing, or the page logged an error');
    process.exitCode = 1;
  }
} finally {
  await site.dispose();
}
