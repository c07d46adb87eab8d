import type { Strings } from './i18n.ts';

/** Text every demo page shares: navigation, player buttons, URL notices. */
export const sharedStrings: Strings<
  | 'backToSlide'
  | 'allDemos'
  | 'switchLang'
  | 'play'
  | 'pause'
  | 'step'
  | 'reset'
  | 'noticeTitle'
  | 'outOfRange'
  | 'rounded'
  | 'notANumber'
  | 'unknownValue'
  | 'unknownParam'
  | 'repeated'
  | 'moreNotices'
  | 'keysHelp'
  | 'divergedBadge'
> = {
  ja: {
    backToSlide: '← スライド {n} に戻る',
    allDemos: 'デモ一覧',
    switchLang: 'English',
    play: '再生',
    pause: '一時停止',
    step: '1ステップ',
    reset: 'リセット',
    noticeTitle: 'URL の一部を読み替えました',
    outOfRange: '{param}={given} は範囲外なので {used} を使います',
    rounded: '{param}={given} は整数に丸めて {used} を使います',
    notANumber: '{param}={given} は数値ではないので既定値 {used} を使います',
    unknownValue: '{param}={given} は選べない値なので {used} を使います',
    unknownParam: '不明なパラメータ {param} は無視しました',
    repeated: '{param} が複数あるので最初の値 {used} を使います',
    moreNotices: 'ほか {n} 件',
    keysHelp: 'キー操作：スペース 再生/一時停止、→ 1ステップ、R リセット',
    divergedBadge: '発散',
  },
  en: {
    backToSlide: '← Back to slide {n}',
    allDemos: 'All demos',
    switchLang: '日本語',
    play: 'Play',
    pause: 'Pause',
    step: 'Step',
    reset: 'Reset',
    noticeTitle: 'Part of the URL was adjusted',
    outOfRange: '{param}={given} is out of range; using {used}',
    rounded: '{param}={given} was rounded to {used}',
    notANumber: '{param}={given} is not a number; using the default {used}',
    unknownValue: '{param}={given} is not an allowed value; using {used}',
    unknownParam: 'Unknown parameter {param} was ignored',
    repeated: '{param} appears more than once; using the first value {used}',
    moreNotices: 'and {n} more',
    keysHelp: 'Keys: Space play/pause, → step, R reset',
    divergedBadge: 'Diverged',
  },
};
