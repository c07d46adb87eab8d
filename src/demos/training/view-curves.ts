import { format } from 'd3-format';
import { line } from 'd3-shape';
import { el } from '../../ui/dom.ts';
import { palette } from '../../ui/palette.ts';
import type { View } from '../../ui/view.ts';
import { createChartSlot } from './chart-slot.ts';
import type { HistoryEntry } from './history.ts';
import { niceCeil } from './nice.ts';

const WIDTH = 320;
const HEIGHT = 110;
const MARGIN = { top: 8, right: 10, bottom: 24, left: 40 };
/** Losses above this are drawn at the top edge (a diverging run would squash the rest). */
const LOSS_CEILING = 5;
/** Step counts as 500, 1k, 20k: short enough that the last tick fits at the right edge. */
const stepTick = format('~s');

/** Its model is the run's history, oldest entry first. */
export type CurvesView = View<readonly HistoryEntry[]>;

/** Loss (solid) and accuracy (dotted) against steps, on one 0–1(+) axis. */
export function createCurvesView(title: string, color: string): CurvesView {
  const element = el('div', { class: 'tr-chart', 'data-testid': 'curves' });
  const slot = createChartSlot(element);
  return {
    element,
    update(entries) {
      const lastStep = entries.length > 0 ? entries[entries.length - 1].step : 0;
      let maxLoss = 1;
      for (const e of entries) if (Number.isFinite(e.loss)) maxLoss = Math.max(maxLoss, Math.min(e.loss, LOSS_CEILING));
      const yTop = niceCeil(maxLoss);
      const { frame, fresh } = slot.frame({
        width: WIDTH,
        height: HEIGHT,
        x: [0, niceCeil(Math.max(lastStep, 10))],
        y: [0, yTop],
        title,
        margin: MARGIN,
        xTickFormat: stepTick,
      });
      if (fresh) {
        frame.plot.append('path').attr('class', 'tr-loss').attr('stroke', palette.ink);
        frame.plot.append('path').attr('class', 'tr-accuracy').attr('stroke', color);
        frame.svg.selectAll('.axis-x .tick text').attr('dy', '0.9em');
      }
      const x = (e: HistoryEntry) => frame.x(e.step);
      const finite = entries.filter((e) => Number.isFinite(e.loss));
      frame.plot.select('.tr-loss').attr(
        'd',
        line<HistoryEntry>()
          .x(x)
          .y((e) => frame.y(Math.min(e.loss, yTop)))(finite) ?? '',
      );
      const measured = entries.filter((e) => Number.isFinite(e.accuracy));
      frame.plot.select('.tr-accuracy').attr(
        'd',
        line<HistoryEntry>()
          .x(x)
          .y((e) => frame.y(e.accuracy))(measured) ?? '',
      );
    },
  };
}
