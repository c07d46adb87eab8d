import type { Browser } from 'playwright-core';
import { PNG } from 'pngjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findChromium } from '../../src/deck/find-chromium.ts';
import { launchChromium } from '../../src/deck/launch-chromium.ts';
import { figures } from '../../src/figures/index.ts';

/**
 * Nothing a figure draws (a robot's arm, a stroke's half width, an arrow head) runs past its canvas,
 * where the slide would cut it off: each figure is drawn in Chromium with overflow visible on a white
 * page with a margin around it, and every pixel of that margin must stay white.
 */
const MARGIN = 40;
/** The title slide's background: a network whose lines run off every edge of the slide on purpose. */
const FULL_BLEED = new Set(['title-background.svg']);
let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium(findChromium());
}, 60_000);

afterAll(async () => {
  await browser?.close();
});

/** How many pixels outside the canvas are not white, and the first few of them. */
async function inkOutsideCanvas(svg: string, width: number, height: number): Promise<{ count: number; at: string[] }> {
  const page = await browser.newPage({ viewport: { width: Math.ceil(width) + 2 * MARGIN, height: Math.ceil(height) + 2 * MARGIN } });
  try {
    const visible = svg.replace('<svg ', '<svg overflow="visible" style="display:block" ');
    await page.setContent(
      `<body style="margin:0;background:#fff"><div style="position:absolute;left:${MARGIN}px;top:${MARGIN}px">${visible}</div></body>`,
    );
    const png = PNG.sync.read(await page.screenshot());
    const at: string[] = [];
    let count = 0;
    for (let y = 0; y < png.height; y++) {
      for (let x = 0; x < png.width; x++) {
        // One pixel of slack for anti-aliasing at the canvas edge itself.
        const inside = x >= MARGIN - 1 && x <= MARGIN + width && y >= MARGIN - 1 && y <= MARGIN + height;
        if (inside) continue;
        const i = (y * png.width + x) * 4;
        if (png.data[i]! < 250 || png.data[i + 1]! < 250 || png.data[i + 2]! < 250) {
          count += 1;
          if (at.length < 3) at.push(`(${x - MARGIN}, ${y - MARGIN})`);
        }
      }
    }
    return { count, at };
  } finally {
    await page.close();
  }
}

describe('figures drawn in Chromium', () => {
  it.each(figures.map((entry) => entry.file).filter((file) => !FULL_BLEED.has(file)))(
    'img/%s draws nothing outside its canvas',
    async (file) => {
      const figure = figures.find((entry) => entry.file === file)!.render();
      const { count, at } = await inkOutsideCanvas(figure.svg, figure.width, figure.height);
      expect(
        count,
        `img/${file}: ${count} pixels drawn outside the ${figure.width}×${figure.height} canvas, e.g. at ${at.join(', ')}`,
      ).toBe(0);
    },
  );
});
