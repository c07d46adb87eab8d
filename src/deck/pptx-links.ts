import type JSZip from 'jszip';
import type { Box, SlideLinks } from './measure-links.ts';

const hyperlinkType = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink';

/**
 * marp-cli's PPTX is one picture per slide, so its links are gone. This puts a transparent,
 * clickable rectangle over each line of each link, where the link is drawn on the picture, with an
 * external hyperlink to the link's target.
 */
export async function addLinksToPptx(zip: JSZip, slides: SlideLinks[]): Promise<void> {
  const presentation = await readPart(zip, 'ppt/presentation.xml');
  const slideSize = slideSizeEmu(presentation);
  const slideParts = await slidePartsInOrder(zip, presentation);
  for (const slide of slides.filter(({ links }) => links.length > 0)) {
    const part = slideParts[slide.slide - 1];
    if (part === undefined) throw new Error(`the PPTX has no slide ${slide.slide}`);
    await linkSlide(zip, part, slide, slideSize);
  }
}

async function linkSlide(zip: JSZip, part: string, slide: SlideLinks, slideSize: SlideSize): Promise<void> {
  const relsPart = part.replace(/([^/]+)$/, '_rels/$1.rels');
  let xml = await readPart(zip, part);
  let rels = await readPart(zip, relsPart);
  let shapeId = maxNumber(xml, /<p:cNvPr\b[^>]*\bid="(\d+)"/g);
  let relationId = maxNumber(rels, /\bId="rId(\d+)"/g);
  const shapes: string[] = [];
  for (const { href, boxes } of slide.links) {
    const relation = `rId${++relationId}`;
    const target = escapeXml(href);
    const relationship = `<Relationship Id="${relation}" Type="${hyperlinkType}" Target="${target}" TargetMode="External"/>`;
    rels = rels.replace('</Relationships>', `${relationship}$&`);
    for (const box of boxes) shapes.push(linkShape(++shapeId, relation, href, toEmu(box, slide, slideSize)));
  }
  xml = xml.replace('</p:spTree>', `${shapes.join('')}</p:spTree>`);
  zip.file(part, xml);
  zip.file(relsPart, rels);
}

/** A rectangle filled with fully transparent white: PowerPoint only takes clicks on filled shapes. */
function linkShape(id: number, relation: string, href: string, { x, y, width, height }: Box): string {
  const target = escapeXml(href);
  return (
    `<p:sp><p:nvSpPr><p:cNvPr id="${id}" name="Link ${id}" descr="${target}">` +
    `<a:hlinkClick r:id="${relation}" tooltip="${target}"/></p:cNvPr><p:cNvSpPr/><p:nvPr/></p:nvSpPr>` +
    `<p:spPr><a:xfrm><a:off x="${x}" y="${y}"/><a:ext cx="${width}" cy="${height}"/></a:xfrm>` +
    `<a:prstGeom prst="rect"><a:avLst/></a:prstGeom>` +
    `<a:solidFill><a:srgbClr val="FFFFFF"><a:alpha val="0"/></a:srgbClr></a:solidFill><a:ln><a:noFill/></a:ln>` +
    `</p:spPr></p:sp>`
  );
}

interface SlideSize {
  cx: number;
  cy: number;
}

function slideSizeEmu(presentation: string): SlideSize {
  const size = /<p:sldSz\b[^>]*\bcx="(\d+)"[^>]*\bcy="(\d+)"/.exec(presentation);
  if (!size) throw new Error('presentation.xml has no slide size');
  return { cx: Number(size[1]), cy: Number(size[2]) };
}

function toEmu(box: Box, slide: SlideLinks, { cx, cy }: SlideSize): Box {
  const sx = cx / slide.width;
  const sy = cy / slide.height;
  return {
    x: Math.round(box.x * sx),
    y: Math.round(box.y * sy),
    width: Math.round(box.width * sx),
    height: Math.round(box.height * sy),
  };
}

/** Slide parts ('ppt/slides/slide1.xml', …) in presentation order, through presentation.xml's rels. */
async function slidePartsInOrder(zip: JSZip, presentation: string): Promise<string[]> {
  const rels = await readPart(zip, 'ppt/_rels/presentation.xml.rels');
  const targets = new Map(
    [...rels.matchAll(/<Relationship\b[^>]*>/g)].map(([element]) => [
      /\bId="([^"]+)"/.exec(element)?.[1],
      /\bTarget="([^"]+)"/.exec(element)?.[1],
    ]),
  );
  return [...presentation.matchAll(/<p:sldId\b[^>]*\br:id="([^"]+)"/g)].map(([, id]) => {
    const target = targets.get(id);
    if (target === undefined) throw new Error(`presentation.xml names slide ${id}, which its rels lack`);
    return target.startsWith('/') ? target.slice(1) : `ppt/${target}`;
  });
}

/** One part of the PPTX (its XML files) as text. */
export async function readPart(zip: JSZip, name: string): Promise<string> {
  const file = zip.file(name);
  if (!file) throw new Error(`the PPTX has no ${name}`);
  return file.async('string');
}

function maxNumber(xml: string, pattern: RegExp): number {
  return Math.max(0, ...[...xml.matchAll(pattern)].map(([, n]) => Number(n)));
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
