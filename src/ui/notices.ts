import { el } from './dom.ts';
import { format, type Lang } from './i18n.ts';
import { sharedStrings } from './strings.ts';
import type { Notice, NoticeReason } from './url-state/index.ts';

const messageKey: Record<NoticeReason, keyof (typeof sharedStrings)['ja']> = {
  'out-of-range': 'outOfRange',
  rounded: 'rounded',
  'not-a-number': 'notANumber',
  'unknown-value': 'unknownValue',
  'unknown-param': 'unknownParam',
  repeated: 'repeated',
};

/** The visible notice for URL values that were not used as given (role=status, dismissible). */
export function noticeBanner(notices: readonly Notice[], lang: Lang): HTMLElement | null {
  if (notices.length === 0) return null;
  const strings = sharedStrings[lang];
  const items = notices.map((notice) => el('li', {}, format(strings[messageKey[notice.reason]], { ...notice })));
  const close = el('button', { type: 'button', class: 'notice-close', 'aria-label': '×' }, '×');
  const banner = el('section', { class: 'notice', role: 'status', 'data-testid': 'url-notice' },
    el('strong', {}, strings.noticeTitle), el('ul', {}, ...items), close);
  close.addEventListener('click', () => banner.remove());
  return banner;
}
