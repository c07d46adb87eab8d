import { el } from '../../ui/dom.ts';
import type { View } from '../../ui/view.ts';
import { NORM_LOG_RANGE, NORM_RAMP, RAMP_STEPS } from './colors.ts';
import type { HistoryEntry } from './history.ts';

/** Canvas size: one column per history entry (at most this many), one row per layer scaled to fit. */
const COLUMNS = 160;

/** Its model is the run's history, oldest entry first. */
export type HistoryView = View<readonly HistoryEntry[]>;

/** Layer × step heatmap of log₁₀‖∂L/∂W‖: input layer at the bottom, time to the right. */
export function createHistoryView(title: string): HistoryView {
  const canvas = el('canvas', { width: String(COLUMNS), height: '50', role: 'img', 'aria-label': title, class: 'tr-history' });
  const context = canvas.getContext('2d')!;
  const [low, high] = NORM_LOG_RANGE;
  let pixels: ImageData | null = null;
  const colorOf = (norm: number): readonly [number, number, number] => {
    if (!Number.isFinite(norm)) return [255, 255, 255];
    const t = (Math.log10(Math.max(norm, 1e-300)) - low) / (high - low);
    return NORM_RAMP[Math.round(Math.min(1, Math.max(0, t)) * (RAMP_STEPS - 1))];
  };
  return {
    element: canvas,
    update(entries) {
      const layers = entries.length > 0 ? entries[0].gradNorms.length : 1;
      if (canvas.height !== layers) canvas.height = layers;
      const columns = Math.min(COLUMNS, Math.max(1, entries.length));
      // One buffer per layer count: a fresh ImageData per redraw is slow to allocate in Chromium.
      if (pixels?.height !== layers) pixels = context.createImageData(COLUMNS, layers);
      for (let col = 0; col < COLUMNS; col++) {
        const entry = col < columns ? entries[Math.floor((col * entries.length) / columns)] : undefined;
        for (let l = 0; l < layers; l++) {
          const offset = 4 * ((layers - 1 - l) * COLUMNS + col);
          const rgb = entry ? colorOf(entry.gradNorms[l]) : ([245, 247, 250] as const);
          pixels.data[offset] = rgb[0];
          pixels.data[offset + 1] = rgb[1];
          pixels.data[offset + 2] = rgb[2];
          pixels.data[offset + 3] = 255;
        }
      }
      context.putImageData(pixels, 0, 0);
    },
  };
}
