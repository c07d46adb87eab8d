import { crc32, deflateSync } from 'node:zlib';
import UPNG from 'upng-js';

/** Colours of the palette each picture is reduced to. */
const PALETTE_SIZE = 256;

/**
 * A slide picture (a 24-bit PNG as Chromium writes it) reduced to a PALETTE_SIZE-colour palette PNG,
 * or null when that is not smaller. A slide is flat colours and the anti-aliased edges between them,
 * so a 256-colour palette (UPNG's k-means quantizer, as TinyPNG does) looks the same at a third of the size.
 */
export function palettePicture(original: Uint8Array): Uint8Array | null {
  const image = UPNG.decode(original.slice().buffer);
  const [rgba] = UPNG.toRGBA8(image);
  const reduced = palettePng(quantized(rgba), image.width, image.height);
  return reduced.byteLength < original.byteLength ? reduced : null;
}

/**
 * The RGBA pixels with every colour replaced by one of PALETTE_SIZE. upng-js 2.1.0 (pinned) takes a
 * list of frames and gives them back; @types/upng-js describes a later version's signature.
 */
function quantized(rgba: ArrayBuffer): Uint32Array {
  const quantize = UPNG.quantize as unknown as (frames: ArrayBuffer[], colours: number) => { bufs: ArrayBuffer[] };
  return new Uint32Array(quantize([rgba], PALETTE_SIZE).bufs[0]);
}

/**
 * An 8-bit palette PNG of `pixels` (at most 256 colours, RGBA in memory order). Written here rather
 * than by UPNG.encode, whose deflate runs in JavaScript: Node's zlib at its default level does it in
 * a tenth of the time (level 9 took 8 times longer again, for 5 % smaller pictures). Every row uses
 * filter 0, as UPNG's did.
 */
function palettePng(pixels: Uint32Array, width: number, height: number): Uint8Array {
  const colours: number[] = [];
  const indexOf = new Map<number, number>();
  const rows = new Uint8Array((width + 1) * height); // each row: its filter type (0), then an index per pixel
  let last = -1; // no pixel: a Uint32 is never negative
  let lastIndex = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const colour = pixels[y * width + x];
      if (colour !== last) {
        let index = indexOf.get(colour);
        if (index === undefined) {
          index = colours.length;
          indexOf.set(colour, index);
          colours.push(colour);
        }
        last = colour;
        lastIndex = index;
      }
      rows[y * (width + 1) + 1 + x] = lastIndex;
    }
  }
  if (colours.length > PALETTE_SIZE) throw new Error(`palettePng: ${colours.length} colours do not fit a palette`);
  const palette = new Uint8Array(3 * colours.length);
  const alphas = new Uint8Array(colours.length);
  colours.forEach((colour, i) => {
    palette.set([colour & 255, (colour >>> 8) & 255, (colour >>> 16) & 255], 3 * i);
    alphas[i] = colour >>> 24;
  });
  const opaque = alphas.every((alpha) => alpha === 255);
  const header = new Uint8Array(13);
  const view = new DataView(header.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  header.set([8, 3, 0, 0, 0], 8); // 8 bits per index, colour type 3 (palette), deflate, filters, no interlace
  return concat([
    PNG_SIGNATURE,
    chunk('IHDR', header),
    chunk('PLTE', palette),
    ...(opaque ? [] : [chunk('tRNS', alphas)]),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', new Uint8Array(0)),
  ]);
}

const PNG_SIGNATURE = Uint8Array.of(137, 80, 78, 71, 13, 10, 26, 10);

/** A PNG chunk: length, type, data, and the CRC of type and data. */
function chunk(type: string, data: Uint8Array): Uint8Array {
  const typed = concat([new TextEncoder().encode(type), data]);
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(typed, 4);
  view.setUint32(8 + data.length, crc32(typed));
  return out;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((length, part) => length + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
}
