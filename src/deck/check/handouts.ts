import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { HANDOUT_FILES } from '../front-page.ts';
import { type PdfLinkAnnotation, pdfLinkAnnotations } from '../pdf-link-annotations.ts';
import { pptxLinks, pptxSlideCount, slidePicture } from '../pptx-hyperlinks.ts';
import { qrCodeIn } from '../qr-code-reading.ts';
import { type DemoLink, pageOf } from './deck-references.ts';
import { inLanes } from './lanes.ts';
import type { Site } from './site.ts';
import { fail, PASS, type Row, type Verdict } from './verdicts.ts';

type Handout = (typeof HANDOUT_FILES)[number];

/** A demo link as a handout holds it, and the QR code printed beside it (read only when asked). */
interface HandoutLink {
  readonly slide: number;
  readonly href: string;
  readonly external: boolean;
  readQrCode(): Promise<string | null>;
}

export interface HandoutOutcome {
  /** One row per handout file: it can be downloaded from the site. */
  readonly files: Row[];
  /** Per demo link (same order as given): the PDF's and the PPTX's verdict, absent where there is no file to read. */
  readonly links: Partial<Record<'pdf' | 'pptx', Verdict>>[];
}

/** The resolution the PDF's QR codes are read at, as the handout tests read them. */
const PDF_DPI = 150;

/**
 * The PDF and PPTX as the audience downloads them from the site: each demo link on its slide goes
 * where the site's handouts must send it (the site's public address, or relative to the deck), and
 * its QR code reads the same. A handout link that names the public address is the deck's own link
 * once the address is taken off, so the page it leads to is the one the link's row opens on the site.
 */
