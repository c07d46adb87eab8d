import { engineRunner, engineWorkedExample } from './engine-runner.ts';
import { handwrittenRunner, handwrittenWorkedExample } from './handwritten-mlp.ts';
import { microgradRunner, microgradWorkedExample } from './micrograd-runner.ts';
import { DEEP_NARROW, type NetworkWorkload, type TrainingRunner, WIDE, type WorkedExampleStep } from './workloads.ts';

/** The engines the bench compares: this project's engine and its three peers. */
export type EngineName = 'engine' | 'hand-written' | 'tfjs cpu' | 'micrograd-style';

export const W3_ID = 'W3 scalar graph';

interface Engine {
  readonly training: (workload: NetworkWorkload) => TrainingRunner;
  readonly workedExample: () => WorkedExampleStep;
}

/**
 * An engine's code, loaded in the thread that runs it. tfjs is imported only by its own thread:
 * loading it slows other code in the same thread down (the micrograd-style W3, 1.1 M → 0.35 M it/s
 * here, its for…of loops and Set among the likely victims), and it picks its backend first.
 */
export async function loadEngine(name: EngineName): Promise<Engine> {
  if (name === 'tfjs cpu') {
    const tfjs = await import('./tfjs-runner.ts');
    await tfjs.useTfjsCpuBackend();
    return { training: tfjs.tfjsRunner, workedExample: tfjs.tfjsWorkedExample };
  }
  const engines = {
    engine: { training: engineRunner, workedExample: engineWorkedExample },
    'hand-written': { training: handwrittenRunner, workedExample: handwrittenWorkedExample },
    'micrograd-style': { training: microgradRunner, workedExample: microgradWorkedExample },
  };
  return engines[name];
}

export function networkWorkload(id: string): NetworkWorkload {
  const workload = [...DEEP_NARROW, WIDE].find((w) => w.id === id);
  if (workload === undefined) throw new Error(`no workload "${id}"`);
  return workload;
}
