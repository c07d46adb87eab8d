import './backprop.css';
import { select, slider } from '../../ui/controls.ts';
import { startDemo } from '../../ui/demo-page.ts';
import { createDivergedView } from '../../ui/diverged.ts';
import { el } from '../../ui/dom.ts';
import { format } from '../../ui/i18n.ts';
import { createPlayer } from '../../ui/player.ts';
import { backpropModel, reachableIteration } from './model.ts';
import { backpropSchema, type Focus, REVEAL_STEPS } from './schema.ts';
import { backpropStrings } from './strings.ts';
import { createCaptionView } from './view-caption.ts';
import { createChainView } from './view-chain.ts';
import { createGraphView } from './view-graph.ts';
import { createHistoryView } from './view-history.ts';

/** Learning rates worth showing side by side: smooth, the slides' default (oscillates in), diverges. */
const RATE_PRESETS = [0.005, 0.01, 0.03] as const;
const STEPS_PER_SECOND = 1.5;

startDemo({
  id: 'backprop',
  schema: backpropSchema,
  strings: backpropStrings,
  mount({ store, lang, text, controls, stage }) {
    // The model on screen: what stepping reads, so nothing steps past a divergence.
    let model = backpropModel(store.get());
    const stepper = {
      step(): boolean {
        const s = store.get();
        const mode = player.playing ? 'replace' : 'push';
        if (s.step < REVEAL_STEPS) store.set({ step: s.step + 1 }, mode);
        else if (model.canIterate) store.set({ iter: s.iter + 1, step: 0 }, mode);
        else return false;
        return true;
      },
      canStep: () => store.get().step < REVEAL_STEPS || model.canIterate,
      reset: () => store.set({ step: 0, iter: 0 }),
    };
    const player = createPlayer(stepper, lang, { ticks: true, perSecond: () => STEPS_PER_SECOND });

    const iterationCount = el('span', { class: 'bp-iterations', 'data-testid': 'iterations' });
    const iterationButton = (label: string, next: (iter: number) => number) => {
      const button = el('button', { type: 'button', class: 'bp-button' }, label);
      button.addEventListener('click', () => store.set({ iter: next(store.get().iter) }));
      return button;
    };
    // +1 and +10 stop at the last update before a divergence.
    const advanceBy = (count: number) => (k: number) => reachableIteration(store.get(), k + count);
    const advanceButtons = [iterationButton(text('nextIteration'), advanceBy(1)), iterationButton(text('tenIterations'), advanceBy(10))];
    const presetButtons = RATE_PRESETS.map((rate) => {
      const button = el('button', { type: 'button', class: 'bp-button' }, String(rate));
      button.addEventListener('click', () => store.set({ alphaA: rate, alphaB: rate }));
      return button;
    });
    const inputSlider = (key: 'x' | 't' | 'a' | 'b', label: string, step: number) => {
      const spec = backpropSchema[key];
      return slider(store, key, { label, min: spec.min, max: spec.max, step });
    };
    const rateSlider = (key: 'alphaA' | 'alphaB', label: string) =>
      slider(store, key, { label, min: backpropSchema[key].min, max: backpropSchema[key].max, scale: 'log' });

    controls.classList.add('bp-controls');
    controls.append(
      el('h2', {}, text('walkthrough')),
      player.element,
      select(store, 'focus', {
        label: text('focusLabel'),
        options: [
          { value: 'none', label: text('focusNone') },
          { value: 'b', label: text('focusB') },
          { value: 'a', label: text('focusA') },
        ],
      }),
      el('h2', {}, text('inputs')),
      inputSlider('x', text('labelX'), 0.5),
      inputSlider('t', text('labelT'), 1),
      inputSlider('a', text('labelA'), 0.1),
      inputSlider('b', text('labelB'), 0.1),
      rateSlider('alphaA', text('labelAlphaA')),
      rateSlider('alphaB', text('labelAlphaB')),
      el(
        'div',
        { class: 'bp-button-row', role: 'group', 'aria-label': text('ratePresets') },
        el('span', { class: 'bp-presets-label' }, text('ratePresets')),
        ...presetButtons,
      ),
    );

    const toggleFocus = (label: string) => {
      const focus = store.get().focus === label ? 'none' : (label as Focus);
      store.set({ focus });
    };
    const caption = createCaptionView(text);
    const graph = createGraphView(
      { title: text('graphTitle'), gradWord: text('gradWord'), legend: [text('legendBox'), text('legendEdge')] },
      toggleFocus,
    );
    const chain = createChainView(text);
    const history = createHistoryView({ title: text('historyTitle'), xLabel: text('historyX') });
    const phiIncreased = el('p', { class: 'bp-trend', role: 'status' });
    // The whole width under the graph: the note of a diverged run fits there on one line.
    const diverged = createDivergedView(lang);
    diverged.element.classList.add('bp-status');
    stage.classList.add('bp-stage');
    stage.append(
      caption.element,
      graph.element,
      diverged.element,
      el(
        'div',
        { class: 'bp-bottom' },
        chain.element,
        el(
          'div',
          { class: 'bp-history-box' },
          el(
            'div',
            { class: 'bp-button-row' },
            el('strong', {}, text('iterations')),
            iterationCount,
            ...advanceButtons,
            iterationButton(text('restart'), () => 0),
          ),
          history.element,
          phiIncreased,
        ),
      ),
    );

    // An `iter` past the divergence (from the URL, or a larger α) becomes the last sensible update, said in words.
    let clamped: { given: number; to: number } | null = null;
    const render = () => {
      const state = store.get();
      model = backpropModel(state);
      if (model.iteration < state.iter) {
        clamped = { given: state.iter, to: model.iteration };
        store.set({ iter: model.iteration }, 'replace');
        return;
      }
      if (clamped && (clamped.to !== state.iter || model.divergesAt === null)) clamped = null;
      iterationCount.textContent = format(text('iterationCount'), { k: model.iteration });
      caption.update(model);
      graph.update({ model, focus: state.focus });
      chain.update({ model, alpha: { a: state.alphaA, b: state.alphaB }, focus: state.focus });
      history.update({ history: model.history, diverges: model.divergesAt !== null });
      diverged.update(model.divergesAt === null ? null : divergedSentence(model.divergesAt));
      phiIncreased.textContent = model.phiIncreased ? text('phiIncreased') : '';
      // Diverged, the note above says it all: its line is given back to the page.
      phiIncreased.hidden = model.divergesAt !== null;
      advanceButtons.forEach((button) => {
        button.disabled = !model.canIterate;
      });
      player.refresh();
      presetButtons.forEach((button, i) => {
        button.setAttribute('aria-pressed', String(state.alphaA === RATE_PRESETS[i] && state.alphaB === RATE_PRESETS[i]));
      });
    };
    const divergedSentence = (next: number) =>
      clamped ? format(text('divergedClamped'), { given: clamped.given, next }) : format(text('divergedStop'), { next });
    store.subscribe(render);
    render();
    // Box labels are squeezed by their measured width: measure again once the web font is in.
    void document.fonts.ready.then(render);
    return { player };
  },
});
