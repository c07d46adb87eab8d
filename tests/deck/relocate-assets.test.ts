import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AssetRoute } from '../../src/deck/asset-routes.ts';
import { DeckError } from '../../src/deck/deck-error.ts';
import { relocateAssets } from '../../src/deck/relocate-assets.ts';

let root = '';
let routes: AssetRoute[] = [];
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'deck-relocate-'));
  for (const dir of ['slides', 'img', 'fonts/katex']) await mkdir(join(root, dir), { recursive: true });
  await writeFile(join(root, 'img', 'relu curve.svg'), '<svg/>');
  routes = [
    { urlPrefix: 'img/', dir: join(root, 'img') },
    { urlPrefix: 'fonts/katex/', dir: join(root, 'fonts/katex') },
  ];
});
afterAll(() => rm(root, { recursive: true, force: true }));

const relocate = (html: string) => relocateAssets(html, join(root, 'slides', 'deck.md'), routes);

describe('relocateAssets', () => {
  it('points pictures, CSS urls (also HTML-escaped) and file: URLs at their place beside the HTML', () => {
    const katexFont = pathToFileURL(join(root, 'fonts/katex/KaTeX_Main-Regular.woff2')).href;
    const { html, assets } = relocate(
      `<img src="../img/relu%20curve.svg"><figure style="background-image:url(&quot;../img/relu%20curve.svg&quot;);">` +
        `<style>@font-face { src: url('${katexFont}') format('woff2') }</style>`,
    );
    expect(html).toBe(
      `<img src="img/relu%20curve.svg"><figure style="background-image:url(&quot;img/relu%20curve.svg&quot;);">` +
        `<style>@font-face { src: url('fonts/katex/KaTeX_Main-Regular.woff2') format('woff2') }</style>`,
    );
    expect([...assets]).toEqual([
      ['img/relu%20curve.svg', join(root, 'img', 'relu curve.svg')],
      ['fonts/katex/KaTeX_Main-Regular.woff2', join(root, 'fonts/katex/KaTeX_Main-Regular.woff2')],
    ]);
  });

  it('leaves remote URLs, data: URLs, fragments, other local links and scripts alone', () => {
    const html =
      `<a href="https://example.com/x">x</a><a href="#3">3</a><a href="../demos/relu/">demo</a>` +
      `<img src="data:image/png;base64,AAAA"><script>el.src="../img/relu curve.svg"; url("../x")</script>`;
    expect(relocate(html)).toEqual({ html, assets: new Map() });
  });

  it('refuses a local file the built deck would not ship', () => {
    expect(() => relocate(`<img src="../secret/picture.png">`)).toThrow(DeckError);
    expect(() => relocate(`<img src="../secret/picture.png">`)).toThrow(/slides\/deck\.md: \.\.\/secret\/picture\.png /);
  });
});
