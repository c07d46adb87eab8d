import jsQR from 'jsqr';
import type { PNG } from 'pngjs';
import type { PageBox } from './page-box.ts';

/** The text of the QR code inside `box` of a picture (a rendered page, a slide's picture), or null if none reads. */
export function qrCodeIn(png: PNG, box: PageBox = { left: 0, top: 0, right: 1, bottom: 1 }): string | null {
  const left = Math.max(0, Math.floor(box.left * png.width));
  const top = Math.max(0, Math.floor(box.top * png.height));
  const width = Math.min(png.width, Math.ceil(box.right * png.width)) - left;
  const height = Math.min(png.height, Math.ceil(box.bottom * png.height)) - top;
  if (width <= 0 || height <= 0) return null;
  const pixels = new Uint8ClampedArray(width * height * 4);
  for (let row = 0; row < height; row++) {
    const from = ((top + row) * png.width + left) * 4;
    pixels.set(png.data.subarray(from, from + width * 4), row * width * 4);
  }
  return jsQR(pixels, width, height)?.data ?? null;
}
