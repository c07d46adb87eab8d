import { parentPort } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

/*
 * One of the threads that reduce the PPTX's slide pictures side by side (pptx-pictures.ts). Plain
 * JavaScript that loads the TypeScript itself: a worker thread does not take the parent's loader.
 */
register();
const { palettePicture } = await import('./palette-png.ts');

parentPort.on('message', (original) => {
  const reduced = palettePicture(original);
  parentPort.postMessage(reduced, reduced ? [reduced.buffer] : []);
});
