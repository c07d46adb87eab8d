import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ACTIVATION_NAMES } from '../../src/nn/activations.ts';
import { activationStyle, palette } from '../../src/ui/palette.ts';

/** The custom properties declared in the first `:root { … }` block of a stylesheet, by name. */
function rootProperties(css: string): Map<string, string> {
  const block = /:root\s*\{([^}]*)\}/.exec(css.replace(/\/\*[\s\S]*?\*\//g, ''));
  if (!block) throw new Error('no :root block');
  const declarations = block[1]!.matchAll(/(--[\w-]+)\s*:\s*([^;]+);/g);
  return new Map([...declarations].map(([, name, value]) => [name!, value!.trim().toLowerCase()]));
}

describe('demo stylesheet palette', () => {
  const properties = rootProperties(readFileSync(join(import.meta.dirname, '../../src/ui/demo.css'), 'utf8'));

  // The demos paint with these properties and the slides and figures with palette.ts: one colour per name.
  it.each(Object.entries(palette))('--%s in src/ui/demo.css is %s, as in src/ui/palette.ts', (name, colour) => {
    expect(properties.get(`--${name}`)).toBe(colour.toLowerCase());
  });
});

describe('activation colours', () => {
  it('gives every activation a colour of its own, the deck’s three as on the slides', () => {
    const colours = ACTIVATION_NAMES.map((name) => activationStyle[name].color.toLowerCase());
    expect(new Set(colours).size).toBe(ACTIVATION_NAMES.length);
    for (const name of ['sigmoid', 'tanh', 'relu'] as const) expect(activationStyle[name].color).toBe(palette[name]);
  });
});
