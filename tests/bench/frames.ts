import type { Page } from 'playwright-core';

/**
 * Frame timing as the viewer sees it: the gaps between requestAnimationFrame callbacks over
 * `milliseconds`. At 60 Hz an unhurried page gives gaps of one vsync (16.7 ms, ± timer jitter);
 * a frame that took too long shows up as a gap of two vsyncs or more.
 */
export interface FrameSummary {
  readonly frames: number;
  readonly median: number;
  readonly p95: number;
  readonly max: number;
  /** Share of gaps longer than 1.5 vsync (a frame the display had to show twice). */
  readonly missedShare: number;
}

export async function recordFrames(page: Page, milliseconds: number): Promise<FrameSummary> {
  // A string, not a function: the benchmark runs under tsx, whose name-keeping helper does not exist in the page.
  const gaps = await page.evaluate<number[]>(`new Promise((resolve) => {
    const times = [];
    const tick = (now) => {
      times.push(now);
      if (now - times[0] < ${milliseconds}) requestAnimationFrame(tick);
      else resolve(times.slice(1).map((t, i) => t - times[i]));
    };
    requestAnimationFrame(tick);
  })`);
  return summarizeFrames(gaps);
}

export const VSYNC_MS = 1000 / 60;

function summarizeFrames(gaps: readonly number[]): FrameSummary {
  if (gaps.length === 0) throw new Error('no animation frame was recorded (is the page hidden?)');
  const sorted = [...gaps].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * (sorted.length - 1)))];
  return {
    frames: gaps.length,
    median: at(0.5),
    p95: at(0.95),
    max: sorted[sorted.length - 1],
    missedShare: gaps.filter((gap) => gap > 1.5 * VSYNC_MS).length / gaps.length,
  };
}

export function formatFrames(summary: FrameSummary): string {
  return (
    `${summary.frames} frames: median ${summary.median.toFixed(1)} ms, p95 ${summary.p95.toFixed(1)} ms, ` +
    `max ${summary.max.toFixed(1)} ms, ${(100 * summary.missedShare).toFixed(1)} % longer than 1.5 vsync`
  );
}
