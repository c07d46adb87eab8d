import { el } from './dom.ts';
import { numberText } from './number-text.ts';
import type { Schema, StateOf } from './url-state/index.ts';
import type { UrlStore } from './url-store.ts';

/**
 * Labelled inputs bound to one key of a URL store. Each control writes the store
 * (live while dragging, one history step on release) and follows the store back
 * (so back/forward move the control too).
 */
type NumberKey<S extends Schema> = { [K in keyof StateOf<S>]: StateOf<S>[K] extends number ? K : never }[keyof StateOf<S>] & string;
type StringKey<S extends Schema> = { [K in keyof StateOf<S>]: StateOf<S>[K] extends string ? K : never }[keyof StateOf<S>] & string;
type BoolKey<S extends Schema> = { [K in keyof StateOf<S>]: StateOf<S>[K] extends boolean ? K : never }[keyof StateOf<S>] & string;
type SetKey<S extends Schema> = { [K in keyof StateOf<S>]: StateOf<S>[K] extends readonly string[] ? K : never }[keyof StateOf<S>] & string;

let nextId = 0;
const uniqueId = (key: string) => `ctl-${key}-${nextId++}`;

export interface SliderOptions {
  readonly label: string;
  readonly min: number;
  readonly max: number;
  readonly step?: number;
  /** `log`: the thumb moves in log10 space (learning rates, scales). */
  readonly scale?: 'linear' | 'log';
  readonly format?: (value: number) => string;
}

/** A slider's value as typed (0.0003, −12.5), with a real minus sign; ×10ⁿ where JavaScript would write 5e-324. */
export function sliderText(value: number): string {
  const plain = String(value);
  return plain.includes('e') ? numberText(value) : plain.replace(/^-/, '\u2212');
}

export function slider<S extends Schema>(store: UrlStore<S>, key: NumberKey<S>, options: SliderOptions): HTMLElement {
  const id = uniqueId(key);
  const log = options.scale === 'log';
  const toThumb = (v: number) => (log ? Math.log10(v) : v);
  const fromThumb = (t: number) => (log ? Number((10 ** t).toPrecision(3)) : t);
  const input = el('input', {
    id,
    type: 'range',
    name: key,
    min: String(toThumb(options.min)),
    max: String(toThumb(options.max)),
    step: String(log ? 0.01 : (options.step ?? 1)),
  });
  const output = el('output', { for: id });
  const show = (value: number) => {
    input.value = String(toThumb(value));
    output.textContent = options.format ? options.format(value) : sliderText(value);
  };
  const read = () => fromThumb(Number(input.value));
  input.addEventListener('input', () => store.set({ [key]: read() } as Partial<StateOf<S>>, 'live'));
  input.addEventListener('change', () => store.set({ [key]: read() } as Partial<StateOf<S>>, 'push'));
  store.subscribe((state) => show(state[key] as number));
  show(store.get()[key] as number);
  return el('div', { class: 'control control-slider' }, el('label', { for: id }, options.label), input, output);
}

export interface SelectOptions<V extends string> {
  readonly label: string;
  readonly options: readonly { readonly value: V; readonly label: string }[];
}

export function select<S extends Schema>(store: UrlStore<S>, key: StringKey<S>, options: SelectOptions<string>): HTMLElement {
  const id = uniqueId(key);
  const input = el('select', { id, name: key }, ...options.options.map((o) => el('option', { value: o.value }, o.label)));
  input.addEventListener('change', () => store.set({ [key]: input.value } as Partial<StateOf<S>>));
  store.subscribe((state) => {
    input.value = state[key] as string;
  });
  input.value = store.get()[key] as string;
  return el('div', { class: 'control control-select' }, el('label', { for: id }, options.label), input);
}

export function toggle<S extends Schema>(store: UrlStore<S>, key: BoolKey<S>, label: string): HTMLElement {
  const id = uniqueId(key);
  const input = el('input', { id, type: 'checkbox', name: key });
  input.addEventListener('change', () => store.set({ [key]: input.checked } as Partial<StateOf<S>>));
  store.subscribe((state) => {
    input.checked = state[key] as boolean;
  });
  input.checked = store.get()[key] as boolean;
  return el('div', { class: 'control control-toggle' }, input, el('label', { for: id }, label));
}

export interface CheckboxGroupOptions {
  readonly legend: string;
  readonly options: readonly { readonly value: string; readonly label: string; readonly color?: string }[];
}

/** A set-valued parameter as a group of checkboxes, written in the schema's order. */
export function checkboxGroup<S extends Schema>(store: UrlStore<S>, key: SetKey<S>, options: CheckboxGroupOptions): HTMLElement {
  const boxes = options.options.map((option) => {
    const id = uniqueId(`${key}-${option.value}`);
    const input = el('input', { id, type: 'checkbox', name: key, value: option.value });
    const swatch = option.color ? [el('span', { class: 'swatch', style: `background:${option.color}` })] : [];
    return { input, row: el('div', { class: 'control-toggle' }, input, el('label', { for: id }, ...swatch, option.label)) };
  });
  const commit = () => {
    const chosen = boxes.filter((b) => b.input.checked).map((b) => b.input.value);
    store.set({ [key]: chosen } as unknown as Partial<StateOf<S>>);
  };
  const show = (values: readonly string[]) =>
    boxes.forEach((b) => {
      b.input.checked = values.includes(b.input.value);
    });
  boxes.forEach((b) => {
    b.input.addEventListener('change', commit);
  });
  store.subscribe((state) => show(state[key] as readonly string[]));
  show(store.get()[key] as readonly string[]);
  return el('fieldset', { class: 'control control-group' }, el('legend', {}, options.legend), ...boxes.map((b) => b.row));
}
