import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { createLogger, createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../src/deck/find-chromium.ts';
import { launchChromium } from '../../src/deck/launch-chromium.ts';
import { deckDevServer } from '../../src/deck/vite-plugin.ts';
import { projectRoot } from './run-deck-cli.ts';
import { makeTempDeck, type TempDeck, validDeck } from './temp-deck.ts';

// Slide 7 links the composition demo, which the registry lists there.
const deckWithPicture = `${validDeck.replace('# 数式', '# 数式\n\n![bg right](../img/relu.svg)')}
${[3, 4, 5, 6, 7].map((n) => `\n---\n\n# ${n}\n`).join('')}
[▶ ライブデモ](demo:composition)
`;

describe('npm start: the deck in Vite with live reload', () => {
  let deck: TempDeck;
  let server: ViteDevServer;
  let origin = '';
  const logged: string[] = [];

  beforeAll(async () => {
    deck = await makeTempDeck(deckWithPicture);
    const logger = createLogger('info');
    logger.info = (message) => void logged.push(message);
    server = await createServer({
      configFile: false,
      root: join(projectRoot, 'src'),
      customLogger: logger,
      server: { host: '127.0.0.1', port: 0 },
      plugins: [deckDevServer(deck.file)],
    });
    await server.listen();
    origin = server.resolvedUrls?.local[0]?.replace(/\/$/, '') ?? '';
  });
  afterAll(async () => {
    await server?.close();
    await deck?.remove();
  });

  it("prints the deck's URL", () => {
    server.printUrls();
    expect(logged.join('\n')).toContain(`Deck:    ${origin}/deck.html`);
  });

  it('leaves / to the site front page, which lists the deck and the demos', async () => {
    const response = await fetch(`${origin}/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('./demos/index.ts');
  });

  it("serves the deck with Vite's client, its pictures and fonts where the HTML build puts them", async () => {
    const html = await (await fetch(`${origin}/deck.html`)).text();
    expect(html).toContain('/@vite/client');
    expect(html).toContain('bespoke');
    for (const asset of ['img/relu.svg', 'fonts/noto-sans-jp/400.css', 'fonts/katex/KaTeX_Main-Regular.woff2']) {
      expect(html).toContain(asset);
      const response = await fetch(`${origin}/${asset}`);
      expect({ asset, status: response.status }).toEqual({ asset, status: 200 });
    }
    // What the font CSS loads, relative to itself.
    expect((await fetch(`${origin}/fonts/noto-sans-jp/files/noto-sans-jp-0-400-normal.woff2`)).status).toBe(200);
  });

  it('serves the short address of each demo link, forwarding to the demo in its slide’s state', async () => {
    for (const path of ['/go/7', '/go/7/']) {
      const response = await fetch(`${origin}${path}`);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(await response.text()).toContain('"../../demos/composition/?from=7"');
    }
    expect(await (await fetch(`${origin}/go/8`)).text()).not.toContain('demos/composition');
  });

  describe('in a browser', () => {
    let browser: Browser;
    beforeAll(async () => {
      browser = await launchChromium(findChromium());
    });
    afterAll(() => browser?.close());

    it('reloads on a change, shows a build error naming file and slide, and recovers', async () => {
      const page = await browser.newPage();
      await page.goto(`${origin}/deck.html`);
      await page.waitForSelector('svg[data-marpit-svg]', { state: 'attached' });

      await writeFile(deck.file, deckWithPicture.replace('\\text{のとき}', 'のとき'));
      await page.waitForSelector('text=Deck build failed', { timeout: 60_000 });
      expect(await page.textContent('pre')).toMatch(/slides\/deck\.md: slide 2: math error in \$.*のとき/);

      await writeFile(deck.file, deckWithPicture.replace('# 数式', '# 直した数式'));
      // The heading is on slide 2; the deck shows slide 1, so it is there but hidden.
      await page.waitForSelector('h1:has-text("直した数式")', { state: 'attached', timeout: 60_000 });
      await page.close();
    });
  });
});
