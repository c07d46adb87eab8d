import type JSZip from 'jszip';
import { decodeHtmlEntities } from './html-entities.ts';
import { type PageBox, unionBox } from './page-box.ts';
import { readPart } from './pptx-links.ts';

/** A clickable area of a PPTX slide (pptx-links.ts puts one over each link drawn on its picture). */
export interface PptxLink {
  slide: number;
  href: string;
  box: PageBox;
  /** Marked as a web address (TargetMode="External"); PowerPoint treats any other as a part of the file. */
  external: boolean;
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
      const href = decodeHtmlEntities(/Target="([^"]*)"/.exec(target)?.[1] ?? '');
      const [x = 0, y = 0, width = 0, height = 0] = (/<a:off x="(\d+)" y="(\d+)"\/><a:ext cx="(\d+)" cy="(\d+)"\/>/.exec(shape) ?? [])
        .slice(1)
        .map(Number);
      const box = { left: x / cx, top: y / cy, right: (x + width) / cx, bottom: (y + height) / cy };
      const known = links.get(`${slide} ${href}`);
      const external = target.includes('TargetMode="External"') && (known?.external ?? true);
      links.set(`${slide} ${href}`, { slide, href, box: known ? unionBox(known.box, box) : box, external });
    }
  }
  return [...links.values()];
}

/** The number of slides of the PPTX. */
export function pptxSlideCount(zip: JSZip): number {
  return Object.keys(zip.files).filter((name) => /^ppt\/slides\/slide\d+\.xml$/.test(name)).length;
}

/** The picture a slide of marp-cli's PPTX is made of (PNG bytes). */
export async function slidePicture(zip: JSZip, slide: number): Promise<Uint8Array> {
  const rels = await readPart(zip, `ppt/slides/_rels/slide${slide}.xml.rels`);
  const media = /Target="\.\.\/media\/([^"]+\.png)"/.exec(rels)?.[1];
  const file = media && zip.file(`ppt/media/${media}`);
  if (!file) throw new Error(`slide ${slide} of the PPTX has no picture`);
  return file.async('uint8array');
}
