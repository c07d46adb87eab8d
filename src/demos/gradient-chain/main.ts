import { startDemo } from '../../ui/demo-page.ts';
import { createPlayer } from '../../ui/player.ts';
import { chainInputs } from './chain-inputs.ts';
import { controlPanel } from './control-panel.ts';
import { gradientChain } from './model.ts';
import { stepForLayer } from './pulse.ts';
import { gradientDomain, zHalfWidth } from './scales.ts';
import { type GradientChainState, gradientChainSchema, MAX_DEPTH, shownActivations } from './schema.ts';
import { gradientChainStrings } from './strings.ts';
import { type ChainsModel, createStageView } from './view-stage.ts';
import './gradient-chain.css';

/** Everything but the pulse, the speed, language and back link changes the numbers. */
const modelKey = (s: GradientChainState) => [s.depth, s.act, s.init, s.w, s.seed, s.z, s.x].join('|');

function chainsModel(state: GradientChainState): ChainsModel {
  const inputs = chainInputs(state);
  const chains = shownActivations(state.act).map((activation) => gradientChain(activation, inputs));
  return { chains, domain: gradientDomain(chains), halfWidth: zHalfWidth(chains) };
}

/** The pulse as shown: the URL's step, at most the depth (the whole chain, the state slides 19 and 23 talk about). */
const pulseStep = (state: GradientChainState) => Math.min(state.step, state.depth);

startDemo({
  id: 'gradient-chain',
  schema: gradientChainSchema,
  strings: gradientChainStrings,
  mount({ store, lang, text, controls, stage }) {
    // A pulse that has reached layer 1 is stored as the default, so it stays whole when the depth changes.
    const storedStep = (step: number) => (step >= store.get().depth ? MAX_DEPTH : step);
    const view = createStageView(
      stage,
      text,
      (layer) => {
        player.pause();
        store.set({ step: storedStep(stepForLayer(store.get().depth, layer)) });
      },
      store.get().embed,
    );
    const player = createPlayer(
      {
        step() {
          const state = store.get();
          // Play or step after the end starts a new pulse from the output.
          const next = pulseStep(state) >= state.depth ? 0 : pulseStep(state) + 1;
          store.set({ step: storedStep(next) }, player.playing ? 'replace' : 'push');
          return next < state.depth;
        },
        reset: () => store.set({ step: 0 }),
      },
      lang,
      { ticks: true, perSecond: () => store.get().speed },
    );
    controls.append(player.element, ...controlPanel(store, text));

    let shownKey = '';
    let model: ChainsModel;
    const update = (state: GradientChainState) => {
      const key = modelKey(state);
      if (key !== shownKey) {
        shownKey = key;
        player.pause();
        model = chainsModel(state);
      }
      view.update({ ...model, step: pulseStep(state) });
    };
    store.subscribe(update);
    update(store.get());
    return { player };
  },
});
