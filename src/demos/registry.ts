import type { Lang } from '../ui/i18n.ts';

/**
 * Every live demo: its folder under demos/, how the front page lists it, and the one place that says
 * which slide shows it in which state. The deck refers to a demo by id alone (`[▶ ライブデモ](demo:descent)`,
 * see src/deck/demo-references.ts); the link then opens the state given here for that slide and
 * comes back to it. The build fails for a demo reference on a slide this table does not list.
 */
export interface DemoEntry {
  readonly id: DemoId;
  /** Slide number → the demo's URL query for that slide's state ('' for the defaults). */
  readonly slides: Readonly<Record<number, string>>;
  readonly title: Readonly<Record<Lang, string>>;
  readonly summary: Readonly<Record<Lang, string>>;
}

export const DEMO_IDS = ['composition', 'descent', 'backprop', 'activations', 'gradient-chain', 'training'] as const;
export type DemoId = (typeof DEMO_IDS)[number];

export const DEMOS: readonly DemoEntry[] = [
  {
    id: 'composition',
    slides: { 7: '', 18: 'mode=linear&k=3' },
    title: { ja: '関数の積み重ねと非線形性', en: 'Composition and non-linearity' },
    summary: {
      ja: '2次関数を k 回つなぐと 2ᵏ 次に。線形変換は何層重ねても直線のまま、活性化関数がひとつ入ると曲がる。',
      en: 'Chaining a quadratic k times gives degree 2ᵏ. Stacked linear maps stay a line; one activation bends it.',
    },
  },
  {
    id: 'descent',
    slides: { 10: '' },
    title: { ja: '勾配降下法：放物線を下る', en: 'Gradient descent on a parabola' },
    summary: {
      ja: '学習率 α を変えて、収束・振動・発散を見る。',
      en: 'Change the learning rate α and watch descent converge, oscillate or diverge.',
    },
  },
  {
    id: 'backprop',
    slides: { 11: '', 12: 'step=6', 14: 'step=13&focus=b', 15: 'step=13&focus=a' },
    title: { ja: '誤差逆伝播法：2パラメータの例', en: 'Backpropagation, worked example' },
    summary: {
      ja: 'x=2, t=10, a=2, b=1 の計算グラフで、順伝播・逆伝播・更新を1ステップずつ。',
      en: 'Forward, backward and update on the graph with x=2, t=10, a=2, b=1, one step at a time.',
    },
  },
  {
    id: 'activations',
    slides: { 20: 'show=sigmoid,tanh', 22: 'x=2' },
    title: { ja: '活性化関数とその微分', en: 'Activation functions and their derivatives' },
    summary: {
      ja: 'sigmoid・tanh・ReLU ほか。微分の最大値は 0.25 と 1。',
      en: 'Sigmoid, tanh, ReLU and more. The derivatives peak at 0.25 and 1.',
    },
  },
  {
    id: 'gradient-chain',
    slides: { 19: 'act=sigmoid', 23: 'act=sigmoid-relu&depth=100&speed=20' },
    title: { ja: '勾配消失：微分の掛け算', en: 'Vanishing gradients: the product of derivatives' },
    summary: {
      ja: '層ごとに A′ を掛けていくと、sigmoid では勾配が消え、ReLU では消えない。',
      en: 'Multiply A′ layer by layer: with sigmoid the gradient vanishes, with ReLU it does not.',
    },
  },
  {
    id: 'training',
    slides: {
      19: 'scene=deepSigmoid',
      20: 'scene=deepTanh',
      22: 'scene=reluLearns',
      23: 'scene=reluLearns',
      24: 'scene=dawn',
      25: 'scene=dawn',
    },
    title: { ja: '学習ラボ：層ごとの勾配を見ながら学習する', en: 'Training lab: every layer’s gradient, live' },
    summary: {
      ja: '同じネットワーク・データ・初期値で sigmoid・tanh・ReLU を並べて学習。深い sigmoid は第1層の勾配が消えて止まる。',
      en: 'Sigmoid, tanh and ReLU trained side by side from the same start. Deep sigmoid stalls as its first-layer gradient vanishes.',
    },
  },
];

export function demoEntry(id: DemoId): DemoEntry {
  const entry = DEMOS.find((demo) => demo.id === id);
  if (!entry) throw new Error(`no demo "${id}" in the registry`);
  return entry;
}

/** The slide a demo's back link goes to by default. */
export function firstSlide(id: DemoId): number {
  return slidesOf(demoEntry(id))[0];
}

/**
 * The slide a demo page goes back to when its URL does not say `from`: the first slide whose whole
 * state the URL gives (a bare `?scene=dawn` goes back to the slide about the dawn, `?step=6` on
 * backprop to slide 12), else the demo's first slide.
 */
export function backSlide(id: DemoId, search: string): number {
  const given = new URLSearchParams(search);
  const demo = demoEntry(id);
  const stated = slidesOf(demo).find((slide) => {
    const state = [...new URLSearchParams(demo.slides[slide])];
    return state.length > 0 && state.every(([name, value]) => given.getAll(name).length === 1 && given.get(name) === value);
  });
  return stated ?? firstSlide(id);
}

/** The slides a demo belongs to, in order. */
export function slidesOf(demo: DemoEntry): number[] {
  return Object.keys(demo.slides)
    .map(Number)
    .sort((a, b) => a - b);
}

/** The relative link to a demo in the state of `slide`, coming back to that slide (from the deck's folder). */
export function demoHref(demo: DemoEntry, slide: number): string {
  const query = demo.slides[slide] ?? '';
  return `demos/${demo.id}/?${query ? `${query}&` : ''}from=${slide}`;
}
