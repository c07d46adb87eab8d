import { startDemo } from '../../ui/demo-page.ts';
import { createPlayer } from '../../ui/player.ts';
import { chainInputs } from './chain-inputs.ts';
import { controlPanel } from './control-panel.ts';
import { gradientChain } from './model.ts';
import { stepForLayer } from './pulse.ts';
import { gradientDomain, zHalfWidth } from './scales.ts';
import { type GradientChainState, gradientChainSchema, shownActivations } from './schema.ts';
import { gradientChainStrings } from './strings.ts';
import { createStageView, type StageModel } from './view-stage.ts';
import './gradient-chain.css';

/** Everything but the speed, language and back link changes the numbers. */
const modelKey = (s: GradientChainState) => [s.depth, s.act, s.init, s.w, s.seed, s.z, s.x].join('|');

function stageModel(state: GradientChainState): StageModel {
  const inputs = chainInputs(state);
  const chains = shownActivations(state.act).map((activation) => gradientChain(activation, inputs));
  return { chains, domain: gradientDomain(chains), halfWidth: zHalfWidth(chains) };
}

startDemo({
  schema: gradientChainSchema,
  strings: gradientChainStrings,
  slide: 19,
  mount({ store, lang, text, controls, stage }) {
    let depth = store.get().depth;
    // The page opens with the pulse at layer 1: the state slides 19 and 23 talk about.
    let step = depth;
    const view = createStageView(stage, text, (layer) => {
      player.pause();
      step = stepForLayer(depth, layer);
      view.show(step);
    });
    const player = createPlayer(
      {
        step() {
          // Play or step after the end starts a new pulse from the output.
          if (step >= depth) step = 0;
          else step += 1;
          view.show(step);
          return step < depth;
        },
        reset() {
          step = 0;
          view.show(step);
        },
      },
      lang,
      { ticks: true, perSecond: () => store.get().speed },
    );
    controls.append(player.element, ...controlPanel(store, text));

    let shownKey = '';
    const update = (state: GradientChainState) => {
      const key = modelKey(state);
      if (key === shownKey) return;
      shownKey = key;
      player.pause();
      depth = state.depth;
      step = depth;
      view.render(stageModel(state), step);
    };
    store.subscribe(update);
    update(store.get());
  },
});
