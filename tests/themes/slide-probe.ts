import type { Page } from 'playwright-core';

/**
 * What the tests read from one rendered slide: boxes in slide pixels (origin at
 * the slide's top left) and computed styles. Collected in the page by one
 * self-contained function, since Playwright sends it to the browser as text.
 */
export interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export interface TextRun {
  label: string;
  color: string;
  fontSize: number;
  fontWeight: number;
  /** The nearest block is a paragraph or a list item: body text. */
  body: boolean;
  /** In the footer or header, which live in the slide's padding by design. */
  inChrome: boolean;
  rects: Box[];
}

/** Text drawn by CSS `content` (page number, agenda numbers, section label). */
export interface PseudoText {
  label: string;
  color: string;
  fontSize: number;
  fontWeight: number;
  /** Background colours from the pseudo element outwards, up to the first opaque one. */
  backgrounds: string[];
}

export interface AgendaItem {
  text: string;
  hasStrong: boolean;
  color: string;
  fontSize: number;
  fontWeight: number;
}

export interface SlideReport {
  /** 1-based, as the page number shows it. */
  number: number;
  classes: string[];
  title: string;
  section: Box;
  contentBox: Box;
  scroll: { scrollWidth: number; scrollHeight: number; clientWidth: number; clientHeight: number };
  splitArea: Box | null;
  footer: Box | null;
  elements: { label: string; box: Box }[];
  texts: TextRun[];
  pseudoTexts: PseudoText[];
  bodyText: { label: string; fontSize: number }[];
  agenda: AgendaItem[];
}

