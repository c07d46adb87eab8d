/*
 * Ticks for the prediction axis, whose range grows from ±2 to ±10⁹ while a diverging rate runs:
 * round values (1, 2, 2.5, 4 or 5 × 10ⁿ apart), as close together as their labels allow, and none
 * whose label would run past the edge of the picture. Sizes are estimated from the text (no DOM), generously.
 */
const MAX_TICKS = 9;
const STEP_MANTISSAS = [1, 2, 2.5, 4, 5];
/** One character of a tick label in ems: at least as wide as a digit, −, × or a superscript. */
const CHAR_EM = 0.62;
/** Clear space between neighbouring labels. */
const LABEL_GAP = 12;

/** The axis in pixels: its length, the room beyond each end, and the labels' font size. */
export interface AxisRoom {
  readonly length: number;
  readonly before: number;
  readonly after: number;
  readonly fontSize: number;
}

export function tickLabelWidth(label: string, fontSize: number): number {
  return [...label].length * CHAR_EM * fontSize;
}

/** Multiples of `step` within [low, high], rounded so that 3 × 0.2 is 0.6. */
function multiples(low: number, high: number, step: number): number[] {
  const values: number[] = [];
  for (let i = Math.ceil(low / step); i * step <= high; i++) values.push(Number((i * step).toPrecision(12)));
  return values;
}

export function readableTicks(domain: readonly [number, number], room: AxisRoom, label: (value: number) => string): number[] {
  const [low, high] = domain;
  const at = (value: number) => ((value - low) / (high - low)) * room.length;
  const halfWidth = (value: number) => tickLabelWidth(label(value), room.fontSize) / 2;
  const inside = (value: number) =>
    at(value) - halfWidth(value) >= -room.before && at(value) + halfWidth(value) <= room.length + room.after;
  const apart = (values: readonly number[]) =>
    values.every((v, i) => i === 0 || at(v) - at(values[i - 1]) >= halfWidth(v) + halfWidth(values[i - 1]) + LABEL_GAP);
  const smallest = Math.floor(Math.log10((high - low) / MAX_TICKS));
  let lone: number[] = [];
  // From dense to sparse; within three decades the step outgrows the range.
  for (let exponent = smallest; exponent <= smallest + 3; exponent++) {
    for (const mantissa of STEP_MANTISSAS) {
      const values = multiples(low, high, mantissa * Number(`1e${exponent}`)).filter(inside);
      if (values.length <= MAX_TICKS && values.length > 1 && apart(values)) return values;
      if (values.length === 1 && lone.length === 0) lone = values;
    }
  }
  // Only when no two labels fit: one round value, so the axis still names a place.
  return lone;
}
