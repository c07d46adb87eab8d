import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.css': 'text/css',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

/** A plain static file server on loopback that serves `dir` under the URL path `prefix`. */
export async function serveStatic(dir: string, prefix: string): Promise<{ origin: string; close(): Promise<void> }> {
  // Room for long query strings (the demos are opened with 5 KB values); Node's default is 16 KB of headers.
  const server = createServer({ maxHeaderSize: 256 * 1024 }, async (request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
    // A folder URL serves its index.html, as static hosts do (the demos live at demos/<name>/).
    const relative = path.endsWith('/') ? `${path}index.html` : path;
    const file = relative.startsWith(prefix) ? join(dir, normalize(relative.slice(prefix.length))) : '';
    const stats = file ? await stat(file).catch(() => undefined) : undefined;
    if (!stats?.isFile()) {
      response.writeHead(404).end();
      return;
    }
    // Cached for ten minutes, as GitHub Pages serves it: a page opened again reuses its scripts, compiled.
    response.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream', 'Cache-Control': 'max-age=600' });
    createReadStream(file).pipe(response);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
