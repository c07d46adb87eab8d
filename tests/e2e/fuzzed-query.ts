import fc from 'fast-check';
import { NAME_PATTERN, type ParamSpec, type Schema } from '../../src/ui/url-state/index.ts';

/*
 * Query strings for a demo page, built mostly from the demo's own parameter names so that its real
 * controls read them: valid values, values just outside what a control allows, and hostile text.
 */

/** Bytes of a long value (UTF-8, before escaping). */
const LONG = 5 * 1024;

/** Values no parameter takes as given: numbers past Float64, non-numbers, markup, scripts, text of other writing systems. */
export const HOSTILE_VALUES: readonly string[] = [
  '1e308',
  '-1e308',
  '1e999',
  '-1e999',
  '5e-324',
  '1e-400',
  'NaN',
  'Infinity',
  '-Infinity',
  '0x1F',
  '-0',
  '1,5',
  '',
  ' ',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  'javascript:alert(1)',
  '"><svg onload=alert(1)>',
  '勾配消失',
  '１２',
  '🙂🚀',
  '\u202Eevil\u202C',
  'עברית',
  'undefined',
  'null',
  '__proto__',
  '9'.repeat(LONG),
  `0.${'3'.repeat(LONG)}`,
  '<script>alert(1)</script>'.repeat(LONG / 25),
];

/** Percent escapes that decode to no valid text, written into the URL as they are. */
export const BROKEN_ESCAPES: readonly string[] = ['%E0%A4%A', '%', '%%', '%G1', '%C3%28', '%FF%FE'];

/** Parameter names no demo has, some of them names every JavaScript object answers to. */
const UNKNOWN_KEYS: readonly string[] = [
  '',
  'foo',
  '__proto__',
  'constructor',
  'toString',
  'ALPHA',
  'α',
  '<script>alert(1)</script>',
  'a[]',
];

function validValue(spec: ParamSpec): fc.Arbitrary<string> {
  switch (spec.kind) {
    case 'int':
      return fc.integer({ min: spec.min, max: spec.max }).map(String);
    case 'number':
      return fc
        .oneof(
          fc.constantFrom(spec.min, spec.max, spec.default),
          // What a slider writes: hundredths.
          fc.integer({ min: Math.ceil(spec.min * 100), max: Math.floor(spec.max * 100) }).map((hundredths) => hundredths / 100),
          fc.double({ min: spec.min, max: spec.max, noNaN: true }),
        )
        .map(String);
    case 'enum':
      return fc.constantFrom(...spec.values);
    case 'set':
      return fc.subarray([...spec.values]).map((values) => values.join(','));
    case 'bool':
      return fc.constantFrom('0', '1', 'true', 'false');
    case 'name':
      return fc.stringMatching(NAME_PATTERN);
  }
}

/** Values a careless hand or an old link would write: out of range, half an integer, a name in capitals. */
function nearMissValue(spec: ParamSpec): fc.Arbitrary<string> {
  switch (spec.kind) {
    case 'int':
    case 'number':
      return fc.oneof(
        fc.double().map(String),
        fc.constantFrom(
          `${spec.min - 1}`,
          `${spec.max + 0.5}`,
          `${spec.max}e3`,
          ` ${spec.default} `,
          `${spec.default}px`,
          `+${spec.min}`,
          `${spec.min}.5`,
        ),
      );
    case 'enum':
      return fc.constantFrom(...spec.values).chain((value) => fc.constantFrom(value.toUpperCase(), ` ${value}`, `${value},${value}`));
    case 'set':
      return fc
        .subarray([...spec.values])
        .chain((values) => fc.constantFrom(`${values.join(',')},softmax`, values.join(',,'), values.join(' ')));
    case 'bool':
      return fc.constantFrom('yes', 'TRUE', '2', 'on');
    case 'name':
      return fc.constantFrom('two words', 'x'.repeat(41), 'präsentation', 'a/b');
  }
}

const hostileValue = fc.constantFrom(...HOSTILE_VALUES);
const longText = fc
  .string({ unit: 'grapheme', minLength: 1, maxLength: 20 })
  .map((text) => text.repeat(Math.ceil(LONG / Buffer.byteLength(text))));
const anyText = fc.string({ unit: 'grapheme', maxLength: 30 });

function valueFor(spec: ParamSpec | undefined): fc.Arbitrary<string> {
  const foreign = fc.oneof({ weight: 6, arbitrary: hostileValue }, { weight: 3, arbitrary: anyText }, { weight: 1, arbitrary: longText });
  return spec
    ? fc.oneof({ weight: 5, arbitrary: validValue(spec) }, { weight: 2, arbitrary: nearMissValue(spec) }, { weight: 3, arbitrary: foreign })
    : foreign;
}

/**
 * Most text percent-encoded as a link would carry it; some written as typed, so that the browser's
 * own escaping is read too ('#' always escaped: it would end the query).
 */
function written(text: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 3, arbitrary: text.map(encodeURIComponent) },
    { weight: 1, arbitrary: text.map((typed) => typed.replaceAll('#', '%23')) },
  );
}

function pairFor(schema: Schema): fc.Arbitrary<string> {
  const names = Object.keys(schema);
  const key = fc.oneof(
    { weight: 8, arbitrary: fc.constantFrom(...names) },
    { weight: 1, arbitrary: fc.constantFrom(...UNKNOWN_KEYS) },
    { weight: 1, arbitrary: anyText },
  );
  return key.chain((name) => {
    const spec = Object.hasOwn(schema, name) ? schema[name] : undefined;
    const value = fc.oneof({ weight: 9, arbitrary: written(valueFor(spec)) }, { weight: 1, arbitrary: fc.constantFrom(...BROKEN_ESCAPES) });
    return fc
      .tuple(written(fc.constant(name)), value, fc.boolean())
      .map(([writtenName, writtenValue, bare]) => (bare && writtenValue === '' ? writtenName : `${writtenName}=${writtenValue}`));
  });
}

/** `count` query strings ('?…') for a page whose parameters are `schema`, the same for a given seed. */
export function fuzzedQueries(schema: Schema, count: number, seed: number): string[] {
  const query = fc.array(pairFor(schema), { minLength: 1, maxLength: 8 }).map((pairs) => `?${pairs.join('&')}`);
  return fc.sample(query, { seed, numRuns: count });
}

/** One query per hostile value and broken escape, each given to one of the schema's parameters in turn. */
export function hostileTour(schema: Schema): string[] {
  const names = Object.keys(schema);
  const values = [...HOSTILE_VALUES.map(encodeURIComponent), ...BROKEN_ESCAPES];
  return values.map((value, i) => `?${names[i % names.length]}=${value}`);
}
