import { execFileSync } from 'node:child_process';
import { decodeEntities } from './slide-html.ts';

/** A link as the PDF draws it: its page, target, and the box around its text as a fraction of the page. */
export interface PdfLink {
  page: number;
  href: string;
  box: { left: number; top: number; right: number; bottom: number };
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
      links.set(key, { page: Number(pageNumber), href: target, box: known ? union(known.box, run) : run });
    }
  }
  return [...links.values()];
}

export function union(a: PdfLink['box'], b: PdfLink['box']): PdfLink['box'] {
  return {
    left: Math.min(a.left, b.left),
    top: Math.min(a.top, b.top),
    right: Math.max(a.right, b.right),
    bottom: Math.max(a.bottom, b.bottom),
  };
}
