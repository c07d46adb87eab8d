import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DEMOS } from '../../src/demos/registry.ts';
import { useDemoPages } from './harness.ts';

/* The site's front page in real Chromium: its tab title, and Japanese text that wraps between phrases on a phone. */
const { open } = useDemoPages('/', '.demo-card');

/** Each place where a line of `selector`'s text wraps: the characters before and after the break. */
function lineBreaks(page: Page, selector: string): Promise<{ text: string; before: string; after: string }[]> {
  return page.locator(selector).evaluateAll((elements) =>
    elements.flatMap((element) => {
      const chars: { char: string; top: number }[] = [];
      const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (let i = 0; i < text.length; i++) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = range.getClientRects()[0];
          if (rect && text[i].trim()) chars.push({ char: text[i], top: rect.top });
        }
      }
      return chars
        .slice(1)
        .flatMap((c, i) => (c.top > chars[i].top + 4 ? [{ text: element.textContent ?? '', before: chars[i].char, after: c.char }] : []));
    }),
  );
}

/**
 * A break between two katakana (ディープラーニン／グ), two Latin letters or digits, or two hiragana
 * (につい／て) is inside a word, unless the hiragana before it is a particle that ends a phrase (の／すごさ).
 */
const SAME_WORD = [/[\u30a0-\u30ff]/, /[\u3040-\u309f]/, /[A-Za-z0-9]/];
const PARTICLES = 'のをはがにでともへや';
const insideWord = ({ before, after }: { before: string; after: string }) =>
  SAME_WORD.some((kind) => kind.test(before) && kind.test(after)) && !PARTICLES.includes(before);

describe('front page', () => {
  it('has a tab title with a separator between title and subtitle, in both languages', async () => {
    const ja = await open();
    expect(await ja.page.title()).toBe('ディープラーニングのすごさを共有したい 〜活性化関数ReLUについて〜');
    await ja.close();
    const en = await open('?lang=en');
    expect(await en.page.title()).toBe('Why deep learning works — The activation function ReLU');
    await en.close();
  });

  it('gives every demo page an English tab title of its own: its heading, in English', async () => {
    const titles: string[] = [];
    for (const demo of DEMOS) {
      const { page, close } = await open('?lang=en', {}, { path: `/demos/${demo.id}/`, readySelector: '.demo-stage' });
      const title = await page.title();
      expect(title, demo.id).toBe(await page.locator('h1').textContent());
      expect(title, demo.id).toMatch(/^[A-Z]/);
      expect(title, demo.id).not.toMatch(/[\u3040-\u30ff\u4e00-\u9fff]/);
      titles.push(title);
      await close();
    }
    expect(new Set(titles).size).toBe(DEMOS.length);
  });

  for (const width of [390, 360]) {
    it(`wraps Japanese titles and summaries between phrases, never inside a word, ${width} px wide`, async () => {
      const { page, close } = await open('', { viewport: { width, height: 844 } });
      const breaks = await lineBreaks(page, '.landing-header h1, .demo-card > a, .demo-card p');
      expect(breaks.length).toBeGreaterThan(0); // the phone does wrap these texts
      expect(breaks.filter(insideWord)).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(width);
      await close();
    });
  }
});
