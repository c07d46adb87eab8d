import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contentType, fileUnder, serveStatic } from '../../src/deck/static-files.ts';

describe('contentType', () => {
  it.each([
    ['deck.html', 'text/html; charset=utf-8'],
    ['assets/main-1a2b.js', 'text/javascript; charset=utf-8'],
    ['themes/sample.css', 'text/css; charset=utf-8'],
    ['img/relu.svg', 'image/svg+xml'],
    ['fonts/KaTeX_Main-Regular.woff2', 'font/woff2'],
    ['fonts/KaTeX_Main-Regular.woff', 'font/woff'],
    ['fonts/KaTeX_Main-Regular.ttf', 'font/ttf'],
    ['img/figure.png', 'image/png'],
    ['img/PHOTO.JPG', 'image/jpeg'],
    ['deck.pdf', 'application/pdf'],
    ['deck.pptx', 'application/vnd.openxmlformats-officedocument.presentationml.presentation'],
    ['data.xyz', 'application/octet-stream'],
    ['LICENSE', 'application/octet-stream'],
  ])('%s → %s', (file, type) => {
    expect(contentType(file)).toBe(type);
  });
});

describe('fileUnder', () => {
  const root = '/srv/site';

  it('maps a URL path to the file, decoding each segment once', () => {
    expect(fileUnder(root, 'img/relu.svg')).toBe('/srv/site/img/relu.svg');
    expect(fileUnder(root, 'img/a%20b%2525.svg')).toBe('/srv/site/img/a b%25.svg');
    expect(fileUnder(root, 'demos/x/%2e%2e/y.js')).toBe('/srv/site/demos/y.js');
    expect(fileUnder(root, '%2Fetc%2Fpasswd')).toBe('/srv/site/etc/passwd');
  });

  it('names index.html for a folder URL', () => {
    expect(fileUnder(root, '')).toBe('/srv/site/index.html');
    expect(fileUnder(root, 'demos/training/')).toBe('/srv/site/demos/training/index.html');
  });

  it('refuses paths that leave the root, and malformed encoding', () => {
    for (const path of ['%2e%2e/secret', '..%2Fsecret', 'a/..%2F..%2Fsecret', '..%2F', '..', 'a%E0%A4%A']) {
      expect({ path, file: fileUnder(root, path) }).toEqual({ path, file: undefined });
    }
    // A sibling folder whose name starts like the root's is outside it too.
    expect(fileUnder(root, '..%2Fsite-private%2Fkey')).toBeUndefined();
  });
});

describe('serveStatic', () => {
  let dir = '';
  let server: Awaited<ReturnType<typeof serveStatic>>;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'static-files-'));
    await mkdir(join(dir, 'site', 'demos', 'lab'), { recursive: true });
    await writeFile(join(dir, 'site', 'index.html'), '<p>front');
    await writeFile(join(dir, 'site', 'demos', 'lab', 'index.html'), '<p>lab');
    await writeFile(join(dir, 'site', 'main.js'), 'export {};');
    await writeFile(join(dir, 'secret.txt'), 'not served');
    server = await serveStatic(join(dir, 'site'), '/talk/');
  });
  afterAll(async () => {
    await server?.close();
    await rm(dir, { recursive: true, force: true });
  });

  it('serves a file with its type, length and ten-minute cache', async () => {
    const response = await fetch(`${server.origin}/talk/main.js?x=1`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(response.headers.get('content-length')).toBe('10');
    expect(response.headers.get('cache-control')).toBe('max-age=600');
    expect(await response.text()).toBe('export {};');
  });

  it("serves a folder URL's index.html", async () => {
    expect(await (await fetch(`${server.origin}/talk/`)).text()).toBe('<p>front');
    const lab = await fetch(`${server.origin}/talk/demos/lab/`);
    expect(lab.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await lab.text()).toBe('<p>lab');
  });

  it('redirects a folder asked for without its slash to it, keeping the query, as GitHub Pages does', async () => {
    const response = await fetch(`${server.origin}/talk/demos/lab?x=1`, { redirect: 'manual' });
    expect(response.status).toBe(301);
    expect(response.headers.get('location')).toBe('/talk/demos/lab/?x=1');
  });

  it('answers 404 for a missing file, outside the prefix and outside the folder', async () => {
    for (const path of ['/talk/nothing.js', '/talk/demos/nothing', '/main.js', '/talk/..%2Fsecret.txt', '/talk/%2e%2e/secret.txt']) {
      const response = await fetch(`${server.origin}${path}`);
      expect({ path, status: response.status }).toEqual({ path, status: 404 });
    }
  });
});
