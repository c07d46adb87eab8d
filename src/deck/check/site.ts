import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { displayPath } from '../deck-error.ts';
import { handoutBase } from '../link-base.ts';
import { defaultOutDir } from '../project-paths.ts';
import { serveStatic } from '../static-files.ts';

/** Input the check cannot start from (a malformed address, a folder with no deck): one line, exit code 2. */
export class BadInput extends Error {
  override name = 'BadInput';
}

/**
 * A built folder is served under a project site's path, as GitHub Pages serves it
 * (`https://<user>.github.io/<repository>/`), so that an address assuming the host's root fails here too.
 */
const SITE_PATH = '/relu-deck/';

export interface Site {
  /** The address of the site's folder, ending in '/': deck.html, demos/, go/ and the handouts lie in it. */
  readonly url: string;
  /** What is checked, in words, for the report's first line. */
  readonly description: string;
  /** Where the handouts must send their demo links: an address ending in '/', or null for links relative to the deck. */
  readonly handoutBase: string | null;
  /** How the presenter repairs a page or file the site lacks. */
  readonly rebuild: string;
  /** How the presenter repairs handouts made for another address. */
  readonly rebuildHandouts: string;
  close(): Promise<void>;
}

/** The site an argument names: an http(s) address, else a folder (dist/ without one). */
export async function openSite(argument: string | undefined, env: NodeJS.ProcessEnv = process.env): Promise<Site> {
  if (argument !== undefined && /^[a-z][a-z\d+.-]*:/i.test(argument) && !/^[a-z]:[\\/]/i.test(argument)) return publishedSite(argument);
  return builtFolder(resolve(argument ?? defaultOutDir), env);
}

async function publishedSite(argument: string): Promise<Site> {
  const url = siteAddress(argument);
  const deck = `${url}deck.html`;
  const response = await fetch(deck).catch((error: unknown) => {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause.message : String(error);
    throw new BadInput(`${deck} cannot be reached (${cause}): is the address right, and the network up?`);
  });
  await response.arrayBuffer();
  if (response.status !== 200) throw new BadInput(`${deck} answers HTTP ${response.status}: no deck is published at ${url}`);
  return {
    url,
    description: url,
    handoutBase: url,
    rebuild: 'run npm run build and publish dist/ again',
    rebuildHandouts: `make them for this address and publish again: DEMO_BASE_URL=${url} npm run build`,
    close: async () => {},
  };
}

/** The site's folder address from what was typed: http(s) only; `…/deck.html` or `…/index.html` stand for their folder. */
function siteAddress(argument: string): string {
  let url: URL;
  try {
    url = new URL(argument);
  } catch {
    url = new URL('invalid:');
  }
  if (!/^https?:\/\/[^/?#]/i.test(argument) || (url.protocol !== 'http:' && url.protocol !== 'https:') || !url.host) {
    throw new BadInput(`${argument} is not an http(s) address (e.g. https://user.github.io/relu-deck/), nor a folder`);
  }
  url.search = '';
  url.hash = '';
  url.pathname = url.pathname.replace(/\/(deck|index)\.html$/, '/').replace(/([^/])$/, '$1/');
  return url.href;
}

async function builtFolder(dir: string, env: NodeJS.ProcessEnv): Promise<Site> {
  const shown = displayPath(dir);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    throw new BadInput(`${shown} is not a folder: give the built site's folder (dist/ by default) or its address (https://…/)`);
  }
  if (!existsSync(join(dir, 'deck.html'))) throw new BadInput(`${shown}/ has no deck.html: run npm run build first`);
  let base: string | null;
  try {
    base = handoutBase(env);
  } catch (error) {
    throw new BadInput(error instanceof Error ? error.message : String(error));
  }
  const server = await serveStatic(dir, SITE_PATH);
  const url = `${server.origin}${SITE_PATH}`;
  const fromEnv = !!env.DEMO_BASE_URL?.trim();
  return {
    url,
    description: `${shown}/, served for the check at ${url} (a sub-path, as GitHub Pages serves a project)`,
    handoutBase: base,
    rebuild: 'run npm run build',
    rebuildHandouts:
      base === null
        ? 'make them with links relative to the deck: npm run build with no DEMO_BASE_URL (or check them for their address: DEMO_BASE_URL=<it> npm run check)'
        : `make them for it: ${fromEnv ? `DEMO_BASE_URL=${base} ` : ''}npm run build`,
    close: server.close,
  };
}
