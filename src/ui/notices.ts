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

/** Lines the notice lists one by one; a URL with hundreds of junk parameters gets these and a count of the rest. */
export const SHOWN_NOTICES = 5;

/** The notice's lines: the first SHOWN_NOTICES messages in URL order, then 「ほか N 件」 for the rest. */
export function noticeLines(notices: readonly Notice[], lang: Lang): string[] {
  const strings = sharedStrings[lang];
  // One listed line would take as much room as the count line: list it instead.
  const shown = notices.length <= SHOWN_NOTICES + 1 ? notices : notices.slice(0, SHOWN_NOTICES);
  const lines = shown.map((notice) => format(strings[messageKey[notice.reason]], { ...notice }));
  const rest = notices.length - shown.length;
  return rest > 0 ? [...lines, format(strings.moreNotices, { n: rest })] : lines;
}

/** The visible notice for URL values that were not used as given (role=status, dismissible). */
export function noticeBanner(notices: readonly Notice[], lang: Lang): HTMLElement | null {
  if (notices.length === 0) return null;
  const strings = sharedStrings[lang];
  const items = noticeLines(notices, lang).map((line) => el('li', {}, line));
  const close = el('button', { type: 'button', class: 'notice-close', 'aria-label': '×' }, '×');
  const banner = el(
    'section',
    { class: 'notice', role: 'status', 'data-testid': 'url-notice' },
    el('strong', {}, strings.noticeTitle),
    el('ul', {}, ...items),
    close,
  );
  close.addEventListener('click', () => banner.remove());
  return banner;
}
