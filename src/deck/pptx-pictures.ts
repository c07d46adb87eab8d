import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type JSZip from 'jszip';

/**
 * marp-cli's PPTX is one picture per slide, taken at `--image-scale` times the slide's 1280×720
 * (its default, 2, gave a 9 MB file). 1.5 is 1920×1080: a full-HD screen or projector shows every
 * pixel of it, as it would show a 2× picture scaled down.
 */
export const PPTX_IMAGE_SCALE = 1.5;

/**
 * Reduces each slide picture to a 256-colour palette PNG (palette-png.ts), keeping a picture that
 * would not shrink as it was. The pictures are reduced side by side, a worker thread per core: it
 * is the last step of the PPTX, when the other exports are done, and one thread took 5 s for 28.
 */
export async function shrinkPptxPictures(zip: JSZip): Promise<void> {
  const names = Object.keys(zip.files).filter((name) => /^ppt\/media\/[^/]+\.png$/.test(name));
  const queue = [...names];
  const shrinkNext = async (worker: Worker): Promise<void> => {
    for (let name = queue.shift(); name !== undefined; name = queue.shift()) {
      const reduced = await reduceOn(worker, await zip.file(name)!.async('uint8array'));
      if (reduced) zip.file(name, reduced);
    }
  };
  const workers = Array.from({ length: Math.min(availableParallelism(), names.length) }, () => paletteWorker());
  try {
    await Promise.all(workers.map(shrinkNext));
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}

function paletteWorker(): Worker {
  return new Worker(new URL('./palette-png-worker.mjs', import.meta.url));
}

/** The worker's palette PNG of `original`, or null when it would not be smaller. */
function reduceOn(worker: Worker, original: Uint8Array): Promise<Uint8Array | null> {
  return new Promise((resolve, reject) => {
    const done = (reduced: Uint8Array | null) => {
      worker.off('error', failed);
      resolve(reduced);
    };
    const failed = (cause: Error) => {
      worker.off('message', done);
      reject(new Error(`reducing a PPTX slide picture failed: ${cause.message}`, { cause }));
    };
    worker.once('message', done);
    worker.once('error', failed);
    worker.postMessage(original, [original.buffer as ArrayBuffer]);
  });
}
