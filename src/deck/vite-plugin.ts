import type { ServerResponse } from 'node:http';
import { dirname, join, sep } from 'node:path';
import { register } from 'tsx/esm/api';
import type { Plugin, ViteDevServer } from 'vite';
import { type AssetRoute, assetRoutes, routedFile } from './asset-routes.ts';
import { readDeck } from './deck-source.ts';
import { renderDevDeckPage } from './dev-deck-page.ts';
import { createMarp, loadMarpConfig } from './marp-config.ts';
import { defaultDeckPath, projectRoot } from './project-paths.ts';
import { SHORT_LINKS_FOLDER, type ShortLink, shortLinkPage, shortLinks } from './short-links.ts';
import { contentType, sendFile } from './static-files.ts';

const deckPath = '/deck.html';

/**
 * `npm start`: serves the deck at /deck.html as the HTML build makes it, its pictures and fonts from
 * where they live, and reloads the browser when the deck's folder (slides/), themes/ or img/ change.
 */
export function deckDevServer(deckFile = defaultDeckPath): Plugin {
  return {
    name: 'deck-dev-server',
    apply: 'serve',
    async configureServer(server) {
      // marp.config.mjs imports TypeScript (the demo registry): Node needs tsx's loader for it.
      register();
      const config = await loadMarpConfig();
      const routes = assetRoutes(config);
      const render = async (): Promise<string> => withViteClient(server, await renderDevDeckPage(deckFile, config, routes));
      let page = render();
      const refresh = debounce(() => {
        // Renders run one after another: marp-cli is not meant to run twice at once in a process.
        page = page.catch(() => '').then(render);
        void page.finally(() => server.ws.send({ type: 'full-reload', path: '*' }));
      }, 100);
      const watchedDirs = [dirname(deckFile), join(projectRoot, 'themes'), join(projectRoot, 'img')];
      server.watcher.add(watchedDirs);
      server.watcher.on('all', (_event, file) => {
        if (watchedDirs.some((dir) => file.startsWith(dir + sep))) refresh();
      });
      const shortLink = async (code: string) => {
        const links = shortLinks(await createMarp(config), await readDeck(deckFile));
        return links.find((link) => link.code === code);
      };
      server.middlewares.use((request, response, next) => {
        respond(request.url ?? '/', response, routes, () => page, shortLink).then((handled) => handled || next(), next);
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

/** Answers the deck page and its files; false for anything else (left to Vite). */
async function respond(
  url: string,
  response: ServerResponse,
  routes: AssetRoute[],
  page: () => Promise<string>,
  shortLink: (code: string) => Promise<ShortLink | undefined>,
): Promise<boolean> {
  // Still percent-encoded: routedFile decodes each segment once.
  const path = new URL(url, 'http://localhost').pathname;
  const code = new RegExp(`^/${SHORT_LINKS_FOLDER}/([0-9a-z]+)/?(?:index\\.html)?$`).exec(path)?.[1];
  const link = code === undefined ? undefined : await shortLink(code);
  if (link) {
    response.writeHead(200, { 'Content-Type': contentType('index.html'), 'Cache-Control': 'no-cache' }).end(shortLinkPage(link));
    return true;
  }
  if (path === deckPath) {
    const html = await page();
    response.writeHead(200, { 'Content-Type': contentType(deckPath), 'Cache-Control': 'no-cache' }).end(html);
    return true;
  }
  const file = routedFile(routes, path.slice(1));
  return file !== undefined && sendFile(response, file, 'no-cache');
}

/**
 * Adds what Vite puts in a page's <head>: its client, which performs the full reload sent after
 * each change. Taken from an empty page, because Vite would also run the deck's inline CSS through
 * PostCSS and try to resolve its @import of the fonts as modules.
 */
async function withViteClient(server: ViteDevServer, html: string): Promise<string> {
  const shell = await server.transformIndexHtml(deckPath, '<!DOCTYPE html><html><head></head><body></body></html>');
  const tags = /<head>([\s\S]*)<\/head>/i.exec(shell)?.[1] ?? '';
  return html.replace(/<\/head>/i, `${tags}$&`);
}

function debounce(action: () => void, milliseconds: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return () => {
    clearTimeout(timer);
    timer = setTimeout(action, milliseconds);
  };
}
