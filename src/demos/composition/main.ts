import { ACTIVATIONS } from '../../nn/activations.ts';
import { select, slider, toggle } from '../../ui/controls.ts';
import { startDemo } from '../../ui/demo-page.ts';
import { el } from '../../ui/dom.ts';
import { format } from '../../ui/i18n.ts';
import { createPlayer } from '../../ui/player.ts';
import './composition.css';
import { composeNumbers } from './model-compose.ts';
import { linearNumbers } from './model-linear.ts';
import { BETWEEN_ACTIVATIONS, compositionSchema, MAX_STACK } from './schema.ts';
import { compositionStrings } from './strings.ts';
import { createComposeView } from './view-compose.ts';
import { createLinearView } from './view-linear.ts';

startDemo({
  id: 'composition',
  schema: compositionSchema,
  strings: compositionStrings,
  mount({ store, lang, text, controls, stage }) {
    // The player steps k upward, one more function (or layer) at a time.
    const player = createPlayer(
      {
        step() {
          const { k } = store.get();
          if (k >= MAX_STACK) return false;
          store.set({ k: k + 1 }, player.playing ? 'replace' : 'push');
          return k + 1 < MAX_STACK;
        },
        reset: () => store.set({ k: 1 }),
      },
      lang,
      { ticks: true, perSecond: () => 1.5 },
    );

    const seedText = el('span', { class: 'seed-now' });
    const reseed = el('button', { type: 'button', class: 'reseed' }, text('reseed'));
    reseed.addEventListener('click', () => store.set({ seed: (store.get().seed % 9999) + 1 }));
    const composeControls = el(
      'div',
      { class: 'mode-controls' },
      slider(store, 'k', { label: text('kCompose'), min: 1, max: MAX_STACK, step: 1 }),
      slider(store, 'xr', { label: text('window'), min: 0.5, max: 3, step: 0.1 }),
      toggle(store, 'log', text('logScale')),
    );
    const linearControls = el(
      'div',
      { class: 'mode-controls' },
      slider(store, 'k', { label: text('kLinear'), min: 1, max: MAX_STACK, step: 1 }),
      select(store, 'act', {
        label: text('activation'),
        options: BETWEEN_ACTIVATIONS.map((name) => ({ value: name, label: ACTIVATIONS[name].label })),
      }),
      el('div', { class: 'control' }, reseed, seedText),
    );
    controls.append(
      select(store, 'mode', {
        label: text('mode'),
        options: [
          { value: 'compose', label: text('modeCompose') },
          { value: 'linear', label: text('modeLinear') },
        ],
      }),
      composeControls,
      linearControls,
      player.element,
    );

    const compose = createComposeView(text);
    const linear = createLinearView(text);
    stage.append(compose.element, linear.element);

    const render = () => {
      const state = store.get();
      const composing = state.mode === 'compose';
      composeControls.hidden = !composing;
      linearControls.hidden = composing;
      compose.element.hidden = !composing;
      linear.element.hidden = composing;
      seedText.textContent = format(text('seedNow'), { seed: state.seed });
      if (composing) compose.update({ numbers: composeNumbers(state.k, state.xr), halfWidth: state.xr, log: state.log });
      else linear.update(linearNumbers(state.seed, state.k, state.act));
    };
    store.subscribe(render);
    render();
    return { player };
  },
});
