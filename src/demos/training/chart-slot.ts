import { type PlotFrame, type PlotFrameOptions, plotFrame } from '../../ui/plot-frame.ts';

/** Not a view: a view's helper that owns its plot frame (see createCurvesView, createLayersView). */
export interface ChartSlot {
  /** The frame for these options, and whether it was just built (then the caller adds its marks). */
  frame(options: PlotFrameOptions): { frame: PlotFrame; fresh: boolean };
}

/**
 * Holds one plot whose axes change now and then: the frame (axes, grid) is rebuilt only when its
 * options change; otherwise the caller just moves its marks. Keeps redraws cheap while training.
 */
export function createChartSlot(container: Element): ChartSlot {
  let key = '';
  let frame: PlotFrame | null = null;
  return {
    frame(options) {
      const next = JSON.stringify(options, (_k, v) => (typeof v === 'function' ? String(v) : v));
      if (frame && next === key) return { frame, fresh: false };
      key = next;
      frame = plotFrame(options);
      container.replaceChildren(frame.svg.node()!);
      return { frame, fresh: true };
    },
  };
}
