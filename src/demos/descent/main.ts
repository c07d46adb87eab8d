import './descent.css';
import { slider } from '../../ui/controls.ts';
import { startDemo } from '../../ui/demo-page.ts';
import { createDivergedView } from '../../ui/diverged.ts';
import { el } from '../../ui/dom.ts';
import { numberText } from '../../ui/number-text.ts';
import { createPlayer } from '../../ui/player.ts';
import { descentModel } from './model.ts';
import { regimeOf } from './regime.ts';
import { descentSchema, MAX_STEPS } from './schema.ts';
import { descentStrings } from './strings.ts';
import { createParabolaView } from './view-parabola.ts';
import { createSummaryView } from './view-summary.ts';
import { createIterateTableView } from './view-table.ts';

/** One learning rate per regime, in the order the slide talks about them. */
const RATE_PRESETS = [0.1, 0.5, 0.75, 1, 1.1] as const;
const STEPS_PER_SECOND = 2;

startDemo({
  id: 'descent',
  schema: descentSchema,
  strings: descentStrings,
  mount({ store, lang, text, controls, stage }) {
    let model = descentModel(store.get());
    // The steps stop at the URL's last k, and where the next numbers could no longer be shown.
    const canStep = () => store.get().k < MAX_STEPS && model.nextIsShowable;
    const player = createPlayer(
      {
        step() {
          if (!canStep()) return false;
          store.set({ k: store.get().k + 1 }, player.playing ? 'replace' : 'push');
          return true;
        },
        reset: () => store.set({ k: 0 }),
        canStep,
      },
      lang,
      { ticks: true, perSecond: () => STEPS_PER_SECOND },
    );

    const presetButtons = RATE_PRESETS.map((rate) => {
      const button = el(
        'button',
        { type: 'button', class: 'ds-preset' },
        el('span', { class: 'ds-preset-rate' }, `α = ${rate}`),
        ' ',
        text(`regime-${regimeOf(rate)}`),
      );
      button.addEventListener('click', () => store.set({ alpha: rate }));
      return button;
    });
    const spec = descentSchema;
    controls.classList.add('ds-controls');
    controls.append(
      el('h2', {}, text('steps')),
      player.element,
      slider(store, 'alpha', { label: text('labelAlpha'), min: spec.alpha.min, max: spec.alpha.max, step: 0.01 }),
      el('div', { class: 'ds-presets', role: 'group', 'aria-label': text('presets') }, ...presetButtons),
      slider(store, 'y0', { label: text('labelY0'), min: spec.y0.min, max: spec.y0.max, step: 0.1, format: (v) => numberText(v) }),
      slider(store, 't', { label: text('labelT'), min: spec.t.min, max: spec.t.max, step: 0.1, format: (v) => numberText(v) }),
    );

    const summary = createSummaryView(text);
    const diverged = createDivergedView(lang);
    const parabola = createParabolaView(
      { title: text('plotTitle'), xLabel: text('plotX'), yLabel: text('plotY') },
      { min: spec.y0.min, max: spec.y0.max },
      (y0, mode) => store.set({ y0 }, mode),
    );
    const table = createIterateTableView(text);
    stage.classList.add('ds-stage');
    stage.append(
      summary.element,
      diverged.element,
      el(
        'div',
        { class: 'ds-body' },
        el('figure', { class: 'ds-figure' }, parabola.element, el('figcaption', {}, text('dragHint'))),
        table.element,
      ),
    );

    const render = () => {
      const state = store.get();
      model = descentModel(state);
      diverged.update(model.nextIsShowable ? null : text('overflowNote'));
      player.refresh();
      summary.update(model);
      parabola.update(model);
      table.update(model.iterates);
      presetButtons.forEach((button, i) => {
        button.setAttribute('aria-pressed', String(state.alpha === RATE_PRESETS[i]));
      });
    };
    store.subscribe(render);
    render();
    return { player };
  },
});
