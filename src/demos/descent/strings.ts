import type { Strings } from '../../ui/i18n.ts';
import type { Regime } from './regime.ts';

/** Keys of the UI text besides the page title. */
export type DescentText =
  | 'steps'
  | 'labelAlpha'
  | 'labelY0'
  | 'labelT'
  | 'presets'
  | 'plotTitle'
  | 'plotX'
  | 'plotY'
  | 'dragHint'
  | 'tableCaption'
  | 'colK'
  | 'colY'
  | 'colSlope'
  | 'colGap'
  | 'regimeHeading'
  | 'earlierRows'
  | 'overflowNote'
  | `regime-${Regime}`
  | `explain-${Regime}`;

export const descentStrings: Strings<DescentText | 'title'> = {
  ja: {
    title: '勾配降下法：放物線 Φ(y) = (y − t)² を下る',
    steps: '更新を1回ずつ',
    labelAlpha: '学習率 α',
    labelY0: '初期値 y₀',
    labelT: '正解 t',
    presets: '学習率の例',
    plotTitle: '目的関数 Φ(y) = (y − t)² と、更新ごとの y の位置',
    plotX: '予測値 y',
    plotY: 'Φ(y)',
    dragHint: '● をドラッグ（タッチ可）して初期値 y₀ を動かせます',
    tableCaption: '更新の記録（Φ′ はエンジンの逆伝播）',
    colK: 'k',
    colY: 'y_k',
    colSlope: 'Φ′(y_k)',
    colGap: 'y_k − t',
    regimeHeading: 'この学習率では',
    earlierRows: '（前の {n} 行は省略）',
    overflowNote: 'これ以上更新すると Φ(y) が 10³⁰⁸ を超え、倍精度の数で表せる限界に達するので、ここで止めます。',
    'regime-monotone': '単調に収束',
    'regime-oneStep': '1回でぴったり到達',
    'regime-oscillating': '振動しながら収束',
    'regime-stuck': '振動し続ける',
    'regime-diverging': '発散',
    'regime-still': '動かない',
    'explain-monotone': '0 < α < 0.5：毎回 t に向かって同じ側から近づく',
    'explain-oneStep': 'α = 0.5：1 − 2α = 0 なので1歩で y = t',
    'explain-oscillating': '0.5 < α < 1：t を飛び越えて左右に行き来しながら近づく',
    'explain-stuck': 'α = 1：1 − 2α = −1 なので t の両側を永遠に往復',
    'explain-diverging': 'α > 1：飛び越えるたびに t から遠ざかる',
    'explain-still': 'α = 0：y は変わらない',
  },
  en: {
    title: 'Gradient descent on the parabola Φ(y) = (y − t)²',
    steps: 'One update at a time',
    labelAlpha: 'Learning rate α',
    labelY0: 'Start y₀',
    labelT: 'Target t',
    presets: 'Example rates',
    plotTitle: 'The loss Φ(y) = (y − t)² and where y is after each update',
    plotX: 'prediction y',
    plotY: 'Φ(y)',
    dragHint: 'Drag the ● (touch works) to move the start y₀',
    tableCaption: 'The updates (Φ′ from the engine’s backward pass)',
    colK: 'k',
    colY: 'y_k',
    colSlope: 'Φ′(y_k)',
    colGap: 'y_k − t',
    regimeHeading: 'With this learning rate:',
    earlierRows: '({n} earlier rows not shown)',
    overflowNote: 'One more update would take Φ(y) past 10³⁰⁸, the limit of double precision, so the steps stop here.',
    'regime-monotone': 'converges monotonically',
    'regime-oneStep': 'lands on t in one step',
    'regime-oscillating': 'oscillates and converges',
    'regime-stuck': 'oscillates for ever',
    'regime-diverging': 'diverges',
    'regime-still': 'does not move',
    'explain-monotone': '0 < α < 0.5: approaches t from one side',
    'explain-oneStep': 'α = 0.5: 1 − 2α = 0, so one step reaches y = t',
    'explain-oscillating': '0.5 < α < 1: jumps over t, back and forth, closing in',
    'explain-stuck': 'α = 1: 1 − 2α = −1, bouncing between the same two points',
    'explain-diverging': 'α > 1: every jump lands farther from t',
    'explain-still': 'α = 0: y stays where it is',
  },
};
