import type { Strings } from '../../ui/i18n.ts';

export type CompositionText =
  | 'mode'
  | 'modeCompose'
  | 'modeLinear'
  | 'kCompose'
  | 'kLinear'
  | 'window'
  | 'logScale'
  | 'activation'
  | 'reseed'
  | 'seedNow'
  | 'definitions'
  | 'chain'
  | 'degree'
  | 'composePlot'
  | 'logNote'
  | 'linearNote'
  | 'overflow'
  | 'overflowCount'
  | 'valuesAt'
  | 'linearOnly'
  | 'withActivation'
  | 'linearPlot'
  | 'bentPlot'
  | 'collapsed'
  | 'bent'
  | 'oneLayer'
  | 'layersCaption'
  | 'layer';

export const compositionStrings: Strings<CompositionText | 'title'> = {
  ja: {
    title: '関数の積み重ねと非線形性',
    mode: '見るもの',
    modeCompose: '2次関数を k 個つなげる',
    modeLinear: '線形変換を k 層重ねる',
    kCompose: 'つなげる個数 k',
    kLinear: '層の数 k',
    window: 'x の範囲（±）',
    logScale: '縦軸を対数目盛にする',
    activation: '層の間に挟む活性化関数',
    reseed: '別の重みを引く',
    seedNow: '乱数の種 seed = {seed}',
    definitions: '使う関数',
    chain: 'k = {k} 個つなげた関数',
    degree: '次数',
    composePlot: 'k = {k} 個つなげた関数 g(x) のグラフ（{scale}）',
    logNote: '縦軸は対数目盛',
    linearNote: '縦軸は普通の目盛',
    overflow: '10³⁰⁸ 超え（計算できない大きさ）',
    overflowCount: '{n} 点で値が 10³⁰⁸ を超え、倍精度の数で表せません（上端の帯）。',
    valuesAt: '値の例',
    linearOnly: '線形変換だけ（{k} 層）',
    withActivation: '層の間に {act} を挟む',
    linearPlot: '線形変換だけを {k} 層重ねたグラフ：直線',
    bentPlot: '{k} 層の間に {act} を挟んだグラフ',
    collapsed: 'まとめると1本の直線',
    bent: '曲がる：直線ではない',
    oneLayer: '1層だけだと間に挟む場所がないので、どちらも直線です。k を増やしてみてください。',
    layersCaption: '両方のグラフで同じ重み（seed から。曲がり目が表示範囲に入るように選ぶ）',
    layer: '層',
  },
  en: {
    title: 'Composition and non-linearity',
    mode: 'Show',
    modeCompose: 'Chain k quadratics',
    modeLinear: 'Stack k linear maps',
    kCompose: 'Functions chained k',
    kLinear: 'Layers k',
    window: 'x window (±)',
    logScale: 'Log scale on the y axis',
    activation: 'Activation between layers',
    reseed: 'Draw other weights',
    seedNow: 'Random seed = {seed}',
    definitions: 'Building blocks',
    chain: 'The chain of k = {k}',
    degree: 'Degree',
    composePlot: 'Plot of g(x), a chain of k = {k} functions ({scale})',
    logNote: 'log y axis',
    linearNote: 'linear y axis',
    overflow: 'above 10³⁰⁸ (too large to compute)',
    overflowCount: 'At {n} points the value exceeds 10³⁰⁸, beyond double precision (band at the top).',
    valuesAt: 'Sample values',
    linearOnly: 'Linear maps only (k = {k})',
    withActivation: 'With {act} between layers',
    linearPlot: 'Plot of {k} stacked linear maps: a straight line',
    bentPlot: 'Plot of {k} layers with {act} between them',
    collapsed: 'Collapses to one straight line',
    bent: 'Bends: not a straight line',
    oneLayer: 'With one layer there is nothing in between, so both are straight lines. Try a larger k.',
    layersCaption: 'The same weights in both plots (from the seed; chosen so the bends fall inside the window)',
    layer: 'Layer',
  },
};
