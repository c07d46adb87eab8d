import { defaultState, NAME_PATTERN, type ParamSpec, type Schema, type StateOf } from './schema.ts';

/** Why a value from the URL was not used as given. Shown on screen, never thrown. */
export type NoticeReason = 'out-of-range' | 'rounded' | 'not-a-number' | 'unknown-value' | 'unknown-param' | 'repeated';

export interface Notice {
  readonly param: string;
  /** The raw text from the URL, cut to a safe length; render it as text, never as HTML. */
  readonly given: string;
  /** What is used instead ('' for an ignored parameter). */
  readonly used: string;
  readonly reason: NoticeReason;
}

export interface ReadResult<S extends Schema> {
  readonly state: StateOf<S>;
  readonly notices: readonly Notice[];
}

const SHOWN_CHARS = 40;
/** Numbers are kept to 10 significant digits so that write → read is exact. */
const SIGNIFICANT_DIGITS = 10;

type Parsed = { value: unknown; reason?: NoticeReason };

function parseNumber(raw: string, spec: { min: number; max: number; default: number }, integer: boolean): Parsed {
  const trimmed = raw.trim();
  const n = trimmed === '' ? Number.NaN : Number(trimmed);
  if (!Number.isFinite(n)) return { value: spec.default, reason: 'not-a-number' };
  const quantized = integer ? Math.round(n) : Number(n.toPrecision(SIGNIFICANT_DIGITS));
  const clamped = Math.min(spec.max, Math.max(spec.min, quantized));
  if (clamped !== quantized) return { value: clamped, reason: 'out-of-range' };
  // Dropping digits past float precision is silent; rounding 2.5 layers to 3 is not.
  if (integer && quantized !== n) return { value: clamped, reason: 'rounded' };
  return { value: clamped };
}

function parseValue(raw: string, spec: ParamSpec): Parsed {
  switch (spec.kind) {
    case 'int':
      return parseNumber(raw, spec, true);
    case 'number':
      return parseNumber(raw, spec, false);
    case 'bool':
      if (raw === '1' || raw === 'true') return { value: true };
      if (raw === '0' || raw === 'false') return { value: false };
      return { value: spec.default, reason: 'unknown-value' };
    case 'enum':
      return spec.values.includes(raw) ? { value: raw } : { value: spec.default, reason: 'unknown-value' };
    case 'name':
      return raw === '' || NAME_PATTERN.test(raw) ? { value: raw } : { value: spec.default, reason: 'unknown-value' };
    case 'set': {
      const given = raw === '' ? [] : raw.split(',');
      const known = spec.values.filter((v) => given.includes(v));
      const unknown = given.some((v) => !spec.values.includes(v));
      return unknown ? { value: known, reason: 'unknown-value' } : { value: known };
    }
  }
}

function formatValue(value: unknown): string {
  if (Array.isArray(value)) return value.join(',');
  if (typeof value === 'boolean') return value ? '1' : '0';
  return String(value);
}

function shown(raw: string): string {
  return raw.length > SHOWN_CHARS ? `${raw.slice(0, SHOWN_CHARS)}…` : raw;
}

/** Reads a query string into a complete, valid state. Never throws. */
export function readState<S extends Schema>(schema: S, query: string | URLSearchParams): ReadResult<S> {
  const params = typeof query === 'string' ? new URLSearchParams(query) : query;
  const state = defaultState(schema) as Record<string, unknown>;
  const notices: Notice[] = [];
  const seen = new Set<string>();
  for (const [name, raw] of params) {
    const spec = Object.hasOwn(schema, name) ? schema[name] : undefined;
    if (!spec) {
      notices.push({ param: shown(name), given: shown(raw), used: '', reason: 'unknown-param' });
      continue;
    }
    if (seen.has(name)) {
      notices.push({ param: name, given: shown(raw), used: formatValue(state[name]), reason: 'repeated' });
      continue;
    }
    seen.add(name);
    const parsed = parseValue(raw, spec);
    state[name] = parsed.value;
    if (parsed.reason) notices.push({ param: name, given: shown(raw), used: formatValue(parsed.value), reason: parsed.reason });
  }
  return { state: state as StateOf<S>, notices };
}

/** Writes the values that differ from their defaults, in schema order: short, stable links. */
export function writeState<S extends Schema>(schema: S, state: StateOf<S>): string {
  const params = new URLSearchParams();
  for (const [name, spec] of Object.entries(schema)) {
    const value = formatValue((state as Record<string, unknown>)[name]);
    if (value !== formatValue(spec.default)) params.set(name, value);
  }
  return params.toString();
}
