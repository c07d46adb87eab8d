import { execFileSync } from 'node:child_process';
import { type PageBox, unionBox } from '../../src/deck/page-box.ts';
import { decodeEntities } from './slide-html.ts';

/** A link as the PDF draws it: its page, target, and the box around its text as a fraction of the page. */
export interface PdfLink {
  page: number;
  href: string;
  box: PageBox;
}

/** The PDF as poppler's `pdftohtml -xml` reads it back: text runs with positions, links, outline. */
export function readPdfXml(pdfFile: string): string {
  return execFileSync('pdftohtml', ['-xml', '-i', '-stdout', '-q', pdfFile], { maxBuffer: 64 << 20 }).toString();
}

/** The titles of the PDF's outline (bookmarks), in order. */
export function pdfOutline(xml: string): string[] {
  return [...xml.matchAll(/<item page="\d+">([^<]*)<\/item>/g)].map(([, title = '']) => decodeEntities(title));
}

/** Links: the text runs that carry an <a href>, merged per page and target. */
export function pdfLinks(xml: string): PdfLink[] {
  const links = new Map<string, PdfLink>();
  for (const [, pageNumber = '', attributes = '', content = ''] of xml.matchAll(/<page number="(\d+)"([^>]*)>([\s\S]*?)<\/page>/g)) {
    const pageWidth = Number(/width="(\d+)"/.exec(attributes)?.[1]);
    const pageHeight = Number(/height="(\d+)"/.exec(attributes)?.[1]);
    for (const [, top, left, width, height, href = ''] of content.matchAll(
      /<text top="(-?\d+)" left="(-?\d+)" width="(\d+)" height="(\d+)"[^>]*>(?:<[bi]>)*<a href="([^"]*)">/g,
    )) {
      const target = decodeEntities(href);
      const key = `${pageNumber} ${target}`;
      const run = {
        left: Number(left) / pageWidth,
        top: Number(top) / pageHeight,
        right: (Number(left) + Number(width)) / pageWidth,
        bottom: (Number(top) + Number(height)) / pageHeight,
      };
      const known = links.get(key);
      links.set(key, { page: Number(pageNumber), href: target, box: known ? unionBox(known.box, run) : run });
    }
  }
  return [...links.values()];
}
