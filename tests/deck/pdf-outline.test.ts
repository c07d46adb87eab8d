import { PDFArray, PDFDict, PDFDocument, type PDFHexString, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { createMarp, loadMarpConfig } from '../../src/deck/marp-config.ts';
import { slideTitles, texAsText, writePdfOutline } from '../../src/deck/pdf-outline.ts';

describe('the PDF outline', () => {
  it('titles each slide by its first heading, with math as text, once', async () => {
    const marp = await createMarp(await loadMarpConfig());
    const deck =
      '---\nmarp: true\n---\n\n# 学習の流れ\n\n---\n\n### $b$の更新\n\n# later\n\n---\n\n# $a, b$を更新して$y_{\\text{new}}$へ\n\n---\n\nno heading';
    expect(slideTitles(marp, deck)).toEqual(['学習の流れ', 'bの更新', 'a, bを更新してy_newへ', 'スライド 4']);
  });

  it.each([
    ["\\Phi'(y)", "Φ'(y)"],
    ['b_{1,\\text{new}}', 'b_1,new'],
    ['\\alpha\\,\\dfrac{\\partial \\Phi}{\\partial y}', 'α ∂ Φ/∂ y'],
  ])('writes %s as %s', (tex, text) => {
    expect(texAsText(tex)).toBe(text);
  });

  it('replaces the outline with one entry per page, in order, pointing at its page', async () => {
    const document = await PDFDocument.create();
    for (let i = 0; i < 3; i++) document.addPage([1280, 720]);
    const titles = ['一', 'ニ $x$', 'three'];
    writePdfOutline(document, titles);
    const written = await PDFDocument.load(await document.save());
    const outlines = written.catalog.lookup(PDFName.of('Outlines'), PDFDict);
    const found: string[] = [];
    let item = outlines.lookupMaybe(PDFName.of('First'), PDFDict);
    const pages = written.getPages().map((page) => page.ref.toString());
    while (item) {
      found.push((item.lookup(PDFName.of('Title')) as PDFHexString).decodeText());
      const destination = item.lookup(PDFName.of('Dest'), PDFArray);
      expect(destination.get(0).toString()).toBe(pages[found.length - 1]);
      item = item.lookupMaybe(PDFName.of('Next'), PDFDict);
    }
    expect(found).toEqual(titles);
    expect(outlines.lookup(PDFName.of('Count'))?.toString()).toBe('3');
    expect(() => writePdfOutline(document, ['one'])).toThrow('3 pages for 1 slide titles');
  });
});
