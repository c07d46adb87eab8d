/**
 * A tiny deterministic SVG serializer: attributes keep insertion order and every
 * number goes through `num`, so the same figure always yields the same bytes.
 */

export type AttrValue = string | number | undefined;
export type Attrs = Record<string, AttrValue>;

/** Rounds to 2 decimals and prints without trailing zeros or "-0". */
export function num(value: number): string {
  if (!Number.isFinite(value)) throw new Error(`cannot write non-finite number ${value} into an SVG`);
  const rounded = Math.round(value * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

export function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function attrString(attrs: Attrs): string {
  let out = '';
  for (const [key, value] of Object.entries(attrs)) {
    if (value === undefined) continue;
    out += ` ${key}="${typeof value === 'number' ? num(value) : escapeXml(value)}"`;
  }
  return out;
}

/** One element; children are already-serialized strings. */
export function el(tag: string, attrs: Attrs = {}, ...children: string[]): string {
  const open = `<${tag}${attrString(attrs)}`;
  return children.length === 0 ? `${open}/>` : `${open}>${children.join('')}</${tag}>`;
}

/** Serializes a polyline/polygon point list. */
export function points(pts: ReadonlyArray<readonly [number, number]>): string {
  return pts.map(([x, y]) => `${num(x)},${num(y)}`).join(' ');
}
