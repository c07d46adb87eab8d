import type JSZip from 'jszip';

/**
 * marp-cli writes every text run of a PPTX (the speaker notes, the master's default) as
 * `lang="en-US"`. This tags them with the deck's language (`lang: ja` → `ja-JP`), so that
 * PowerPoint proofs and reads the Japanese notes as Japanese.
 */
export async function tagPptxLanguage(zip: JSZip, lang: string): Promise<void> {
  const tag = officeLanguageTag(lang);
  const parts = Object.keys(zip.files).filter((name) => /^ppt\/(notesSlides|slideMasters|notesMasters)\/[^/]+\.xml$/.test(name));
  for (const part of parts) {
    const xml = await zip.file(part)?.async('string');
    if (xml === undefined) continue;
    const tagged = xml.replace(/\b(lang|altLang)="en-US"/g, `$1="${tag}"`);
    if (tagged !== xml) zip.file(part, tagged);
  }
}

/** Office wants language and region (`ja-JP`); a deck says `ja`. Unknown or malformed: `en-US`, as before. */
export function officeLanguageTag(lang: string): string {
  try {
    const { language, region } = new Intl.Locale(lang).maximize();
    return region ? `${language}-${region}` : 'en-US';
  } catch {
    return 'en-US';
  }
}
