import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { dirname, extname, join, sep } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { routedFile } from './asset-routes.ts';
import { renderDevDeckPage, type DevDeckPage } from './dev-deck-page.ts';
import { defaultDeckPath, projectRoot } from './project-paths.ts';

const deckPath = '/deck.html';
/** Where `/` leads. An index of the demos can take its place later. */
const landingPath = deckPath;

const contentTypes: Record<string, string> = {
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
};

/**
 * `npm start`: serves the deck at /deck.html as the HTML build makes it, its pictures and fonts from
 * where they live, and reloads the browser when the deck's folder (slides/), themes/ or img/ change.
 */
export function deckDevServer(deckFile = defaultDeckPath): Plugin {
  return {
    name: 'deck-dev-server',
    apply: 'serve',
    configureServer(server) {
      const watchedDirs = [dirname(deckFile), join(projectRoot, 'themes'), join(projectRoot, 'img')];
      let page = renderPage(server, deckFile);
      const refresh = debounce(() => {
        // Renders run one after another: marp-cli is not meant to run twice at once in a process.
        page = page.catch(() => undefined).then(() => renderPage(server, deckFile));
        void page.then(() => server.ws.send({ type: 'full-reload', path: '*' }));
      }, 100);
      server.watcher.add(watchedDirs);
      server.watcher.on('all', (_event, file) => {
        if (watchedDirs.some((dir) => file.startsWith(dir + sep))) refresh();
      });
      server.middlewares.use((request, response, next) => {
        const path = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname);
        if (path === '/') return redirect(response, landingPath);
        if (path === deckPath) return void page.then(({ html }) => send(response, 200, 'text/html; charset=utf-8', html));
        void page.then(({ routes }) => routedFile(routes, path.slice(1))).then(
          (file) => (file ? sendFile(response, file, next) : next()),
          next,
        );
      });
      const printUrls = server.printUrls.bind(server);
      server.printUrls = () => {
        printUrls();
        for (const url of server.resolvedUrls?.local ?? []) {
          server.config.logger.info(`  ➜  Deck:    ${new URL(deckPath.slice(1), url).href}`);
        }
      };
    },
  };
}

async function renderPage(server: ViteDevServer, deckFile: string): Promise<DevDeckPage> {
  const { html, routes } = await renderDevDeckPage(deckFile);
  // Vite's client script: it performs the full reload sent after each change.
  return { html: await server.transformIndexHtml(deckPath, html), routes };
}

async function sendFile(response: ServerResponse, file: string, next: () => void): Promise<void> {
  const stats = await stat(file).catch(() => undefined);
  if (!stats?.isFile()) return next();
  response.writeHead(200, {
    'Content-Type': contentTypes[extname(file).toLowerCase()] ?? 'application/octet-stream',
    'Content-Length': stats.size,
    'Cache-Control': 'no-cache',
  });
  createReadStream(file).pipe(response);
}

function send(response: ServerResponse, status: number, contentType: string, body: string): void {
  response.writeHead(status, { 'Content-Type': contentType, 'Cache-Control': 'no-cache' });
  response.end(body);
}

function redirect(response: ServerResponse, location: string): void {
  response.writeHead(302, { Location: location });
  response.end();
}

function debounce(action: () => void, milliseconds: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(action, milliseconds);
  };
}
