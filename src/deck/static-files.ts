import { createReadStream, existsSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, isAbsolute, join, relative, sep } from 'node:path';

/**
 * Serving files from a folder over HTTP, as a static host does: for `npm start`'s deck assets, for
 * `npm run check` and for the tests that open the built site, the exports or the theme in a browser.
 */

/** Content types by extension, for everything the project serves: site, deck, pictures, fonts, exports. */
const contentTypes: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.pdf': 'application/pdf',
  '.pptx': 'application/vnd.openxmlformats-officedocument.presentationml.presentation',
};

export function contentType(file: string): string {
  return contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * The file that a URL path, percent-encoded as sent and relative to `root`, names there. A folder URL
 * ('' or ending in '/') names its index.html, as static hosts do (the demos live at demos/<name>/).
 * Undefined for malformed encoding and for a path that leads out of `root`: the URL parser drops '..'
 * segments, but an encoded slash ('..%2F') still makes one once decoded.
 */
export function fileUnder(root: string, urlPath: string): string | undefined {
  const path = urlPath === '' || urlPath.endsWith('/') ? `${urlPath}index.html` : urlPath;
  let segments: string[];
  try {
    segments = path.split('/').map(decodeURIComponent);
  } catch {
    return undefined;
  }
  const file = join(root, ...segments);
  const inside = relative(root, file);
  return inside && inside !== '..' && !inside.startsWith(`..${sep}`) && !isAbsolute(inside) ? file : undefined;
}

/** Sends `file` with its content type and length; false, with nothing sent, if it is not a file (missing, a folder). */
export async function sendFile(response: ServerResponse, file: string, cacheControl: string): Promise<boolean> {
  const stats = await stat(file).catch(() => undefined);
  if (!stats?.isFile()) return false;
  response.writeHead(200, {
    'Content-Type': contentType(file),
    'Content-Length': stats.size,
    'Cache-Control': cacheControl,
  });
  // A file gone since stat() cuts this response short instead of throwing out of the server.
  createReadStream(file)
    .on('error', () => response.destroy())
    .pipe(response);
  return true;
}

/**
 * A request handler that serves the files of `root` under `prefix` (as written in URLs), and 404 for
 * anything else. A folder asked for without its trailing slash is redirected to it, as GitHub Pages
 * does (a short address typed as `…/go/19`).
 */
export function staticFiles(
  root: string,
  prefix: string,
  cacheControl: string,
): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  return async (request, response) => {
    const { pathname, search } = new URL(request.url ?? '/', 'http://localhost');
    const path = pathname.startsWith(prefix) ? pathname.slice(prefix.length) : undefined;
    const file = path === undefined ? undefined : fileUnder(root, path);
    if (file !== undefined && (await sendFile(response, file, cacheControl))) return;
    if (path !== undefined && isFolderWithoutSlash(root, path)) response.writeHead(301, { Location: `${pathname}/${search}` }).end();
    else response.writeHead(404).end();
  };
}

/** A URL path (relative to `root`) naming a page's folder without its trailing slash: static hosts redirect it to the folder. */
export function isFolderWithoutSlash(root: string, urlPath: string): boolean {
  if (urlPath === '' || urlPath.endsWith('/')) return false;
  const index = fileUnder(root, `${urlPath}/`);
  return index !== undefined && existsSync(index);
}

/** A plain static file server on loopback that serves `dir` under the URL path `prefix`. */
export async function serveStatic(dir: string, prefix: string): Promise<{ origin: string; close(): Promise<void> }> {
  // Room for long query strings (the demos are opened with 5 KB values); Node's default is 16 KB of headers.
  // Cached for ten minutes, as GitHub Pages serves it: a page opened again reuses its scripts, compiled.
  const server = createServer({ maxHeaderSize: 256 * 1024 }, staticFiles(dir, prefix, 'max-age=600'));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
