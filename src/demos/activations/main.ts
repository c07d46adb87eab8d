import { ACTIVATION_NAMES, ACTIVATIONS } from '../../nn/activations.ts';
import { checkboxGroup, slider } from '../../ui/controls.ts';
import { startDemo } from '../../ui/demo-page.ts';
import { el } from '../../ui/dom.ts';
import { format } from '../../ui/i18n.ts';
import './activations.css';
import { activationStyle } from '../../ui/palette.ts';
import { clampCrosshair, type ExplorerNumbers, explorerNumbers } from './model.ts';
import { fixedText } from './readout-number.ts';
import { activationsSchema } from './schema.ts';
import { activationsStrings } from './strings.ts';
import { createCurvePlotView } from './view-plot.ts';
import { createReadoutView } from './view-readout.ts';

startDemo({
  id: 'activations',
  schema: activationsSchema,
  strings: activationsStrings,
  mount({ store, text, controls, stage }) {
    const rangeSlider = slider(store, 'range', { label: text('range'), min: 1, max: 20, step: 1 });
    const xSlider = slider(store, 'x', { label: text('crosshair'), min: -20, max: 20, step: 0.01, format: (v) => fixedText(v, 2) });
    const xInput = xSlider.querySelector('input')!;
    controls.append(
      checkboxGroup(store, 'show', {
        legend: text('show'),
        options: ACTIVATION_NAMES.map((name) => ({ value: name, label: ACTIVATIONS[name].label, color: activationStyle[name].color })),
      }),
      rangeSlider,
      xSlider,
      el('p', { class: 'hint' }, text('crosshairHint')),
    );

    const embedded = store.get().embed;
    const names = (numbers: ExplorerNumbers) => numbers.curves.map((c) => ACTIVATIONS[c.name].label).join(', ');
    const onCrosshair = (x: number, mode: 'live' | 'replace' | 'push') => store.set({ x }, mode);
    const plots = [
      createCurvePlotView({
        series: 'y',
        heading: text('plotF'),
        maxLabels: null,
        onCrosshair,
        embedded,
        accessibleName: (n) => format(text('plotName'), { plot: 'f(x)', names: names(n), x: fixedText(n.crosshair, 2) }),
      }),
      createCurvePlotView({
        series: 'dy',
        heading: text('plotDf'),
        onCrosshair,
        embedded,
        maxLabels: {
          // In a slide the labels are set large, and on one line they are wider than the room on
          // either side of tanh′'s bell: they break into two lines.
          peak: (name, v) => format(text(embedded ? 'maxMarkerTwoLines' : 'maxMarker'), { name, v }),
          plateau: (name, v, where) => format(text(embedded ? 'plateauMarkerTwoLines' : 'plateauMarker'), { name, v, where }),
        },
        accessibleName: (n) => format(text('plotName'), { plot: 'f′(x)', names: names(n), x: fixedText(n.crosshair, 2) }),
      }),
    ];
    const readout = createReadoutView(text);
    stage.append(el('div', { class: 'plot-pair' }, ...plots.map((p) => p.element)), readout.element);

    const render = () => {
      const state = store.get();
      // The crosshair slider spans the visible window; a narrower window pulls the crosshair in.
      xInput.min = String(-state.range);
      xInput.max = String(state.range);
      const inside = clampCrosshair(state.x, state.range);
      if (inside !== state.x) return store.set({ x: inside }, 'replace');
      const numbers = explorerNumbers(state);
      plots.forEach((plot) => {
        plot.update(numbers);
      });
      readout.update(numbers);
    };
    store.subscribe(render);
    render();
  },
});
