import type { Strings } from '../../ui/i18n.ts';

/** Keys of the UI text besides the page title. */
export type TrainingText =
  | 'sceneLabel'
  | 'scene-custom'
  | 'scene-deepSigmoid'
  | 'scene-deepTanh'
  | 'scene-reluLearns'
  | 'scene-badInit'
  | 'scene-dawn'
  | 'claimBoth'
  | 'claimStalls'
  | 'listJoin'
  | 'dataLabel'
  | 'data-twoSpirals'
  | 'data-circles'
  | 'data-xor'
  | 'data-gaussianBlobs'
  | 'noiseLabel'
  | 'pointsLabel'
  | 'depthLabel'
  | 'widthLabel'
  | 'runsLegend'
  | 'runLabel'
  | 'runOff'
  | 'initLabel'
  | 'init-xavier'
  | 'init-he'
  | 'init-normal'
  | 'init-smallUniform'
  | 'lrLabel'
  | 'batchLabel'
  | 'batchFull'
  | 'seedLabel'
  | 'network'
  | 'stepShort'
  | 'lossShort'
  | 'accuracyShort'
  | 'speed'
  | 'boundaryTitle'
  | 'curvesTitle'
  | 'curvesLegend'
  | 'layersTitle'
  | 'layersLegend'
  | 'layerAxis'
  | 'layersSlideLegend'
  | 'layerFirst'
  | 'layerLast'
  | 'deadTitle'
  | 'deadOnlyRelu'
  | 'historyTitle'
  | 'historyLegend'
  | 'diverged'
  | 'initialLabel'
  | 'dx-notStarted'
  | 'dx-notStartedVanishing'
  | 'dx-diverged'
  | 'dx-learned'
  | 'dx-learning'
  | 'dx-learningTopOnly'
  | 'dx-vanishing'
  | 'dx-dead'
  | 'dx-stalled'
  | 'dx-plateau';

