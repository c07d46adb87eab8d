/**
 * Compact SVG path data for glyph outlines: coordinates are rounded to hundredths of a px
 * once, then written as relative moves (deltas of rounded values, so no drift), with `T`
 * wherever TrueType's implied on-curve midpoints make a control point a reflection.
 */
import type { PathCommand } from 'fontkit';

/** Maps a font-unit point to integer hundredths of a px. */
export type PointTransform = (x: number, y: number) => readonly [number, number];

function formatHundredths(value: number): string {
  const sign = value < 0 ? '-' : '';
  const abs = Math.abs(value);
  const whole = Math.floor(abs / 100);
  const frac = abs % 100;
  if (frac === 0) return `${sign}${whole}`;
  const fracText = (frac < 10 ? `0${frac}` : String(frac)).replace(/0$/, '');
  return `${sign}${whole === 0 ? '' : whole}.${fracText}`;
}

/** Joins numbers with the fewest separators SVG allows ("1.5-2", ".5.5"). */
function joinNumbers(values: number[]): string {
  let out = '';
  for (const value of values) {
    const text = formatHundredths(value);
    const needsSpace = out !== '' && !text.startsWith('-') && !(text.startsWith('.') && /\.\d*$/.test(out));
    out += (needsSpace ? ' ' : '') + text;
  }
  return out;
}

/** Accumulates the outlines of one label's glyphs into a single path. */
export class GlyphPathEncoder {
  private d = '';
  private current: readonly [number, number] = [0, 0];
  private start: readonly [number, number] = [0, 0];
  private lastControl: readonly [number, number] | undefined;
  private lastLetter = '';

  private emit(command: string, pts: Array<readonly [number, number]>): void {
    // The first move is written absolute ('M', same numbers since we start at 0,0), so the
    // data of several labels can be concatenated safely.
    const letter = this.d === '' ? 'M' : command;
    const values = pts.flatMap(([x, y]) => [x - this.current[0], y - this.current[1]]);
    const body = joinNumbers(values);
    // A repeated command letter may be omitted, except for moves (a bare pair would mean lineto).
    if (letter === this.lastLetter && letter !== 'm') this.d += body.startsWith('-') ? body : ` ${body}`;
    else this.d += letter + body;
    this.lastLetter = letter;
  }

  add(commands: readonly PathCommand[], transform: PointTransform): void {
    for (const { command, args } of commands) {
      if (command === 'closePath') {
        this.d += 'z';
        this.lastLetter = 'z';
        this.current = this.start;
        this.lastControl = undefined;
        continue;
      }
      const pts: Array<readonly [number, number]> = [];
      for (let i = 0; i < args.length; i += 2) pts.push(transform(args[i], args[i + 1]));
      const end = pts[pts.length - 1];
      if (command === 'quadraticCurveTo') {
        const [control] = pts;
        const reflects =
          this.lastControl !== undefined &&
          control[0] === 2 * this.current[0] - this.lastControl[0] &&
          control[1] === 2 * this.current[1] - this.lastControl[1];
        this.emit(reflects ? 't' : 'q', reflects ? [end] : pts);
        this.lastControl = control;
      } else {
        this.emit(command === 'moveTo' ? 'm' : command === 'lineTo' ? 'l' : 'c', pts);
        this.lastControl = undefined;
        if (command === 'moveTo') this.start = end;
      }
      this.current = end;
    }
  }

  toString(): string {
    return this.d;
  }
}
