import type JSZip from 'jszip';
import { expect } from 'vitest';
import { type PdfLink, union } from './pdf-xml.ts';
import { decodeEntities } from './slide-html.ts';

export interface PptxLink {
  slide: number;
  href: string;
  box: PdfLink['box'];
}

export async function readPart(zip: JSZip, name: string): Promise<string> {
  const part = zip.file(name);
  if (!part) throw new Error(`no ${name} in the PPTX`);
  return part.async('string');
}

/** Every shape with a click hyperlink, per slide, merged per target, as a fraction of the slide. */
export async function pptxLinks(zip: JSZip, slideCount: number): Promise<PptxLink[]> {
  const presentation = await readPart(zip, 'ppt/presentation.xml');
  const [cx = 1, cy = 1] = (/<p:sldSz cx="(\d+)" cy="(\d+)"/.exec(presentation) ?? []).slice(1).map(Number);
  const links = new Map<string, PptxLink>();
  for (let slide = 1; slide <= slideCount; slide++) {
    const xml = await readPart(zip, `ppt/slides/slide${slide}.xml`);
    const rels = await readPart(zip, `ppt/slides/_rels/slide${slide}.xml.rels`);
    for (const [shape] of xml.matchAll(/<p:sp>[\s\S]*?<\/p:sp>/g)) {
      const relation = /<a:hlinkClick r:id="([^"]+)"/.exec(shape)?.[1];
      if (!relation) continue;
      const target = new RegExp(`<Relationship Id="${relation}"[^>]*/>`).exec(rels)?.[0] ?? '';
      expect(target).toContain('TargetMode="External"');
      const href = decodeEntities(/Target="([^"]*)"/.exec(target)?.[1] ?? '');
      const [x = 0, y = 0, width = 0, height = 0] = (/<a:off x="(\d+)" y="(\d+)"\/><a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(shape) ?? [])
        .slice(1)
        .map(Number);
      const box = { left: x / cx, top: y / cy, right: (x + width) / cx, bottom: (y + height) / cy };
      const known = links.get(`${slide} ${href}`);
      links.set(`${slide} ${href}`, { slide, href, box: known ? union(known.box, box) : box });
    }
  }
  return [...links.values()];
}
