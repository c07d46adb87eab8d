import type { Dataset } from '../../nn/datasets.ts';
import { el } from '../../ui/dom.ts';
import type { View } from '../../ui/view.ts';
import { CLASS_POINT, CLASS_REGION } from './colors.ts';
import type { BoundaryImage } from './protocol.ts';
import { BOUNDARY_EXTENT } from './trainer.ts';

/** Canvas pixels of the boundary view (drawn at 2× for sharp points on a projector or phone). */
const SIDE = 400;
const NAN_GREY = 215;
const toPixel = (v: number) => ((v + BOUNDARY_EXTENT) / (2 * BOUNDARY_EXTENT)) * SIDE;

/** Its model is the latest boundary image (null before the first); the training points are fixed and go to the factory. */
export type BoundaryView = View<BoundaryImage | null>;

/**
 * The decision boundary as a smooth heatmap of P(class 1), with the training points on top. Redrawn
 * only when the image is another object than the one drawn last.
 */
export function createBoundaryView(title: string, dataset: Dataset): BoundaryView {
  const canvas = el('canvas', { width: String(SIDE), height: String(SIDE), role: 'img', 'aria-label': title, class: 'tr-boundary' });
  const context = canvas.getContext('2d')!;
  const grid = document.createElement('canvas');
  let image: BoundaryImage | null = null;
  let pixels: ImageData | null = null;

  const draw = () => {
    context.fillStyle = '#fff';
    context.fillRect(0, 0, SIDE, SIDE);
    if (image) {
      const { size, values } = image;
      grid.width = size;
      grid.height = size;
      if (pixels?.width !== size) pixels = new ImageData(size, size);
      const data = pixels.data;
      values.forEach((p, i) => {
        // White at p = 0.5, the class tint towards 0 or 1: the boundary is where the tints meet.
        // A diverged network gives NaN: drawn as neutral grey (no decision), not as black.
        const strength = Number.isNaN(p) ? 0 : Math.min(1, Math.abs(2 * p - 1));
        const tint = CLASS_REGION[p >= 0.5 ? 1 : 0];
        for (let c = 0; c < 3; c++) data[4 * i + c] = Number.isNaN(p) ? NAN_GREY : 255 + (tint[c] - 255) * strength;
        data[4 * i + 3] = 255;
      });
      grid.getContext('2d')!.putImageData(pixels, 0, 0);
      context.imageSmoothingEnabled = true;
      context.drawImage(grid, 0, 0, SIDE, SIDE);
    }
    context.lineWidth = 1.5;
    context.strokeStyle = '#fff';
    const radius = dataset.count > 400 ? 4 : 5.5;
    for (let i = 0; i < dataset.count; i++) {
      context.beginPath();
      context.arc(toPixel(dataset.inputs[2 * i]), SIDE - toPixel(dataset.inputs[2 * i + 1]), radius, 0, 2 * Math.PI);
      context.fillStyle = CLASS_POINT[dataset.labels[i] > 0.5 ? 1 : 0];
      context.fill();
      context.stroke();
    }
  };
  draw();
  return {
    element: canvas,
    update(next) {
      if (next === image) return;
      image = next;
      draw();
    },
  };
}
