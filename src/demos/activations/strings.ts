import type { Strings } from '../../ui/i18n.ts';

export type ActivationsText =
  | 'show'
  | 'range'
  | 'crosshair'
  | 'crosshairHint'
  | 'plotF'
  | 'plotDf'
  | 'plotName'
  | 'maxMarker'
  | 'maxMarkerTwoLines'
  | 'readoutTitle'
  | 'columnFunction'
  | 'columnMax'
  | 'columnFormula'
  | 'plateauMarker'
  | 'plateauMarkerTwoLines'
  | 'noneShown';

export const activationsStrings: Strings<ActivationsText | 'title'> = {
  ja: {
    title: '活性化関数とその微分',
    show: '表示する関数',
    range: 'x の範囲（±）',
    crosshair: '注目する x',
    crosshairHint: 'グラフをなぞる・タップしても x が動きます',
    plotF: '活性化関数 f(x)',
    plotDf: '微分 f′(x)',
    plotName: '{plot} のグラフ：{names}。x = {x} に縦線',
    maxMarker: '{name} の最大 {v}',
    maxMarkerTwoLines: '{name}\nの最大 {v}',
    plateauMarker: '{name} = {v}（{where}）',
    // Half-width brackets: a full-width one would start its line half an em in.
    plateauMarkerTwoLines: '{name} = {v}\n({where})',
    readoutTitle: 'x = {x} での値',
    columnFunction: '関数',
    columnMax: 'f′ の最大',
    columnFormula: '式',
    noneShown: '左で関数を1つ以上選んでください。',
  },
  en: {
    title: 'Activation functions and their derivatives',
    show: 'Functions shown',
    range: 'x range (±)',
    crosshair: 'Crosshair x',
    crosshairHint: 'Hover or tap a plot to move x',
    plotF: 'Activation f(x)',
    plotDf: 'Derivative f′(x)',
    plotName: 'Plot of {plot}: {names}. Vertical line at x = {x}',
    maxMarker: '{name} max {v}',
    maxMarkerTwoLines: '{name}\nmax {v}',
    plateauMarker: '{name} = {v} ({where})',
    plateauMarkerTwoLines: '{name} = {v}\n({where})',
    readoutTitle: 'Values at x = {x}',
    columnFunction: 'Function',
    columnMax: 'max of f′',
    columnFormula: 'Formula',
    noneShown: 'Pick at least one function on the left.',
  },
};