export const trainingStrings: Strings<TrainingText | 'title'> = {
  ja: {
    title: '学習ラボ：層ごとの勾配を見ながら学習する',
    sceneLabel: 'シーン',
    'scene-custom': '自由設定',
    'scene-deepSigmoid': '10層：sigmoidは学習しない',
    'scene-deepTanh': '40層：tanhも止まる',
    'scene-reluLearns': 'ReLUなら学習できる',
    'scene-badInit': '初期値が大きすぎると',
    'scene-dawn': '20層：ReLUは学習できる',
    claimBoth: '{steps} ステップで {learns} は学習でき、{stalls} は止まる',
    claimStalls: '{steps} ステップたっても {stalls} は止まったまま',
    listJoin: '・',
    dataLabel: 'データ',
    'data-twoSpirals': '2本のらせん',
    'data-circles': '同心円',
    'data-xor': 'XOR',
    'data-gaussianBlobs': '2つの塊',
    noiseLabel: 'ノイズ',
    pointsLabel: '点の数',
    depthLabel: '隠れ層の数（深さ）',
    widthLabel: '各層のユニット数（幅）',
    runsLegend: '並べて学習する活性化関数',
    runLabel: '実行{n}',
    runOff: 'なし',
    initLabel: '重みの初期化',
    'init-xavier': 'Xavier',
    'init-he': 'He',
    'init-normal': 'N(0, 1)',
    'init-smallUniform': '小さな一様分布',
    lrLabel: '学習率 α',
    batchLabel: 'バッチサイズ',
    batchFull: '全データ',
    seedLabel: '乱数シード',
    network: '2 → {depth}層×{width} → 1',
    stepShort: 'ステップ',
    lossShort: '損失',
    accuracyShort: '正解率',
    speed: '{rate} 回/秒',
    boundaryTitle: '{act}：決定境界と学習データ',
    curvesTitle: '{act}：損失と正解率の推移',
    curvesLegend: '実線 損失／点線 正解率',
    layersTitle: '{act}：層ごとの勾配ノルム（対数軸）',
    layersLegend: '● ‖∂L/∂W‖　○ 直前の更新量 ‖ΔW‖',
    layerAxis: '層（入力側 → 出力側）',
    layersSlideLegend: '層ごとの勾配',
    layerFirst: '第1層',
    layerLast: '最終層',
    deadTitle: '死んだReLUの割合（層ごと）',
    deadOnlyRelu: '死んだユニット：ReLUのみ',
    historyTitle: '{act}：勾配ノルムの履歴（層×ステップ）',
    historyLegend: '色 = log₁₀‖∂L/∂W‖：暗い 10⁻¹² 〜 明るい 1',
    diverged: '発散',
    initialLabel: '最初',
    'dx-notStarted': '学習前：第1層の勾配は最終層の {ratio} 倍',
    'dx-notStartedVanishing': '学習前から、第1層の勾配は最終層の {ratio} 倍しかありません',
    'dx-diverged': 'ステップ {step} で損失が発散したので止めました。リセットでやり直せます',
    'dx-learned': '学習できました（{accuracy}）。第1層の勾配は最終層の {ratio} 倍',
    'dx-learning': '学習中。第1層の勾配は最終層の {ratio} 倍',
    'dx-learningTopOnly': '学習が進むのは出力側だけ：第1層の勾配は最終層の {ratio} 倍',
    'dx-vanishing': '止まっています：第1層の勾配は最終層の {ratio} 倍（勾配消失）',
    'dx-dead': '止まっています：第{layer}層のReLUの {share}% が死んでいます',
    'dx-stalled': '止まっています：どの層の勾配もほぼ 0',
    'dx-plateau': '止まっています（損失 {loss}、正解率 {accuracy}）',
  },
  en: {
    title: 'Training lab: every layer’s gradient, live',
    sceneLabel: 'Scene',
    'scene-custom': 'Custom',
    'scene-deepSigmoid': '10 layers: sigmoid stalls',
    'scene-deepTanh': '40 layers: tanh stalls too',
    'scene-reluLearns': 'ReLU learns',
    'scene-badInit': 'Initial weights too large',
    'scene-dawn': '20 layers: ReLU learns',
    claimBoth: 'Within {steps} steps {learns} learns and {stalls} stalls',
    claimStalls: 'After {steps} steps {stalls} still stall',
    listJoin: ' and ',
    dataLabel: 'Data',
    'data-twoSpirals': 'Two spirals',
    'data-circles': 'Circles',
    'data-xor': 'XOR',
    'data-gaussianBlobs': 'Two blobs',
    noiseLabel: 'Noise',
    pointsLabel: 'Points',
    depthLabel: 'Hidden layers (depth)',
    widthLabel: 'Units per layer (width)',
    runsLegend: 'Activations trained side by side',
    runLabel: 'Run {n}',
    runOff: 'none',
    initLabel: 'Weight initialization',
    'init-xavier': 'Xavier',
    'init-he': 'He',
    'init-normal': 'N(0, 1)',
    'init-smallUniform': 'Small uniform',
    lrLabel: 'Learning rate α',
    batchLabel: 'Batch size',
    batchFull: 'all data',
    seedLabel: 'Random seed',
    network: '2 → {depth} layers × {width} → 1',
    stepShort: 'Step',
    lossShort: 'Loss',
    accuracyShort: 'Accuracy',
    speed: '{rate} steps/s',
    boundaryTitle: '{act}: decision boundary and training data',
    curvesTitle: '{act}: loss and accuracy over training',
    curvesLegend: 'solid loss / dotted accuracy',
    layersTitle: '{act}: gradient norm per layer (log axis)',
    layersLegend: '● ‖∂L/∂W‖   ○ last update ‖ΔW‖',
    layerAxis: 'layer (input → output)',
    layersSlideLegend: 'Gradients',
    layerFirst: 'layer 1',
    layerLast: 'last',
    deadTitle: 'Share of dead ReLUs per layer',
    deadOnlyRelu: 'Dead units: ReLU only',
    historyTitle: '{act}: gradient norm history (layer × step)',
    historyLegend: 'log₁₀‖∂L/∂W‖: dark 10⁻¹², bright 1',
    diverged: 'Diverged',
    initialLabel: 'start',
    'dx-notStarted': 'Before training: layer 1’s gradient is {ratio} × the last layer’s',
    'dx-notStartedVanishing': 'Even before training, layer 1’s gradient is only {ratio} × the last layer’s',
    'dx-diverged': 'The loss diverged at step {step}, so training stopped. Reset to start over',
    'dx-learned': 'Learned ({accuracy}). Layer 1’s gradient is {ratio} × the last layer’s',
    'dx-learning': 'Learning. Layer 1’s gradient is {ratio} × the last layer’s',
    'dx-learningTopOnly': 'Only the output side learns: layer 1’s gradient is {ratio} × the last layer’s',
    'dx-vanishing': 'Stuck: layer 1’s gradient is {ratio} × the last layer’s (vanishing)',
    'dx-dead': 'Stuck: {share}% of the ReLUs in layer {layer} are dead',
    'dx-stalled': 'Stuck: every layer’s gradient is almost 0',
    'dx-plateau': 'Stuck (loss {loss}, accuracy {accuracy})',
  },
};
