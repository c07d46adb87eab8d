import { type PlotFrame, type PlotFrameOptions, plotFrame } from '../../ui/plot-frame.ts';

/**
 * Holds one plot whose axes change now and then: the frame (axes, grid) is rebuilt only when its
 * options change; otherwise the caller just moves its marks. Keeps redraws cheap while training.
 */
export function createChartSlot(container: Element) {
  let key = '';
  let frame: PlotFrame | null = null;
  return {
    frame(options: PlotFrameOptions): { frame: PlotFrame; fresh: boolean } {
      const next = JSON.stringify(options, (_k, v) => (typeof v === 'function' ? String(v) : v));
      if (frame && next === key) return { frame, fresh: false };
      key = next;
      frame = plotFrame(options);
      container.replaceChildren(frame.svg.node()!);
      return { frame, fresh: true };
    },
  };
}
