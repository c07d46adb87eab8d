import JSZip from 'jszip';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { shrinkPptxPictures } from '../../src/deck/pptx-pictures.ts';

/**
 * A 24-bit PNG as Chromium writes a slide: mostly flat colours (blocks of 4), with `shades` other
 * colours in a thin strip along the top, as anti-aliased text adds them.
 */
function slidePicture(width: number, height: number, shades: number): Buffer {
  const png = new PNG({ width, height, colorType: 2, inputHasAlpha: true });
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const i = 4 * (y * width + x);
      const shade = (y * width + x) % shades;
      const block = Math.floor((4 * x) / width);
      const colour = y < 8 ? [shade % 256, (shade * 7) % 256, 255 - (shade % 256)] : [40 + 60 * block, 90, 200 - 40 * block];
      png.data.set([...colour, 255], i);
    }
  }
  return PNG.sync.write(png, { colorType: 2 });
}

async function shrunk(pictures: Record<string, Buffer>): Promise<Record<string, Buffer>> {
  const zip = new JSZip();
  for (const [name, data] of Object.entries(pictures)) zip.file(name, data);
  await shrinkPptxPictures(zip);
  return Object.fromEntries(
    await Promise.all(Object.keys(pictures).map(async (name) => [name, await zip.file(name)!.async('nodebuffer')])),
  );
}

/** Bytes 24–25 of a PNG: its bit depth and colour type (3: palette), read from the header itself. */
const bitDepthAndColourType = (png: Buffer) => [png[24], png[25]];

describe('PPTX slide pictures', () => {
  it('become 8-bit palette PNGs that another decoder reads back as the same picture, when that is smaller', async () => {
    const original = slidePicture(320, 180, 40);
    const { 'ppt/media/Slide-1-image-1.png': reduced } = await shrunk({ 'ppt/media/Slide-1-image-1.png': original });
    expect(bitDepthAndColourType(reduced)).toEqual([8, 3]);
    expect(reduced.byteLength).toBeLessThan(original.byteLength);
    const before = PNG.sync.read(original);
    const after = PNG.sync.read(reduced);
    expect([after.width, after.height]).toEqual([320, 180]);
    // 40 shades and 4 flat colours fit a 256-colour palette: nothing changes.
    expect(Buffer.compare(after.data, before.data)).toBe(0);
  });

  it('keep every pixel near its colour when a picture has more colours than the palette', async () => {
    const original = slidePicture(512, 288, 3000);
    const { 'ppt/media/Slide-2-image-1.png': reduced } = await shrunk({ 'ppt/media/Slide-2-image-1.png': original });
    const before = PNG.sync.read(original).data;
    const after = PNG.sync.read(reduced).data;
    let largest = 0;
    for (let i = 0; i < before.length; i++) largest = Math.max(largest, Math.abs(before[i] - after[i]));
    expect(bitDepthAndColourType(reduced)).toEqual([8, 3]);
    expect(largest).toBeGreaterThan(0); // reduced, not copied
    expect(largest).toBeLessThanOrEqual(24);
  });

  it('leave other files alone', async () => {
    const notes = Buffer.from('<p:notes/>');
    const { 'ppt/notesSlides/notesSlide1.xml': kept } = await shrunk({ 'ppt/notesSlides/notesSlide1.xml': notes });
    expect(kept.equals(notes)).toBe(true);
  });
});
