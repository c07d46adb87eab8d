import type { Lang } from '../ui/i18n.ts';

/** Every live demo: its folder under demos/, the slides it belongs to, and how the index lists it. */
export interface DemoEntry {
  readonly id: string;
  readonly slides: readonly number[];
  readonly title: Readonly<Record<Lang, string>>;
  readonly summary: Readonly<Record<Lang, string>>;
}

export const DEMOS: readonly DemoEntry[] = [
  {
    id: 'composition',
    slides: [7, 18],
    title: { ja: '関数の積み重ねと非線形性', en: 'Composition and non-linearity' },
    summary: {
      ja: '2次関数を k 回つなぐと 2ᵏ 次に。線形変換は何層重ねても直線のまま、活性化関数がひとつ入ると曲がる。',
      en: 'Chaining a quadratic k times gives degree 2ᵏ. Stacked linear maps stay a line; one activation bends it.',
    },
  },
  {
    id: 'descent',
    slides: [10],
    title: { ja: '勾配降下法：放物線を下る', en: 'Gradient descent on a parabola' },
    summary: {
      ja: '学習率 α を変えて、収束・振動・発散を見る。',
      en: 'Change the learning rate α and watch descent converge, oscillate or diverge.',
    },
  },
  {
    id: 'backprop',
    slides: [11, 12, 14, 15],
    title: { ja: '誤差逆伝播法：2パラメータの例', en: 'Backpropagation, worked example' },
    summary: {
      ja: 'x=2, t=10, a=2, b=1 の計算グラフで、順伝播・逆伝播・更新を1ステップずつ。',
      en: 'Forward, backward and update on the graph with x=2, t=10, a=2, b=1, one step at a time.',
    },
  },
  {
    id: 'activations',
    slides: [20, 22],
    title: { ja: '活性化関数とその微分', en: 'Activation functions and their derivatives' },
    summary: {
      ja: 'sigmoid・tanh・ReLU ほか。微分の最大値は 0.25 と 1。',
      en: 'Sigmoid, tanh, ReLU and more. The derivatives peak at 0.25 and 1.',
    },
  },
  {
    id: 'gradient-chain',
    slides: [19, 23],
    title: { ja: '勾配消失：微分の掛け算', en: 'Vanishing gradients: the product of derivatives' },
    summary: {
      ja: '層ごとに A′ を掛けていくと、sigmoid では勾配が消え、ReLU では消えない。',
      en: 'Multiply A′ layer by layer: with sigmoid the gradient vanishes, with ReLU it does not.',
    },
  },
  {
    id: 'training',
    slides: [19, 20, 22, 23, 24],
    title: { ja: '学習ラボ：層ごとの勾配を見ながら学習する', en: 'Training lab: every layer’s gradient, live' },
    summary: {
      ja: '同じネットワーク・データ・初期値で sigmoid・tanh・ReLU を並べて学習。深い sigmoid は第1層の勾配が消えて止まる。',
      en: 'Sigmoid, tanh and ReLU trained side by side from the same start. Deep sigmoid stalls as its first-layer gradient vanishes.',
    },
  },
];
