import { ACTIVATIONS, type ActivationName } from '../../nn/activations.ts';
import type { Dataset } from '../../nn/datasets.ts';
import { el } from '../../ui/dom.ts';
import { format } from '../../ui/i18n.ts';
import { numberText } from '../../ui/number-text.ts';
import { activationStyle } from '../../ui/palette.ts';
import type { View } from '../../ui/view.ts';
import { type Diagnosis, VANISHING_RATIO } from './diagnosis.ts';
import type { HistoryEntry } from './history.ts';
import type { BoundaryImage } from './protocol.ts';
import type { TrainingText } from './strings.ts';
import type { RunMetrics } from './trainer.ts';
import { createBoundaryView } from './view-boundary.ts';
import { createCurvesView } from './view-curves.ts';
import { createDeadView } from './view-dead.ts';
import { createHistoryView } from './view-history.ts';
import { createLayersView } from './view-layers.ts';

/** A layer's name (第1層) and a number in powers of ten (6.8×10⁻¹³): phrase breaking may split 「第」 from 「1層」. */
const UNBROKEN = /(第\d+層|\d+(?:\.\d+)?×10[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)/;

/** Sets a sentence as the line's text, with every UNBROKEN part kept on one line. */
function showSentence(line: HTMLElement, sentence: string): void {
  line.replaceChildren(...sentence.split(UNBROKEN).map((part, i) => (i % 2 === 1 ? el('span', { class: 'tr-unbroken' }, part) : part)));
}

const percent = (v: number) => (Number.isFinite(v) ? `${(100 * v).toFixed(1)}%` : '—');
const ratioText = (ratio: number) => numberText(ratio, 2);

function diagnosisText(diagnosis: Diagnosis, text: Text): string {
  switch (diagnosis.kind) {
    case 'notStarted':
      return format(text(diagnosis.ratio < VANISHING_RATIO ? 'dx-notStartedVanishing' : 'dx-notStarted'), {
        ratio: ratioText(diagnosis.ratio),
      });
    case 'diverged':
      return format(text('dx-diverged'), { step: diagnosis.step });
    case 'learned':
      return format(text('dx-learned'), { accuracy: percent(diagnosis.accuracy), ratio: ratioText(diagnosis.ratio) });
    case 'learning':
      return format(text(diagnosis.ratio < VANISHING_RATIO ? 'dx-learningTopOnly' : 'dx-learning'), { ratio: ratioText(diagnosis.ratio) });
    case 'vanishing':
      return format(text('dx-vanishing'), { ratio: ratioText(diagnosis.ratio) });
    case 'dead':
      return format(text('dx-dead'), { layer: diagnosis.layer, share: Math.round(100 * diagnosis.share) });
    case 'stalled':
      return text('dx-stalled');
    case 'plateau':
      return format(text('dx-plateau'), { loss: numberText(diagnosis.loss, 3), accuracy: percent(diagnosis.accuracy) });
  }
}

/** What one run's column shows; redrawn a few times a second at most (main.ts throttles). */
export interface RunModel {
  readonly metrics: RunMetrics;
  /** The run's past reports, oldest first, for the curves and the history heatmap. */
  readonly history: readonly HistoryEntry[];
  /** 0 when idle: the speed line is then empty. */
  readonly stepsPerSecond: number;
  /** The latest decision boundary (null before the first); drawn again only when it is another object. */
  readonly boundary: BoundaryImage | null;
}

export type RunView = View<RunModel>;

/**
 * Where the column is shown. 'page': the lab's own page, with every chart. 'slide' (embed=1, a slide's
 * box on a projector): fewer things, larger — the boundary, the numbers, the verdict and the per-layer
 * gradients the verdict is about.
 */
export type RunLayout = 'page' | 'slide';

/** The charts under a run's verdict (in a slide, above it: training.css), with their captions, and the one way to redraw them. */
interface Charts {
  readonly elements: readonly Element[];
  update(model: RunModel): void;
}

type Text = (key: TrainingText) => string;

function pageCharts(activation: ActivationName, color: string, titled: Text, text: Text): Charts {
  const curvesView = createCurvesView(titled('curvesTitle'), color);
  const layersView = createLayersView(titled('layersTitle'), color, { kind: 'page', initialLabel: text('initialLabel') });
  const deadView = createDeadView(text('deadTitle'));
  const historyView = createHistoryView(titled('historyTitle'));
  const caption = (key: TrainingText) => el('p', { class: 'tr-caption' }, text(key));
  return {
    elements: [
      caption('curvesLegend'),
      curvesView.element,
      caption('layersLegend'),
      layersView.element,
      caption(activation === 'relu' ? 'deadTitle' : 'deadOnlyRelu'),
      deadView.element,
      caption('historyLegend'),
      historyView.element,
    ],
    update({ metrics, history }) {
      curvesView.update(history);
      layersView.update(metrics);
      deadView.update(activation === 'relu' ? metrics.deadShares : null);
      historyView.update(history);
    },
  };
}

function slideCharts(color: string, titled: Text, text: Text): Charts {
  const initialLabel = text('initialLabel');
  const layersView = createLayersView(titled('layersTitle'), color, {
    kind: 'slide',
    initialLabel,
    first: text('layerFirst'),
    last: text('layerLast'),
  });
  // The 「最初」 line's key sits in the caption: inside the plot, 22 px words would cover the dots.
  const caption = el(
    'p',
    { class: 'tr-caption tr-layers-key' },
    text('layersSlideLegend'),
    el('span', { class: 'tr-key-initial' }, initialLabel),
  );
  return {
    elements: [caption, layersView.element],
    update: ({ metrics }) => layersView.update(metrics),
  };
}

/**
 * One run's column: boundary, key numbers, verdict, then the charts `layout` shows.
 * The training points (`dataset`) stay the same for the view's life: new settings make a new view.
 */
export function createRunView(slot: number, activation: ActivationName, dataset: Dataset, text: Text, layout: RunLayout): RunView {
  const label = ACTIVATIONS[activation].label;
  const color = activationStyle[activation].color;
  const titled = (key: TrainingText) => format(text(key), { act: label });
  const boundaryView = createBoundaryView(titled('boundaryTitle'), dataset);
  const charts = layout === 'page' ? pageCharts(activation, color, titled, text) : slideCharts(color, titled, text);

  const value = (testId: string) => el('dd', { 'data-testid': testId }, '—');
  const step = value('step');
  const loss = value('loss');
  const accuracy = value('accuracy');
  const speed = el('p', { class: 'tr-speed', 'data-testid': 'speed' }, '');
  const badge = el('p', { class: 'tr-badge diverged-badge', role: 'status', 'data-testid': 'diverged' });
  badge.hidden = true;
  const diagnosisLine = el('p', { class: 'tr-diagnosis', 'data-testid': 'diagnosis' }, text('dx-notStarted'));

  const element = el(
    'article',
    { class: 'tr-run', 'data-testid': `run-${slot + 1}`, 'data-activation': activation, style: `--run-color:${color}` },
    el('h2', {}, el('span', { class: 'swatch', style: `background:${color}` }), label, badge),
    el(
      'div',
      { class: 'tr-top' },
      boundaryView.element,
      el(
        'div',
        { class: 'tr-numbers' },
        el(
          'dl',
          {},
          el('dt', {}, text('stepShort')),
          step,
          el('dt', {}, text('lossShort')),
          loss,
          el('dt', {}, text('accuracyShort')),
          accuracy,
        ),
        speed,
      ),
    ),
    diagnosisLine,
    ...charts.elements,
  );

  return {
    element,
    update(model) {
      const { metrics, stepsPerSecond, boundary } = model;
      boundaryView.update(boundary);
      element.dataset.step = String(metrics.step);
      element.dataset.state = metrics.diverged ? 'diverged' : 'ok';
      step.textContent = String(metrics.step);
      // Before the first step there is no loss yet: a dash, as for accuracy. A diverged run shows its last finite loss.
      loss.textContent = metrics.step === 0 || !Number.isFinite(metrics.loss) ? '—' : numberText(metrics.loss);
      accuracy.textContent = percent(metrics.accuracy);
      speed.textContent = stepsPerSecond > 0 ? format(text('speed'), { rate: Math.round(stepsPerSecond) }) : '';
      badge.hidden = !metrics.diverged;
      badge.textContent = metrics.diverged ? text('diverged') : '';
      showSentence(diagnosisLine, diagnosisText(metrics.diagnosis, text));
      diagnosisLine.classList.toggle('tr-alarm', metrics.diverged);
      charts.update(model);
    },
  };
}
