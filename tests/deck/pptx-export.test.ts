import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Marp } from '@marp-team/marp-core';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { slidesOf } from '../../src/deck/built-slides.ts';
import { pptxLinks, pptxSlideCount } from '../../src/deck/pptx-hyperlinks.ts';
import { readPart } from '../../src/deck/pptx-links.ts';
import { deckExports } from './deck-exports.ts';
import { exportedLinkTarget } from './link-targets.ts';
import { type PdfLink, pdfLinks, readPdfXml } from './pdf-xml.ts';
import { projectRoot } from './run-deck-cli.ts';
import { decodeEntities } from './slide-html.ts';

/**
 * A clickable area must cover the link's drawn text (give or take `slack`) and reach at most `padding`
 * beyond it (a button-like link has padding around its text), as fractions of the slide's size.
 */
const slack = 0.005;
const padding = 0.03;

describe('npm run export:pptx: dist/deck.pptx', () => {
  let zip: JSZip;
  let slideCount = 0;
  let linksInPdf: PdfLink[] = [];

  beforeAll(async () => {
    const { outDir } = deckExports();
    zip = await JSZip.loadAsync(readFileSync(join(outDir, 'deck.pptx')));
    slideCount = slidesOf(readFileSync(join(outDir, 'deck.html'), 'utf8')).length;
    // The PDF's links are where Chromium drew them: an independent record of each link's place.
    linksInPdf = pdfLinks(readPdfXml(join(outDir, 'deck.pdf')));
  });

  it('has one slide per slide', () => {
    expect(pptxSlideCount(zip)).toBe(slideCount);
  });

  it('makes every link of the deck clickable on its slide, over the link drawn on the picture', async () => {
    expect(linksInPdf.length).toBeGreaterThan(0);
    const links = await pptxLinks(zip, slideCount);
    expect(links.filter((link) => !link.external)).toEqual([]);
    // The PPTX keeps each target as the deck writes it; the PDF has relative ones made absolute.
    const inPptx = links.map((link) => ({
      ...link,
      href: exportedLinkTarget(link.href),
    }));
    expect(inPptx.map(({ slide, href }) => `${slide} ${href}`).sort()).toEqual(
      linksInPdf.map(({ page, href }) => `${page} ${href}`).sort(),
    );
    for (const drawn of linksInPdf) {
      const area = inPptx.find(({ slide, href }) => slide === drawn.page && href === drawn.href)?.box;
      // How far the clickable area reaches out beyond the drawn text, on each side.
      const beyond = area && {
        left: drawn.box.left - area.left,
        top: drawn.box.top - area.top,
        right: area.right - drawn.box.right,
        bottom: area.bottom - drawn.box.bottom,
      };
      for (const [edge, reach] of Object.entries(beyond ?? { missing: -1 })) {
        expect(reach, `slide ${drawn.page} ${drawn.href}: ${edge}`).toBeGreaterThan(-slack);
        expect(reach, `slide ${drawn.page} ${drawn.href}: ${edge}`).toBeLessThan(padding);
      }
    }
  });

  it('tags the speaker notes with the deck’s language (ja-JP), not marp-cli’s en-US', async () => {
    const notes = Object.keys(zip.files).filter((name) => /^ppt\/notesSlides\/[^/]+\.xml$/.test(name));
    expect(notes.length).toBeGreaterThan(0);
    for (const part of notes) {
      const xml = await readPart(zip, part);
      const langs = new Set([...xml.matchAll(/\blang="([^"]*)"/g)].map(([, lang]) => lang));
      expect({ part, langs: [...langs] }).toEqual({ part, langs: ['ja-JP'] });
    }
  });

  it('carries the presenter notes of every slide', async () => {
    const markdown = readFileSync(join(projectRoot, 'slides/deck.md'), 'utf8');
    const { comments } = new Marp().render(markdown);
    const squeeze = (text: string): string => text.replace(/\s+/g, '');
    expect(comments.some((notes) => notes.length > 0)).toBe(true);
    for (const [index, notes] of comments.entries()) {
      if (notes.length === 0) continue;
      const xml = await readPart(zip, `ppt/notesSlides/notesSlide${index + 1}.xml`);
      const text = decodeEntities([...xml.matchAll(/<a:t>([^<]*)<\/a:t>/g)].map(([, run]) => run).join(''));
      expect(squeeze(text)).toContain(squeeze(notes.join('')));
    }
  });
});
