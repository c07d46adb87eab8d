import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, type PDFNumber, type PDFPage, PDFString } from 'pdf-lib';
import type { PageBox } from './page-box.ts';

/** A link of a PDF as a click follows it: its page, its target, and the clickable rectangle. */
export interface PdfLinkAnnotation {
  page: number;
  href: string;
  box: PageBox;
  /** The page's size in points (1/72 inch), to render the rectangle's pixels. */
  pageSize: { width: number; height: number };
}

/** A web link of an open PDF: its page, its annotation, and the action whose URI a click follows. */
interface UriLink {
  readonly page: PDFPage;
  readonly pageNumber: number;
  readonly annotation: PDFDict;
  readonly action: PDFDict;
  readonly uri: string;
}

/** Every annotation of `document` that follows a URI, page by page. */
export function uriLinks(document: PDFDocument): UriLink[] {
  return document.getPages().flatMap((page, index) =>
    (page.node.Annots()?.asArray() ?? []).flatMap((reference) => {
      const annotation = document.context.lookupMaybe(reference, PDFDict);
      const action = annotation?.lookupMaybe(PDFName.of('A'), PDFDict);
      const uri = action?.lookup(PDFName.of('URI'));
      if (!annotation || !action || !(uri instanceof PDFString || uri instanceof PDFHexString)) return [];
      return [{ page, pageNumber: index + 1, annotation, action, uri: uri.decodeText() }];
    }),
  );
}

/** The PDF's link annotations, with their rectangles as fractions of the page. */
export async function pdfLinkAnnotations(pdf: Uint8Array): Promise<PdfLinkAnnotation[]> {
  const document = await PDFDocument.load(pdf, { updateMetadata: false });
  return uriLinks(document).flatMap(({ page, pageNumber, annotation, uri }) => {
    const rect = annotation.lookupMaybe(PDFName.of('Rect'), PDFArray);
    if (!rect) return [];
    const { width, height } = page.getSize();
    const [x1, y1, x2, y2] = rect.asArray().map((value) => (value as PDFNumber).asNumber());
    const box = { left: x1 / width, right: x2 / width, top: 1 - y2 / height, bottom: 1 - y1 / height };
    return [{ page: pageNumber, href: uri, box, pageSize: { width, height } }];
  });
}
