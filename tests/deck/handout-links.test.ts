import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { slidesOf as builtSlidesOf } from '../../src/deck/built-slides.ts';
import { findChromium } from '../../src/deck/find-chromium.ts';
import { launchChromium } from '../../src/deck/launch-chromium.ts';
import { pdfLinkAnnotations } from '../../src/deck/pdf-link-annotations.ts';
import { pptxLinks, pptxSlideCount, slidePicture } from '../../src/deck/pptx-hyperlinks.ts';
import { qrCodeIn } from '../../src/deck/qr-code-reading.ts';
import { DEMOS, slidesOf } from '../../src/demos/registry.ts';
import { HANDOUT_BASE } from './build-exports.setup.ts';
import { deckExports } from './deck-exports.ts';
import { readPdfXml } from './pdf-xml.ts';

/*
 * The deck as handed out from a site with a public address (HTML, PDF and PPTX built in one command by
 * the global setup): every demo link is a QR code, a label and a short printed address, all one link;
 * the QR code read from the picture of the page is the link's own target; the printed address has a
 * page on the site; the HTML deck built beside the exports keeps its links relative.
 */

const isDemoLink = (href: string) => href.startsWith(`${HANDOUT_BASE}demos/`);
/** The summary's link to every demo (demo:index): the site's front page. */
const FRONT_PAGE = `${HANDOUT_BASE}index.html`;
const isHandoutLink = (href: string) => isDemoLink(href) || href === FRONT_PAGE;
/** The content area ends where the theme's bottom padding (footer, page number) begins: 76 px of 720. */
const CONTENT_BOTTOM = (720 - 76) / 720;

