import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decodeHtmlEntities } from './html-entities.ts';

/**
 * URLs written in HTML markup and CSS: `src="…"`, `href="…"`, `url(…)` (also HTML-escaped inside a
 * style attribute) and `@import '…'`. Script bodies are left alone: they are code, not references.
 */
export type UrlKind = 'resource' | 'link';

export interface UrlReference {
  /** As written, with HTML entities decoded. */
  url: string;
  /** A resource is loaded with the page (picture, font, stylesheet); a link is only followed. */
  kind: UrlKind;
}

const scriptElement = /<script\b[^>]*>[\s\S]*?<\/script>/gi;
const attribute = String.raw`(?<=\s)(?<attr>src|href)=(?<aq>["'])(?<attrUrl>.*?)\k<aq>`;
const cssUrl = String.raw`url\(\s*(?<uq>&quot;|["']?)(?<cssUrl>.*?)\k<uq>\s*\)`;
const cssImport = String.raw`@import\s+(?<iq>["'])(?<importUrl>.*?)\k<iq>`;
const reference = new RegExp(`${attribute}|${cssUrl}|${cssImport}`, 'dg');

/** Rewrites every reference with `rewrite` (return the URL unchanged to keep it), outside scripts. */
export function rewriteUrlReferences(text: string, rewrite: (reference: UrlReference) => string): string {
  return outsideScripts(text, (markup) => {
    let result = '';
    let last = 0;
    for (const match of markup.matchAll(reference)) {
      const { reference: found, start, end } = referenceIn(match);
      const rewritten = rewrite(found);
      if (rewritten === found.url) continue;
      result += markup.slice(last, start) + rewritten;
      last = end;
    }
    return result + markup.slice(last);
  });
}

export function findUrlReferences(text: string): UrlReference[] {
  const found: UrlReference[] = [];
  rewriteUrlReferences(text, (ref) => {
    found.push(ref);
    return ref.url;
  });
  return found;
}

/** http(s), protocol-relative, data:, mailto:, #fragment…: anything that is not a file of ours. */
export function isLocalUrl(url: string): boolean {
  if (url === '' || url.startsWith('#') || url.startsWith('//')) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  return scheme === undefined || scheme === 'file';
}

/** The file a local URL names: a file: URL, or a path relative to `baseDir`; query and fragment dropped. */
export function localFileOf(url: string, baseDir: string): string {
  const path = url.replace(/[?#].*$/s, '');
  return path.startsWith('file:') ? fileURLToPath(path) : resolve(baseDir, decodeURI(path));
}

export function isRemoteUrl(url: string): boolean {
  return /^(https?:)?\/\//i.test(url);
}

function referenceIn(match: RegExpExecArray): { reference: UrlReference; start: number; end: number } {
  const groups = match.groups ?? {};
  const urlGroup = groups.attrUrl !== undefined ? 'attrUrl' : groups.cssUrl !== undefined ? 'cssUrl' : 'importUrl';
  const [start, end] = match.indices?.groups?.[urlGroup] ?? [0, 0];
  const kind: UrlKind = groups.attr === 'href' ? 'link' : 'resource';
  return { reference: { url: decodeHtmlEntities(groups[urlGroup] ?? ''), kind }, start, end };
}

function outsideScripts(text: string, transform: (markup: string) => string): string {
  let result = '';
  let last = 0;
  for (const script of text.matchAll(scriptElement)) {
    result += transform(text.slice(last, script.index)) + script[0];
    last = script.index + script[0].length;
  }
  return result + transform(text.slice(last));
}
