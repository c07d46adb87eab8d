import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { staticFiles } from '../../src/deck/static-files.ts';

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
