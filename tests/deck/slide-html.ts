/**
 * Reading marp's HTML in tests, by its regular shape rather than through src/deck: one
 * <svg data-marpit-svg> per slide, whose content <section> carries the slide's id.
 */
export interface SlideHtml {
  number: number;
  classes: string[];
  html: string;
}

export function slidesOf(deckHtml: string): SlideHtml[] {
  const bodies = deckHtml.split(/<svg data-marpit-svg=""/).slice(1);
  return bodies.map((body) => {
    const content = /<section id="(\d+)"[^>]*?\bclass="([^"]*)"/.exec(body);
    return {
      number: Number(content?.[1]),
      classes: (content?.[2] ?? '').split(/\s+/).filter(Boolean),
      html: body.slice(0, body.indexOf('</foreignObject></svg>')),
    };
  });
}

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