describe('handouts from a site with a public address', () => {
  let outDir: string;
  /** Every (slide, demo) the registry lists: each must be a handout link on its slide. */
  const expected = DEMOS.flatMap((demo) => slidesOf(demo).map((slide) => ({ slide, id: demo.id })));

  beforeAll(() => {
    ({ outDir } = deckExports('handoutExports'));
  });

  it('PDF: every demo link is one link whose QR code, read from the printed page, is its own target', async () => {
    const pdf = join(outDir, 'deck.pdf');
    const links = (await pdfLinkAnnotations(readFileSync(pdf))).filter((link) => isDemoLink(link.href));
    expect(links.map((link) => `${link.page} ${new URL(link.href).pathname.split('/')[3]}`).sort()).toEqual(
      [...new Set(expected.map(({ slide, id }) => `${slide} ${id}`))].sort(),
    );
    const pages = [...new Set(links.map((link) => link.page))];
    for (const page of pages) {
      const picture = join(outDir, `pdf-page-${page}`);
      execFileSync('pdftoppm', ['-r', '150', '-f', String(page), '-l', String(page), '-png', '-singlefile', pdf, picture]);
      const png = PNG.sync.read(readFileSync(`${picture}.png`));
      for (const link of links.filter((each) => each.page === page)) {
        expect(qrCodeIn(png, link.box), `slide ${page}: ${link.href}`).toBe(link.href);
      }
    }
  });

  it('PDF: each demo link prints its short address, and the site has a page there that leads to the demo', async () => {
    // A narrow box breaks the address after a slash (and nowhere else): lines joined, it reads as printed.
    const text = readPdfXml(join(outDir, 'deck.pdf'))
      .replace(/<[^>]+>/g, '')
      .replace(/\/\s+/g, '/');
    const printedSite = HANDOUT_BASE.replace(/^https:\/\//, '').replace(/[.]/g, '\\.');
    const printed = [...text.matchAll(new RegExp(`${printedSite}go/([0-9a-z]+)`, 'g'))].map(([, code]) => code);
    expect(new Set(printed).size).toBe(expected.length);
    for (const code of printed) {
      const page = join(outDir, 'go', code, 'index.html');
      expect(existsSync(page), `no page for go/${code}`).toBe(true);
      const slide = Number(/^\d+/.exec(code)?.[0]);
      expect(readFileSync(page, 'utf8')).toMatch(new RegExp(`\\.\\./\\.\\./demos/[a-z-]+/\\?[^"]*from=${slide}"`));
    }
  });

  it('PDF and PPTX: the summary links the front page of every demo, with a QR code that reads as it', async () => {
    const pdf = join(outDir, 'deck.pdf');
    const [front, ...others] = (await pdfLinkAnnotations(readFileSync(pdf))).filter((link) => link.href === FRONT_PAGE);
    expect(others).toEqual([]);
    const picture = join(outDir, `pdf-page-${front.page}`);
    execFileSync('pdftoppm', ['-r', '150', '-f', String(front.page), '-l', String(front.page), '-png', '-singlefile', pdf, picture]);
    expect(qrCodeIn(PNG.sync.read(readFileSync(`${picture}.png`)), front.box)).toBe(FRONT_PAGE);
    const zip = await JSZip.loadAsync(readFileSync(join(outDir, 'deck.pptx')));
    const [inPptx] = (await pptxLinks(zip, pptxSlideCount(zip))).filter((link) => link.href === FRONT_PAGE);
    expect(inPptx.slide).toBe(front.page);
    expect(qrCodeIn(PNG.sync.read(Buffer.from(await slidePicture(zip, inPptx.slide))), inPptx.box)).toBe(FRONT_PAGE);
  });

  it('PDF: each handout box, QR code and printed address inside it, stays in the slide’s content area, clear of the footer', async () => {
    const pdf = join(outDir, 'deck.pdf');
    const links = (await pdfLinkAnnotations(readFileSync(pdf))).filter((link) => isHandoutLink(link.href));
    const xml = readPdfXml(pdf);
    const host = new URL(HANDOUT_BASE).host;
    for (const link of links) {
      expect(link.box.bottom, `slide ${link.page}: ${link.href}`).toBeLessThanOrEqual(CONTENT_BOTTOM);
      expect(link.box.left).toBeGreaterThan(0);
    }
    // Every run of printed address text lies inside a link box of its page (none spills into the next box).
    let runs = 0;
    for (const [, number = '', attributes = '', content = ''] of xml.matchAll(/<page number="(\d+)"([^>]*)>([\s\S]*?)<\/page>/g)) {
      const width = Number(/width="(\d+)"/.exec(attributes)?.[1]);
      const height = Number(/height="(\d+)"/.exec(attributes)?.[1]);
      const boxes = links.filter((link) => link.page === Number(number)).map((link) => link.box);
      for (const [, top, left, runWidth, runHeight, run = ''] of content.matchAll(
        /<text top="(-?\d+)" left="(-?\d+)" width="(\d+)" height="(\d+)"[^>]*>([\s\S]*?)<\/text>/g,
      )) {
        const words = run.replace(/<[^>]+>/g, '');
        if (!words.includes(host) && !/(^|\/)go\/[0-9a-z]+$/.test(words)) continue;
        const box = {
          left: Number(left) / width,
          top: Number(top) / height,
          right: (Number(left) + Number(runWidth)) / width,
          bottom: (Number(top) + Number(runHeight)) / height,
        };
        const inside = boxes.some(
          (outer) =>
            box.left >= outer.left - 0.002 &&
            box.right <= outer.right + 0.002 &&
            box.top >= outer.top - 0.01 &&
            box.bottom <= outer.bottom + 0.01,
        );
        expect(inside, `slide ${number}: "${words}" lies outside its link box`).toBe(true);
        runs += 1;
      }
    }
    expect(runs).toBeGreaterThanOrEqual(links.length);
  });

  it('PPTX: every demo link is a clickable area over its QR code on the slide picture, reading as its own target', async () => {
    const zip = await JSZip.loadAsync(readFileSync(join(outDir, 'deck.pptx')));
    const links = (await pptxLinks(zip, pptxSlideCount(zip))).filter((link) => isDemoLink(link.href));
    expect(links.map((link) => `${link.slide} ${new URL(link.href).pathname.split('/')[3]}`).sort()).toEqual(
      [...new Set(expected.map(({ slide, id }) => `${slide} ${id}`))].sort(),
    );
    for (const link of links) {
      expect(link.external, `slide ${link.slide}: ${link.href}`).toBe(true);
      const png = PNG.sync.read(Buffer.from(await slidePicture(zip, link.slide)));
      expect(qrCodeIn(png, link.box), `slide ${link.slide}: ${link.href}`).toBe(link.href);
    }
  });

  it('the HTML deck built beside them keeps relative demo links; only the summary shows a QR code, the front page’s, for the audience', async () => {
    const html = readFileSync(join(outDir, 'deck.html'), 'utf8');
    expect(html).toContain('href="demos/gradient-chain/?act=sigmoid&amp;from=19"');
    // The one box: the front-page link of the summary, its own link still relative (the presenter's click).
    const boxes = [...html.matchAll(/<a [^>]*class="[^"]*demo-handout[^"]*"[^>]*>([\s\S]*?)<\/a>/g)];
    expect(boxes.map(([link]) => /href="([^"]*)"/.exec(link)?.[1])).toEqual(['index.html']);
    const [box = ''] = boxes.map(([link]) => link);
    expect(box).toMatch(/class="[^"]*demo-front/);
    expect(box.replace(/<[^>]+>/g, '')).toContain(`${new URL(HANDOUT_BASE).host}${new URL(HANDOUT_BASE).pathname}`);
    const summary = builtSlidesOf(html).find((slide) => /<h1[^>]*>まとめ<\/h1>/.test(slide.html));
    expect(summary?.html).toContain(box);
    // Its QR code, drawn by Chromium as the audience's screen shows it, reads as the published front page.
    const qr = /<svg class="demo-qr"[\s\S]*?<\/svg>/.exec(box)?.[0] ?? '';
    const browser = await launchChromium(findChromium());
    try {
      const page = await browser.newPage({ viewport: { width: 300, height: 300 } });
      await page.setContent(`<body style="margin:0;background:#fff"><div style="width:256px;padding:22px">${qr}</div></body>`);
      expect(qrCodeIn(PNG.sync.read(await page.screenshot()))).toBe(new URL('index.html', HANDOUT_BASE).href);
    } finally {
      await browser.close();
    }
  });
});
