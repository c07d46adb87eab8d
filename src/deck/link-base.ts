/**
 * Where a PDF or PPTX sends its relative links (the live demos): DEMO_BASE_URL, by default the
 * address `npm start` serves. The HTML deck keeps them relative.
 */
export const DEFAULT_DEMO_BASE_URL = 'http://localhost:5173/';

export function demoBaseUrl(env: NodeJS.ProcessEnv = process.env): string {
  const raw = env.DEMO_BASE_URL?.trim() || DEFAULT_DEMO_BASE_URL;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`DEMO_BASE_URL is not an absolute URL: ${raw} (e.g. https://example.org/talk/)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new Error(`DEMO_BASE_URL must be an http(s) address: ${raw}`);
  }
  // A base without a trailing slash would drop its last folder when links are resolved against it.
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}

/** Runs an export with relative links made absolute (read by the rule in marp.config.mjs). */
export async function withAbsoluteLinks<T>(run: () => Promise<T>): Promise<T> {
  const previous = process.env.DECK_LINK_BASE;
  process.env.DECK_LINK_BASE = demoBaseUrl();
  try {
    return await run();
  } finally {
    if (previous === undefined) delete process.env.DECK_LINK_BASE;
    else process.env.DECK_LINK_BASE = previous;
  }
}