export async function checkHandouts(site: Site, links: readonly DemoLink[]): Promise<HandoutOutcome> {
  const work = await mkdtemp(join(tmpdir(), 'relu-deck-check-'));
  try {
    const [pdf, pptx] = await Promise.all(HANDOUT_FILES.map((file) => download(site, file)));
    const files = [pdf, pptx].map(({ row }) => row);
    const pdfLinks = pdf.bytes && (await readPdfLinks(pdf.bytes, work).catch(unreadable('deck.pdf')));
    const pptxLinks = pptx.bytes && (await readPptxLinks(pptx.bytes).catch(unreadable('deck.pptx')));
    const verdicts = async (file: Handout, found: HandoutLink[] | Verdict | undefined) => {
      if (found === undefined) return links.map(() => undefined);
      if (!Array.isArray(found)) return links.map((link) => (link.inDeck ? found : undefined));
      return inLanes(
        links.map((link) => () => (link.inDeck ? linkVerdict(site, file, link, found) : Promise.resolve(undefined))),
        2,
      );
    };
    const [inPdf, inPptx] = await Promise.all([verdicts('deck.pdf', pdfLinks), verdicts('deck.pptx', pptxLinks)]);
    return { files, links: links.map((_, index) => ({ pdf: inPdf[index], pptx: inPptx[index] })) };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

async function download(site: Site, file: Handout): Promise<{ row: Row; bytes?: Uint8Array }> {
  const response = await fetch(site.url + file).catch(() => null);
  if (response?.status !== 200) {
    const why = `${file} is missing from the site (${response?.status ?? 'no answer'}): ${site.rebuild} on a machine with Chromium, which makes it`;
    return { row: { slide: null, what: 'file', target: file, verdicts: { http: fail(null, why) } } };
  }
  const bytes = new Uint8Array(await response.arrayBuffer());
  const target = `${file} (${(bytes.length / 1e6).toFixed(1)} MB)`;
  return { row: { slide: null, what: 'file', target, verdicts: { http: PASS } }, bytes };
}

const unreadable = (file: Handout) => (error: unknown) =>
  fail(null, `${file} cannot be read (${error instanceof Error ? error.message : String(error)}): run npm run build`);

async function readPdfLinks(bytes: Uint8Array, work: string): Promise<HandoutLink[]> {
  const file = join(work, 'deck.pdf');
  await writeFile(file, bytes);
  return (await pdfLinkAnnotations(bytes)).map((link) => ({
    slide: link.page,
    href: link.href,
    external: true,
    readQrCode: () => pdfQrCode(file, link),
  }));
}

/** Renders only the link's rectangle of its page (a whole page with a demo's picture takes far longer), and reads it. */
async function pdfQrCode(file: string, { page, box, pageSize }: PdfLinkAnnotation): Promise<string | null> {
  const scale = PDF_DPI / 72;
  const x = Math.floor(box.left * pageSize.width * scale);
  const y = Math.floor(box.top * pageSize.height * scale);
  const width = Math.ceil((box.right - box.left) * pageSize.width * scale);
  const height = Math.ceil((box.bottom - box.top) * pageSize.height * scale);
  const area = ['-x', x, '-y', y, '-W', width, '-H', height].map(String);
  const { stdout } = await promisify(execFile)(
    'pdftoppm',
    ['-r', String(PDF_DPI), '-f', String(page), '-l', String(page), ...area, '-png', '-singlefile', file],
    {
      encoding: 'buffer',
      maxBuffer: 64 << 20,
    },
  );
  return qrCodeIn(await decodePng(stdout));
}

async function readPptxLinks(bytes: Uint8Array): Promise<HandoutLink[]> {
  const zip = await JSZip.loadAsync(bytes);
  const pictures = new Map<number, Promise<PNG>>();
  const picture = (slide: number) => {
    if (!pictures.has(slide)) pictures.set(slide, slidePicture(zip, slide).then(decodePng));
    return pictures.get(slide) as Promise<PNG>;
  };
  return (await pptxLinks(zip, pptxSlideCount(zip))).map((link) => ({
    slide: link.slide,
    href: link.href,
    external: link.external,
    readQrCode: async () => qrCodeIn(await picture(link.slide), link.box),
  }));
}

/** Decoded off the main thread's way as far as pngjs allows (its inflate runs in the thread pool): the browser's pages are timed meanwhile. */
const decodePng = (bytes: Uint8Array): Promise<PNG> =>
  new Promise((resolve, reject) => {
    new PNG().parse(Buffer.from(bytes), (error, png) => (error ? reject(error) : resolve(png)));
  });

/** The handout's link for `link` on its slide: where it sends, marked as a web address, and its QR code. */
async function linkVerdict(site: Site, file: Handout, link: DemoLink, found: readonly HandoutLink[]): Promise<Verdict> {
  const { slide, name } = link;
  const expected = site.handoutBase === null ? link.href : new URL(link.href, site.handoutBase).href;
  const onSlide = found.filter((each) => each.slide === slide && pageOf(each.href) === link.page);
  const match = onSlide.find((each) => each.href === expected);
  if (!match) {
    const other = onSlide[0];
    if (!other) return fail(slide, `${file} has no link to ${name}: ${site.rebuild}`);
    const theirs = other.href.endsWith(link.href) ? other.href.slice(0, -link.href.length) : null;
    if (theirs === null) return fail(slide, `${file} sends its link to ${name} to ${other.href}, not to ${expected}: ${site.rebuild}`);
    const whereTo = (base: string | null) => (base ? `to ${base}` : 'relative to the deck');
    return fail(
      slide,
      `${file} links the demos ${whereTo(theirs)}, not ${whereTo(site.handoutBase)}: the handouts were made for another address; ${site.rebuildHandouts}`,
    );
  }
  if (!match.external)
    return fail(slide, `${file}'s link to ${name} is not marked as a web address, so PowerPoint cannot open it: ${site.rebuild}`);
  // Only handouts with a public address print QR codes (relative links have no address to print).
  if (site.handoutBase === null) return PASS;
  const read = await match.readQrCode().catch((error: Error) => `(not read: ${error.message.split('\n')[0]})`);
  if (read === expected) return PASS;
  return fail(
    slide,
    read === null
      ? `the QR code beside the link to ${name} in ${file} cannot be read: ${site.rebuild}`
      : `the QR code beside the link to ${name} in ${file} reads ${read}, not ${expected}: ${site.rebuild}`,
  );
}
