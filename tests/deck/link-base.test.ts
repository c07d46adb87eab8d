import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import jsQR from 'jsqr';
import { PNG } from 'pngjs';
import { afterEach, describe, expect, it } from 'vitest';
import { handoutBase, RELATIVE_LINKS_WARNING } from '../../src/deck/link-base.ts';
import { readPdfXml } from './pdf-xml.ts';
import { runDeckCli } from './run-deck-cli.ts';
import { makeTempDeck, type TempDeck, validDeck } from './temp-deck.ts';

describe('the public address handouts link to', () => {
  it('is package.json’s homepage, overridden by DEMO_BASE_URL; none means relative links', () => {
    expect(handoutBase({}, undefined)).toBeNull();
    expect(handoutBase({}, '  ')).toBeNull();
    expect(handoutBase({}, 'https://example.org/talk/')).toBe('https://example.org/talk/');
    expect(handoutBase({ DEMO_BASE_URL: 'https://mirror.example/' }, 'https://example.org/talk/')).toBe('https://mirror.example/');
  });

  it('keeps a sub-path as a folder so links land under it', () => {
    expect(handoutBase({ DEMO_BASE_URL: 'https://example.org/talk' })).toBe('https://example.org/talk/');
    expect(new URL('demos/descent/?from=10', handoutBase({}, 'https://example.org/talk')!).href).toBe(
      'https://example.org/talk/demos/descent/?from=10',
    );
  });

  it('rejects what is not an http(s) address, naming where it was set', () => {
    expect(() => handoutBase({ DEMO_BASE_URL: 'not a url' })).toThrow(/DEMO_BASE_URL is not an absolute URL/);
    expect(() => handoutBase({ DEMO_BASE_URL: 'file:///tmp/' })).toThrow(/DEMO_BASE_URL must be an http\(s\) address/);
    expect(() => handoutBase({}, 'localhost:5173')).toThrow(/package.json "homepage" must be an http\(s\) address/);
  });
});

describe('PDF links with and without a public address', () => {
  const decks: TempDeck[] = [];
  afterEach(async () => {
    await Promise.all(decks.splice(0).map((deck) => deck.remove()));
  });
  const deckWithLink = validDeck.replace('# 数式', '# 数式\n\n[次のページ](pages/next.html?from=2)');
  const exportPdf = async (env: NodeJS.ProcessEnv) => {
    const deck = await makeTempDeck(deckWithLink);
    decks.push(deck);
    const run = await runDeckCli(['pdf', '--deck', deck.file, '--out', deck.outDir], env);
    expect(run.status, run.stderr).toBe(0);
    // One link may be drawn as several text runs: each target once.
    const hrefs = new Set(
      [...readPdfXml(`${deck.outDir}/deck.pdf`).matchAll(/<a href="([^"]*)"/g)].map(([, href]) => href.replace(/&amp;/g, '&')),
    );
    return { run, hrefs: [...hrefs] };
  };

  it('none set: one warning line, and the link stays relative to the deck (no file: path, no localhost)', async () => {
    const { DEMO_BASE_URL: _, ...env } = process.env;
    const { run, hrefs } = await exportPdf(env);
    expect(run.stderr.trim()).toBe(RELATIVE_LINKS_WARNING);
    expect(hrefs).toEqual(['pages/next.html?from=2']);
  });

  it('DEMO_BASE_URL set: the link is absolute under it, and nothing is printed', async () => {
    const { run, hrefs } = await exportPdf({ ...process.env, DEMO_BASE_URL: 'https://example.org/talk' });
    expect(run.stderr).toBe('');
    expect(hrefs).toEqual(['https://example.org/talk/pages/next.html?from=2']);
  });
});

describe('demo links in a handout made with a public address', () => {
  it('are a QR code, label and printed address in one link: the QR code decodes to the link’s own target', async () => {
    // The registry puts the descent demo on slide 10.
    const slides = Array.from({ length: 10 }, (_, i) => (i === 9 ? '# 勾配降下法\n\n[▶ ライブデモ](demo:descent)' : `# ${i + 1}`));
    const deck = await makeTempDeck(`---\nmarp: true\ntheme: sample\nlang: ja\n---\n\n${slides.join('\n\n---\n\n')}\n`);
    try {
      const run = await runDeckCli(['pdf', '--deck', deck.file, '--out', deck.outDir], {
        ...process.env,
        DEMO_BASE_URL: 'https://example.org/talk/',
      });
      expect(run.status, run.stderr).toBe(0);
      const pdf = join(deck.outDir, 'deck.pdf');
      const target = 'https://example.org/talk/demos/descent/?from=10';
      const xml = readPdfXml(pdf);
      expect(new Set([...xml.matchAll(/<a href="([^"]*)"/g)].map(([, href]) => href.replace(/&amp;/g, '&')))).toEqual(new Set([target]));
      expect(xml.replace(/<[^>]+>/g, '')).toContain('example.org/talk/go/10');
      execFileSync('pdftoppm', ['-r', '110', '-f', '10', '-l', '10', '-png', '-singlefile', pdf, join(deck.outDir, 'slide10')]);
      const png = PNG.sync.read(readFileSync(join(deck.outDir, 'slide10.png')));
      expect(jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data).toBe(target);
    } finally {
      await deck.remove();
    }
  });
});
