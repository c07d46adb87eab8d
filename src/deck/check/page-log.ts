import type { Frame, Page, Request, Response } from 'playwright-core';
import { fail, PASS, type Verdict } from './verdicts.ts';

/** What a page did that the check reports: files that did not load, errors, requests off the site. */
export interface PageLog {
  /** Each as its address relative to the site, and why: `fonts/a.woff2 (404)`. */
  readonly missing: string[];
  readonly errors: string[];
  readonly offSite: string[];
}

export const emptyLog = (): PageLog => ({ missing: [], errors: [], offSite: [] });

/**
 * Records what `page` does into the log `logFor` picks: for a request, by the frame that made it (a
 * live demo in the deck is a frame of its own); for a console message or an uncaught error, whose
 * frame Playwright does not say, `null`.
 */
export function recordPage(page: Page, siteUrl: string, logFor: (frame: Frame | null) => PageLog): void {
  const origin = new URL(siteUrl).origin;
  // Chromium asks every host for /favicon.ico by itself; a site without one answers 404, harmlessly.
  const browserOwn = (url: string) => url === `${origin}/favicon.ico` || /^(data|blob|about):/.test(url);
  const onSite = (url: string) => url.startsWith(siteUrl);
  page.on('request', (request) => {
    if (!onSite(request.url()) && !browserOwn(request.url())) logFor(frameOf(request)).offSite.push(request.url());
  });
  page.on('response', (response) => {
    if (response.status() >= 400 && onSite(response.url())) {
      logFor(frameOf(response)).missing.push(`${response.url().slice(siteUrl.length)} (${response.status()})`);
    }
  });
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? 'failed';
    // Leaving a slide removes its live demo, which aborts what that frame was loading: not a fault.
    if (reason !== 'net::ERR_ABORTED' && onSite(request.url())) {
      logFor(frameOf(request)).missing.push(`${request.url().slice(siteUrl.length)} (${reason})`);
    }
  });
  page.on('console', (message) => {
    // A file that did not load is reported above, by its address, which this console line does not name.
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) logFor(null).errors.push(message.text());
  });
  page.on('pageerror', (error) => logFor(null).errors.push(String(error)));
}

/** A worker's request has no frame (Playwright throws for it): it counts as the page's own. */
function frameOf(event: Request | Response): Frame | null {
  try {
    return event.frame();
  } catch {
    return null;
  }
}

/** At most a few, then how many more: a line stays readable when a whole folder is missing. */
function someOf(items: readonly string[], count = 3): string {
  const unique = [...new Set(items)];
  const shown = unique.slice(0, count).join(', ');
  return unique.length > count ? `${shown} and ${unique.length - count} more` : shown;
}

export function missingVerdict(log: PageLog, slide: number | null, subject: string, rebuild: string): Verdict {
  if (log.missing.length === 0) return PASS;
  const files = new Set(log.missing).size === 1 ? 'a file' : `${new Set(log.missing).size} files`;
  return fail(slide, `${subject} asks for ${files} the site lacks: ${someOf(log.missing)}: ${rebuild}`);
}

export function errorVerdict(log: PageLog, slide: number | null, subject: string): Verdict {
  if (log.errors.length === 0) return PASS;
  const first = (log.errors[0] ?? '').split('\n')[0]?.slice(0, 160);
  const more = log.errors.length > 1 ? ` (and ${log.errors.length - 1} more)` : '';
  return fail(slide, `${subject} logs an error in the browser console: ${first}${more}`);
}

export function offSiteVerdict(log: PageLog, slide: number | null, subject: string, siteUrl: string): Verdict {
  if (log.offSite.length === 0) return PASS;
  const origin = new URL(siteUrl).origin;
  const why = log.offSite.every((url) => url.startsWith(origin))
    ? `outside the site's folder (an address from the host's root, which breaks under ${new URL(siteUrl).pathname})`
    : 'off the site (it needs the network, and the talk may have none)';
  return fail(slide, `${subject} asks for ${someOf(log.offSite)}, ${why}: make it a relative address or bundle it`);
}
