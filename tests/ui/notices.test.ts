import { describe, expect, it } from 'vitest';
import { noticeLines, SHOWN_NOTICES } from '../../src/ui/notices.ts';
import { param, readState } from '../../src/ui/url-state/index.ts';

/** What a URL with `count` unknown parameters (and one bad known one first) reads as. */
function noticesOf(count: number) {
  const junk = Array.from({ length: count }, (_, i) => `junk${i}=${i}`);
  return readState({ k: param.int(0, 10, 0) }, `?k=99&${junk.join('&')}`).notices;
}

describe('the URL notice', () => {
  it('lists the first few of 1,000 junk parameters, then one line counting the rest', () => {
    const notices = noticesOf(1000);
    expect(notices).toHaveLength(1001);
    const ja = noticeLines(notices, 'ja');
    expect(ja).toHaveLength(SHOWN_NOTICES + 1);
    expect(SHOWN_NOTICES).toBeLessThanOrEqual(6);
    expect(ja[0]).toBe('k=99 は範囲外なので 10 を使います');
    expect(ja[1]).toBe('不明なパラメータ junk0 は無視しました');
    expect(ja[SHOWN_NOTICES - 1]).toContain(`junk${SHOWN_NOTICES - 2}`);
    expect(ja.at(-1)).toBe(`ほか ${1001 - SHOWN_NOTICES} 件`);
    expect(noticeLines(notices, 'en').at(-1)).toBe(`and ${1001 - SHOWN_NOTICES} more`);
  });

  it('lists every notice when there are few, and one more rather than a count of one', () => {
    for (let count = 0; count <= SHOWN_NOTICES; count++) {
      const lines = noticeLines(noticesOf(count), 'en');
      expect(lines).toHaveLength(count + 1);
      expect(lines.some((line) => line.includes('more'))).toBe(false);
    }
    expect(noticeLines(noticesOf(SHOWN_NOTICES + 1), 'en')).toHaveLength(SHOWN_NOTICES + 1);
    expect(noticeLines(noticesOf(SHOWN_NOTICES + 1), 'en').at(-1)).toBe('and 2 more');
  });
});
