import { resolve } from 'node:path';
import type { Plugin } from 'vite';
import { isFolderWithoutSlash } from './static-files.ts';

/**
 * `npm run preview` answers a folder asked for without its trailing slash (a short address typed
 * from a handout, `…/go/19`) with a redirect to it, as GitHub Pages does; Vite's preview would
 * answer 404.
 */
export function previewFolders(): Plugin {
  return {
    name: 'preview-folders',
    configurePreviewServer(server) {
      const outDir = resolve(server.config.root, server.config.build.outDir);
      server.middlewares.use((request, response, next) => {
        const { pathname, search } = new URL(request.url ?? '/', 'http://localhost');
        if (!isFolderWithoutSlash(outDir, pathname.slice(1))) return next();
        response.writeHead(301, { Location: `${pathname}/${search}` }).end();
      });
    },
  };
}
