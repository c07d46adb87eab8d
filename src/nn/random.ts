/**
 * A seeded pseudo-random generator: mulberry32 (Tommy Ettinger's 32-bit generator) for uniforms,
 * Box–Muller for normals. Integer arithmetic via Math.imul and `>>> 0` gives the same sequence in
 * Node, the page and a Web Worker, so a seed names one set of weights and one dataset everywhere.
 */
export interface Random {
  /** Uniform in [0, 1). */
  next(): number;
  /** Uniform in [low, high). */
  uniform(low: number, high: number): number;
  /** Normal with the given mean and standard deviation (defaults: standard normal). */
  normal(mean?: number, std?: number): number;
}

export function createRandom(seed: number): Random {
  let state = seed >>> 0;
  let spareNormal: number | null = null;

  function next(): number {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  function standardNormal(): number {
    if (spareNormal !== null) {
      const z = spareNormal;
      spareNormal = null;
      return z;
    }
    // Box–Muller turns two uniforms into two independent normals; 1 − u keeps log away from 0.
    const radius = Math.sqrt(-2 * Math.log(1 - next()));
    const angle = 2 * Math.PI * next();
    spareNormal = radius * Math.sin(angle);
    return radius * Math.cos(angle);
  }

  return {
    next,
    uniform: (low, high) => low + (high - low) * next(),
    normal: (mean = 0, std = 1) => mean + std * standardNormal(),
  };
}
