import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { officeLanguageTag, tagPptxLanguage } from '../../src/deck/pptx-language.ts';

describe('the PPTX language tag', () => {
  it('is the deck’s language with its usual region, as Office writes it', () => {
    expect(officeLanguageTag('ja')).toBe('ja-JP');
    expect(officeLanguageTag('ja-JP')).toBe('ja-JP');
    expect(officeLanguageTag('en')).toBe('en-US');
    expect(officeLanguageTag('de')).toBe('de-DE');
    // Not a language tag at all: left as marp-cli wrote it.
    expect(officeLanguageTag('no such language!')).toBe('en-US');
  });

  it('retags the notes and masters, and leaves the slides’ pictures and other parts alone', async () => {
    const zip = new JSZip();
    zip.file('ppt/notesSlides/notesSlide1.xml', '<a:rPr lang="en-US" dirty="0"/><a:endParaRPr lang="en-US" altLang="en-US"/>');
    zip.file('ppt/slideMasters/slideMaster1.xml', '<a:defRPr lang="en-US"/>');
    zip.file('ppt/slides/slide1.xml', '<p:pic/>');
    await tagPptxLanguage(zip, 'ja');
    expect(await zip.file('ppt/notesSlides/notesSlide1.xml')?.async('string')).toBe(
      '<a:rPr lang="ja-JP" dirty="0"/><a:endParaRPr lang="ja-JP" altLang="ja-JP"/>',
    );
    expect(await zip.file('ppt/slideMasters/slideMaster1.xml')?.async('string')).toBe('<a:defRPr lang="ja-JP"/>');
    expect(await zip.file('ppt/slides/slide1.xml')?.async('string')).toBe('<p:pic/>');
  });
});
