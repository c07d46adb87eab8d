import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, type PDFNumber, PDFString } from 'pdf-lib';
import type { PageBox } from './page-box.ts';

/** A link of a PDF as a click follows it: its page, its target, and the clickable rectangle. */
export interface PdfLinkAnnotation {
  page: number;
  href: string;
  box: PageBox;
  /** The page's size in points (1/72 inch), to render the rectangle's pixels. */
  pageSize: { width: number; height: number };
}

/** The PDF's link annotations, with their rectangles as fractions of the page. */
export async function pdfLinkAnnotations(pdf: Uint8Array): Promise<PdfLinkAnnotation[]> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  return document.getPages().flatMap((page, index) => {
    const { width, height } = page.getSize();
    return (page.node.Annots()?.asArray() ?? []).flatMap((reference) => {
      const annotation = document.context.lookupMaybe(reference, PDFDict);
      const uri = annotation?.lookupMaybe(PDFName.of('A'), PDFDict)?.lookup(PDFName.of('URI'));
      const rect = annotation?.lookupMaybe(PDFName.of('Rect'), PDFArray);
      if (!rect || !(uri instanceof PDFString || uri instanceof PDFHexString)) return [];
      const [x1, y1, x2, y2] = rect.asArray().map((value) => (value as PDFNumber).asNumber());
      const box = { left: x1 / width, right: x2 / width, top: 1 - y2 / height, bottom: 1 - y1 / height };
      return [{ page: index + 1, href: uri.decodeText(), box, pageSize: { width, height } }];
    });
  });
}
