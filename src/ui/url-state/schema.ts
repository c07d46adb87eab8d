/**
 * One table per demo describes every URL parameter (name, type, range, default).
 * The same table drives reading the query string and writing it back, so a
 * control cannot exist without a URL form, and a URL cannot smuggle in a value
 * the controls could not produce.
 */
export interface IntParam {
  readonly kind: 'int';
  readonly min: number;
  readonly max: number;
  readonly default: number;
}

export interface NumberParam {
  readonly kind: 'number';
  readonly min: number;
  readonly max: number;
  readonly default: number;
}

export interface EnumParam<V extends string = string> {
  readonly kind: 'enum';
  readonly values: readonly V[];
  readonly default: V;
}

/** A comma-separated subset of `values`, kept in the order of `values`. */
export interface SetParam<V extends string = string> {
  readonly kind: 'set';
  readonly values: readonly V[];
  readonly default: readonly V[];
}

export interface BoolParam {
  readonly kind: 'bool';
  readonly default: boolean;
}

/** A short name chosen by whoever writes the link (letters, digits, `-`, `_`; at most 40 characters). */
export interface NameParam {
  readonly kind: 'name';
  readonly default: string;
}

export const NAME_PATTERN = /^[A-Za-z0-9_-]{1,40}$/;

export type ParamSpec = IntParam | NumberParam | EnumParam | SetParam | BoolParam | NameParam;

export type Schema = Readonly<Record<string, ParamSpec>>;

type ValueOf<P extends ParamSpec> = P extends IntParam | NumberParam
  ? number
  : P extends EnumParam<infer V>
    ? V
    : P extends SetParam<infer V>
      ? readonly V[]
      : P extends BoolParam
        ? boolean
        : P extends NameParam
          ? string
          : never;

export type StateOf<S extends Schema> = { -readonly [K in keyof S]: ValueOf<S[K]> };

/** Helpers that keep literal types of enum values when a schema is declared. */
export const param = {
  int: (min: number, max: number, def: number): IntParam => ({ kind: 'int', min, max, default: def }),
  number: (min: number, max: number, def: number): NumberParam => ({ kind: 'number', min, max, default: def }),
  enum: <V extends string>(values: readonly V[], def: V): EnumParam<V> => ({ kind: 'enum', values, default: def }),
  set: <V extends string>(values: readonly V[], def: readonly V[]): SetParam<V> => ({ kind: 'set', values, default: def }),
  bool: (def: boolean): BoolParam => ({ kind: 'bool', default: def }),
  name: (): NameParam => ({ kind: 'name', default: '' }),
};

export function defaultState<S extends Schema>(schema: S): StateOf<S> {
  const state: Record<string, unknown> = {};
  for (const [name, spec] of Object.entries(schema)) state[name] = spec.default;
  return state as StateOf<S>;
}
