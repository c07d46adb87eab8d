/**
 * Reading a built deck.html by marp's regular shape: one <svg data-marpit-svg> per slide, whose
 * content <section> carries the slide's number as its id.
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
