import { describe, expect, it } from 'vitest';
import { boxesOverlap, boxInside, unionBox } from '../../src/figures/box.ts';
import { tint } from '../../src/figures/color.ts';
import { el, escapeXml, num } from '../../src/figures/svg.ts';

describe('num', () => {
  it('rounds to two decimals without trailing zeros or negative zero', () => {
    expect(num(1.005)).toBe('1'); // 1.005 is 1.00499… in binary
    expect(num(2.345678)).toBe('2.35');
    expect(num(3.1)).toBe('3.1');
    expect(num(-0.001)).toBe('0');
    expect(num(-12.5)).toBe('-12.5');
  });

  it('refuses non-finite numbers rather than writing NaN into a file', () => {
    expect(() => num(Number.NaN)).toThrow(/non-finite/);
    expect(() => num(Infinity)).toThrow(/non-finite/);
  });
});

describe('el', () => {
  it('keeps attribute order, rounds numbers, escapes text and skips undefined', () => {
    expect(el('rect', { x: 1.234, y: 2, fill: 'a"b', stroke: undefined })).toBe('<rect x="1.23" y="2" fill="a&quot;b"/>');
    expect(el('g', {}, el('title', {}, escapeXml('x < y & z')))).toBe('<g><title>x &lt; y &amp; z</title></g>');
  });
});

describe('boxes', () => {
  const a = { x: 0, y: 0, width: 10, height: 10 };
  it('counts intersecting interiors as overlap, touching edges not', () => {
    expect(boxesOverlap(a, { x: 5, y: 5, width: 10, height: 10 })).toBe(true);
    expect(boxesOverlap(a, { x: 10, y: 0, width: 10, height: 10 })).toBe(false);
    expect(boxesOverlap(a, { x: 0, y: 11, width: 10, height: 10 })).toBe(false);
  });

  it('checks containment and unions', () => {
    expect(boxInside({ x: 1, y: 1, width: 8, height: 8 }, a)).toBe(true);
    expect(boxInside({ x: 1, y: 1, width: 10, height: 8 }, a)).toBe(false);
    expect(unionBox(a, { x: 20, y: -5, width: 5, height: 5 })).toEqual({ x: 0, y: -5, width: 25, height: 15 });
  });
});

describe('tint', () => {
  it('mixes a colour with white', () => {
    expect(tint('#000000', 1)).toBe('#000000');
    expect(tint('#000000', 0)).toBe('#ffffff');
    expect(tint('#1d4ed8', 0.5)).toBe('#8ea7ec');
  });
});
