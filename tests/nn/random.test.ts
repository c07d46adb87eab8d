import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/nn/random.ts';

function draws(seed: number, count: number, draw: (r: ReturnType<typeof createRandom>) => number): number[] {
  const random = createRandom(seed);
  return Array.from({ length: count }, () => draw(random));
}

function meanAndStd(xs: number[]): { mean: number; std: number } {
  const mean = xs.reduce((s, x) => s + x, 0) / xs.length;
  const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / xs.length;
  return { mean, std: Math.sqrt(variance) };
}

describe('createRandom', () => {
  it('gives the same sequence for the same seed and a different one for another seed', () => {
    expect(draws(42, 100, (r) => r.next())).toEqual(draws(42, 100, (r) => r.next()));
    expect(draws(42, 100, (r) => r.normal())).toEqual(draws(42, 100, (r) => r.normal()));
    expect(draws(42, 10, (r) => r.next())).not.toEqual(draws(43, 10, (r) => r.next()));
  });

  it('draws uniforms in [0, 1) with mean ½ and variance 1/12', () => {
    const xs = draws(7, 20000, (r) => r.next());
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    const { mean, std } = meanAndStd(xs);
    expect(mean).toBeCloseTo(0.5, 2);
    expect(std).toBeCloseTo(Math.sqrt(1 / 12), 2);
    expect(new Set(xs).size).toBeGreaterThan(19990);
  });

  it('draws normals with the requested mean and standard deviation', () => {
    const { mean, std } = meanAndStd(draws(7, 20000, (r) => r.normal(3, 2)));
    expect(Math.abs(mean - 3)).toBeLessThan(0.05);
    expect(Math.abs(std - 2)).toBeLessThan(0.05);
  });

  it('draws uniforms in a range', () => {
    const xs = draws(1, 1000, (r) => r.uniform(-3, -1));
    expect(Math.min(...xs)).toBeGreaterThanOrEqual(-3);
    expect(Math.max(...xs)).toBeLessThan(-1);
  });
});
