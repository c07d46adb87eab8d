import type { Strings } from '../../ui/i18n.ts';

/** Keys of the UI text besides the page title. */
export type BackpropText =
  | 'walkthrough'
  | 'iterations'
  | 'iterationCount'
  | 'nextIteration'
  | 'tenIterations'
  | 'restart'
  | 'inputs'
  | 'labelX'
  | 'labelT'
  | 'labelA'
  | 'labelB'
  | 'labelAlphaA'
  | 'labelAlphaB'
  | 'ratePresets'
  | 'focusLabel'
  | 'focusNone'
  | 'focusA'
  | 'focusB'
  | 'phaseGraph'
  | 'phaseForward'
  | 'phaseBackward'
  | 'phaseUpdate'
  | 'graphTitle'
  | 'legendBox'
  | 'legendEdge'
  | 'gradWord'
  | 'chainHeading'
  | 'finiteDifference'
  | 'unknown'
  | 'historyTitle'
  | 'historyX'
  | 'phiIncreased'
  | 'divergedStop'
  | 'divergedClamped';

export const backpropStrings: Strings<BackpropText | 'title'> = {
  ja: {
    title: '誤差逆伝播法：a と b の勾配を計算して更新する',
    walkthrough: '1回の更新を順に見る',
    iterations: '更新回数',
    iterationCount: '{k}',
    nextIteration: '+1',
    tenIterations: '+10',
    restart: '0 に戻す',
    inputs: '入力・正解・初期値',
    labelX: 'x 入力',
    labelT: 't 正解',
    labelA: 'a 初期値',
    labelB: 'b 初期値',
    labelAlphaA: 'α_a 学習率',
    labelAlphaB: 'α_b 学習率',
    ratePresets: 'α の例',
    focusLabel: '経路を強調',
    focusNone: 'なし',
    focusA: 'a（スライド15）',
    focusB: 'b（スライド14）',
    phaseGraph: '計算グラフ：エンジンが記録した演算です。→ キーで順伝播',
    phaseForward: '順伝播 {i}/{n}：',
    phaseBackward: '逆伝播 {i}/{n}：',
    phaseUpdate: '更新：',
    graphTitle: '計算グラフ：x₁ = ax + 5、y = bx₁ + 3、Φ = (y − t)²。各ノードに値と勾配、各辺に局所微分',
    legendBox: '箱：上段が値、下段が勾配（Φ をその値で偏微分）',
    legendEdge: '辺の数字：局所微分（出力を入力で微分）',
    gradWord: '勾配',
    chainHeading: '連鎖律（数値はエンジンの逆伝播、中心差分は検算）',
    finiteDifference: '中心差分',
    unknown: '（逆伝播で計算）',
    historyTitle: '更新のたびの目的関数 Φ（対数目盛）',
    historyX: '更新回数',
    phiIncreased: 'Φ が増加：学習率が大きすぎる',
    divergedStop: '{next} 回目の更新で Φ が桁外れに増えるので、ここで止めました。学習率を下げてください。',
    divergedClamped: 'URL の iter={given} は発散の先なので、ここで止めました。{next} 回目の更新で Φ が桁外れに増えます。',
  },
  en: {
    title: 'Backpropagation: the gradients of a and b, and the update',
    walkthrough: 'One update, step by step',
    iterations: 'Updates',
    iterationCount: '{k}',
    nextIteration: '+1',
    tenIterations: '+10',
    restart: 'To 0',
    inputs: 'Input, target, initial values',
    labelX: 'x input',
    labelT: 't target',
    labelA: 'a initial',
    labelB: 'b initial',
    labelAlphaA: 'α_a rate',
    labelAlphaB: 'α_b rate',
    ratePresets: 'Try α',
    focusLabel: 'Highlight',
    focusNone: 'none',
    focusA: 'a (slide 15)',
    focusB: 'b (slide 14)',
    phaseGraph: 'The computation graph the engine recorded. Press → for the forward pass',
    phaseForward: 'Forward {i}/{n}: ',
    phaseBackward: 'Backward {i}/{n}: ',
    phaseUpdate: 'Update: ',
    graphTitle:
      'Computation graph: x₁ = ax + 5, y = bx₁ + 3, Φ = (y − t)², with values and gradients on the nodes and local derivatives on the edges',
    legendBox: 'Box: value; below it, the gradient of Φ',
    legendEdge: 'Edge: local derivative (output by input)',
    gradWord: 'grad',
    chainHeading: 'Chain rule (engine’s backward pass; central difference as a check)',
    finiteDifference: 'central diff.',
    unknown: '(after the backward pass)',
    historyTitle: 'Loss Φ after each update (log scale)',
    historyX: 'updates',
    phiIncreased: 'Φ went up: learning rate too large',
    divergedStop: 'Update {next} would blow Φ up, so the run stops here. Try a smaller learning rate.',
    divergedClamped: 'The URL’s iter={given} is past the divergence: update {next} would blow Φ up, so the run stops here.',
  },
};
