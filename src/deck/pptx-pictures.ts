import type JSZip from 'jszip';
import UPNG from 'upng-js';

/**
 * marp-cli's PPTX is one picture per slide, taken at `--image-scale` times the slide's 1280×720
 * (its default, 2, gave a 9 MB file). 1.5 is 1920×1080: a full-HD screen or projector shows every
 * pixel of it, as it would show a 2× picture scaled down.
 */
export const PPTX_IMAGE_SCALE = 1.5;

/** Colours of the palette each picture is reduced to. */
const PALETTE_SIZE = 256;

/**
 * Chromium writes each picture as a 24-bit PNG, lightly compressed. A slide is flat colours and the
 * anti-aliased edges between them, so a 256-colour palette (UPNG's k-means quantizer, as TinyPNG
 * does) looks the same at a third of the size; a picture it would not shrink is kept as it was.
 */
export async function shrinkPptxPictures(zip: JSZip): Promise<void> {
  const pictures = Object.keys(zip.files).filter((name) => /^ppt\/media\/[^/]+\.png$/.test(name));
  for (const name of pictures) {
    const original = await zip.file(name)!.async('uint8array');
    const image = UPNG.decode(original.slice().buffer);
    const [rgba] = UPNG.toRGBA8(image);
    const reduced = new Uint8Array(UPNG.encode([rgba], image.width, image.height, PALETTE_SIZE));
    if (reduced.byteLength < original.byteLength) zip.file(name, reduced);
  }
}
