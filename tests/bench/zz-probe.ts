import { engineRunner } from './engine-runner.ts';
import { handwrittenRunner } from './handwritten-mlp.ts';
import { DEEP_NARROW } from './workloads.ts';
const w = DEEP_NARROW[2];
const r = process.argv[2] === 'hand' ? handwrittenRunner(w) : engineRunner(w);
r.reset();
const t0 = performance.now();
for (let i = 0; i < 600; i++) r.step();
console.log(process.argv[2] ?? 'engine', ((performance.now() - t0) / 600).toFixed(2), 'ms/step');
