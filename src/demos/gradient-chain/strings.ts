import type { Strings } from '../../ui/i18n.ts';

/** UI text of the gradient-chain demo; `{name}` slots are filled as plain text, `$…$` is KaTeX (caption only). */
export const gradientChainStrings: Strings<
  | 'title'
  | 'depth'
  | 'act'
  | 'actOnly'
  | 'actVersus'
  | 'listJoin'
  | 'init'
  | 'init_const'
  | 'init_xavier'
  | 'init_he'
  | 'init_normal'
  | 'init_smallUniform'
  | 'w'
  | 'seed'
  | 'z'
  | 'z_forward'
  | 'z_sampled'
  | 'x'
  | 'speed'
  | 'barsTitle'
  | 'barsXLabel'
  | 'barsAxis'
  | 'curveTitle'
  | 'ceiling'
  | 'maxDerivative'
  | 'float32Min'
  | 'float32Marker'
  | 'exactZeroMarker'
  | 'keyOutput'
  | 'keyLayer'
  | 'keyFactor'
  | 'keyUnderflow'
  | 'keyExactZero'
  | 'keyNoZero'
  | 'statusOutput'
  | 'statusLayer'
  | 'caption'
  | 'productsLabel'
  | 'productsKey'
> = {
  ja: {
    title: '勾配消失：微分の掛け算',
    depth: '層の数 n',
    act: '比べる活性化関数',
    actOnly: '{name} だけ',
    actVersus: '{a} vs {b}',
    listJoin: '・',
    init: '各層の重み w',
    init_const: '全層同じ値 w',
    init_xavier: 'Xavier 初期化で抽選',
    init_he: 'He 初期化で抽選',
    init_normal: '標準正規分布で抽選',
    init_smallUniform: 'U(−0.5, 0.5) で抽選',
    w: '重み w',
    seed: '乱数シード',
    z: '各層への入力 z',
    z_forward: 'x を順伝播した値',
    z_sampled: 'ランダム（全列で共通）',
    x: '入力 x',
    speed: '速さ（層/秒）',
    barsTitle: '{name}：層ごとの勾配 |∂Φ/∂b_k|（対数目盛）',
    barsXLabel: '層 k（左が入力側）',
    barsAxis: '|∂Φ/∂b_k|・対数目盛',
    curveTitle: '{name} の微分 A′(z) と各層の z_k',
    ceiling: '上限',
    maxDerivative: '最大 {v}',
    float32Min: 'float32 の最小値',
    float32Marker: 'float32 で 0',
    exactZeroMarker: 'ここから 0',
    keyOutput: '出力：∂Φ/∂y = {g}',
    keyLayer: '第{k}層：|∂Φ/∂b| = {g}',
    keyFactor: 'A′(z) = A′({z}) = {d}',
    keyUnderflow: 'float32 では第{k}層で 0 に',
    keyExactZero: '第{k}層で A′·w = 0、勾配が止まる',
    keyNoZero: 'float32 でも 0 にならない',
    statusOutput: '出力 y から開始',
    statusLayer: '第{k}層（{s}/{n}）',
    caption:
      "第 $k$ 層：$z_k = w_k x_{k-1} + b_k$（$w_k$ 重み、$b_k$ パラメータ）、$x_k = A(z_k)$、$x_0 = x$、$y = x_n$、$A'_k = A'(z_k)$、$\\Phi = (y - t)^2$（$t = 10$）。第1層の更新はスライドと同じ $b_{1,\\text{new}} = b_1 - \\alpha \\cdot \\partial\\Phi/\\partial y \\cdot w_2\\cdots w_n \\cdot A'_1 A'_2\\cdots A'_n$：$n$ 層で $A'$ は $n$ 個、$w$ は $n - 1$ 個。",
    productsLabel: '勾配の掛け算（黄色＝今かけた因子）',
    productsKey: '黄色＝今かけた因子',
  },
  en: {
    title: 'Vanishing gradients: the product of derivatives',
    depth: 'Layers n',
    act: 'Activations',
    actOnly: '{name} only',
    actVersus: '{a} vs {b}',
    listJoin: ', ',
    init: 'Weights w of each layer',
    init_const: 'same w in every layer',
    init_xavier: 'drawn: Xavier',
    init_he: 'drawn: He',
    init_normal: 'drawn: standard normal',
    init_smallUniform: 'drawn: U(−0.5, 0.5)',
    w: 'Weight w',
    seed: 'Random seed',
    z: 'Layer inputs z',
    z_forward: 'x pushed forward',
    z_sampled: 'random (same in every column)',
    x: 'Input x',
    speed: 'Speed (layers/s)',
    barsTitle: '{name}: gradient per layer |∂Φ/∂b_k| (log scale)',
    barsXLabel: 'layer k (input on the left)',
    barsAxis: '|∂Φ/∂b_k|, log scale',
    curveTitle: '{name} derivative A′(z) at each layer’s z_k',
    ceiling: 'ceiling',
    maxDerivative: 'max {v}',
    float32Min: 'smallest float32',
    float32Marker: 'float32: 0',
    exactZeroMarker: '0 from here',
    keyOutput: 'output: ∂Φ/∂y = {g}',
    keyLayer: 'layer {k}: |∂Φ/∂b| = {g}',
    keyFactor: 'A′(z) = A′({z}) = {d}',
    keyUnderflow: 'float32 reaches 0 at layer {k}',
    keyExactZero: 'A′·w = 0 at layer {k}: the gradient stops',
    keyNoZero: 'never 0, even in float32',
    statusOutput: 'at the output y',
    statusLayer: 'layer {k} ({s}/{n})',
    caption:
      "Layer $k$: $z_k = w_k x_{k-1} + b_k$ ($w_k$ weight, $b_k$ parameter), $x_k = A(z_k)$, $x_0 = x$, $y = x_n$, $A'_k = A'(z_k)$, $\\Phi = (y - t)^2$ ($t = 10$). Layer 1’s update, as on the slide: $b_{1,\\text{new}} = b_1 - \\alpha \\cdot \\partial\\Phi/\\partial y \\cdot w_2\\cdots w_n \\cdot A'_1 A'_2\\cdots A'_n$: $n$ layers give $n$ factors $A'$ and $n - 1$ weights.",
    productsLabel: 'The product (yellow: newest factor)',
    productsKey: 'yellow: newest factor',
  },
};

/** Keys a view may ask for ('title' is the page's, set by startDemo). */
export type GradientChainText = Exclude<keyof (typeof gradientChainStrings)['ja'], 'title'>;
