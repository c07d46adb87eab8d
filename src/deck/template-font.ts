/**
 * marp-cli's bespoke template draws its own chrome (presenter notes, page controls) in
 * Helvetica/Arial, outside the theme. With no Japanese system font that shows the notes as empty
 * boxes, so the chrome uses the Noto Sans JP the theme already loads for the slides. It comes first:
 * listed after a system font, Chromium kept drawing some kanji as boxes even once it had loaded.
 */
const templateFontCss =
  'body[data-bespoke-view] .bespoke-marp-presenter-container, body[data-bespoke-view] .bespoke-marp-osc' +
  " { font-family: 'Noto Sans JP', Helvetica, Arial, sans-serif; }";

export function withJapaneseTemplateFont(html: string): string {
  return html.replace(/<\/head>/i, `<style>${templateFontCss}</style>$&`);
}