export function probeSlide(page: Page, index: number): Promise<SlideReport> {
  return page.evaluate((slideIndex): SlideReport => {
    const svg = document.querySelectorAll('div.marpit > svg[data-marpit-svg]')[slideIndex]!;
    const origin = svg.getBoundingClientRect();
    const content =
      svg.querySelector<HTMLElement>('section[data-marpit-advanced-background="content"]') ??
      svg.querySelector<HTMLElement>(':scope > foreignObject > section')!;
    const background = svg.querySelector<HTMLElement>('section[data-marpit-advanced-background="background"]');
    const pseudoLayer = svg.querySelector<HTMLElement>('section[data-marpit-advanced-background="pseudo"]') ?? content;

    const toBox = (r: DOMRect | DOMRectReadOnly): Box => ({
      left: r.left - origin.left,
      top: r.top - origin.top,
      right: r.right - origin.left,
      bottom: r.bottom - origin.top,
    });
    const snippet = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim().slice(0, 24);
    const label = (el: Element) => `<${el.tagName.toLowerCase()}> "${snippet(el.textContent)}"`;
    const px = (value: string) => parseFloat(value) || 0;
    const inChrome = (el: Element) => !!el.closest('footer, header');
    const isHidden = (el: Element) => {
      const style = getComputedStyle(el);
      return style.display === 'none' || style.visibility === 'hidden';
    };
    const isTransparent = (color: string) => color === 'transparent' || /rgba\(.*,\s*0\)$/.test(color);
    const backgroundsFrom = (el: Element | null, own: string[]): string[] => {
      const chain = own.filter((c) => !isTransparent(c));
      for (let node = el; node && chain.every((c) => !/^rgb\(/.test(c)); node = node.parentElement) {
        const color = getComputedStyle(node).backgroundColor;
        if (!isTransparent(color)) chain.push(color);
        if (node === content) break;
      }
      // The content layer of a slide with background pictures is transparent: its colour is on the background layer.
      if (chain.every((c) => !/^rgb\(/.test(c)) && background) chain.push(getComputedStyle(background).backgroundColor);
      return chain;
    };

    const sectionStyle = getComputedStyle(content);
    const section = toBox(content.getBoundingClientRect());
    const contentBox = {
      left: section.left + px(sectionStyle.paddingLeft),
      top: section.top + px(sectionStyle.paddingTop),
      right: section.right - px(sectionStyle.paddingRight),
      bottom: section.bottom - px(sectionStyle.paddingBottom),
    };

    const container = background?.hasAttribute('data-marpit-advanced-background-split')
      ? background.querySelector(':scope > div[data-marpit-advanced-background-container]')
      : null;
    const footerElement = content.querySelector(':scope > footer');

    const elements: SlideReport['elements'] = [];
    for (const el of Array.from(content.querySelectorAll('*'))) {
      if (inChrome(el) || (el.closest('.katex') !== el && el.closest('.katex'))) continue;
      if (['SCRIPT', 'STYLE', 'BR'].includes(el.tagName) || isHidden(el)) continue;
      const target = el.classList.contains('katex') ? (el.querySelector('.katex-html') ?? el) : el;
      const rect = target.getBoundingClientRect();
      if (rect.width < 0.5 || rect.height < 0.5) continue;
      elements.push({ label: label(el), box: toBox(rect) });
    }

    const texts: TextRun[] = [];
    const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || !node.textContent?.trim() || parent.closest('.katex-mathml, script, style') || isHidden(parent)) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      const rects = Array.from(range.getClientRects())
        .filter((r) => r.width >= 0.5 && r.height >= 0.5)
        .map(toBox);
      if (rects.length === 0) continue;
      const style = getComputedStyle(parent);
      const block = parent.closest('p, li, h1, h2, h3, h4, h5, h6, td, th, blockquote, footer, header, pre');
      texts.push({
        label: `${label(parent)} in ${block ? block.tagName.toLowerCase() : 'section'}: "${snippet(node.textContent)}"`,
        color: style.color,
        fontSize: px(style.fontSize),
        fontWeight: Number(style.fontWeight),
        body: !!block && ['P', 'LI'].includes(block.tagName),
        inChrome: inChrome(parent),
        rects,
      });
    }

    const pseudoTexts: PseudoText[] = [];
    const addPseudo = (host: Element, pseudo: '::before' | '::after', backgroundHost: Element | null, name: string) => {
      const style = getComputedStyle(host, pseudo);
      const text = style.content;
      if (style.display === 'none' || !text || text === 'none' || text === 'normal' || text === '""') return;
      pseudoTexts.push({
        label: name,
        color: style.color,
        fontSize: px(style.fontSize),
        fontWeight: Number(style.fontWeight),
        backgrounds: backgroundsFrom(backgroundHost, [style.backgroundColor]),
      });
    };
    for (const el of Array.from(content.querySelectorAll('*'))) {
      if (el.closest('.katex') || isHidden(el)) continue;
      for (const pseudo of ['::before', '::after'] as const) addPseudo(el, pseudo, el, `${label(el)}${pseudo}`);
    }
    if (content.hasAttribute('data-marpit-pagination')) addPseudo(pseudoLayer, '::after', content, 'page number');

    const bodyText = Array.from(content.querySelectorAll('p, li'))
      .filter((el) => !inChrome(el) && !isHidden(el))
      .map((el) => ({ label: label(el), fontSize: px(getComputedStyle(el).fontSize) }));

    const agenda = Array.from(content.querySelectorAll(':scope > ul > li, :scope > ol > li')).map((li) => {
      const textWalker = document.createTreeWalker(li, NodeFilter.SHOW_TEXT);
      let textNode = textWalker.nextNode();
      while (textNode && !textNode.textContent?.trim()) textNode = textWalker.nextNode();
      const style = getComputedStyle(textNode?.parentElement ?? li);
      return {
        text: snippet(li.textContent),
        hasStrong: !!li.querySelector('strong'),
        color: style.color,
        fontSize: px(style.fontSize),
        fontWeight: Number(style.fontWeight),
      };
    });

    return {
      number: slideIndex + 1,
      classes: Array.from(content.classList),
      title: snippet(content.querySelector('h1')?.textContent ?? ''),
      section,
      contentBox,
      scroll: {
        scrollWidth: content.scrollWidth,
        scrollHeight: content.scrollHeight,
        clientWidth: content.clientWidth,
        clientHeight: content.clientHeight,
      },
      splitArea: container ? toBox(container.getBoundingClientRect()) : null,
      footer: footerElement && !isHidden(footerElement) ? toBox(footerElement.getBoundingClientRect()) : null,
      elements,
      texts,
      pseudoTexts,
      bodyText,
      agenda,
    };
  }, index);
}
