/** Reading marp's HTML in tests (the slides themselves: src/deck/built-slides.ts). */
export function hrefsOf(html: string): string[] {
  return [...html.matchAll(/<a\b[^>]*\bhref="([^"]*)"/g)].map(([, href = '']) => decodeEntities(href));
}

export function textOf(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, '')).trim();
}

export function decodeEntities(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}
