/**
 * A small TeX-like notation for figure labels, set the way KaTeX sets it:
 * Latin and lowercase Greek letters in KaTeX_Math-Italic, digits, operators and
 * capital Greek in KaTeX_Main-Regular, Japanese in Noto Sans JP. Supports `_x`,
 * `^x`, `{…}`, `'` (prime), `\text{…}`, `\textbf{…}`, `\mathrm{…}`, a few symbols, and TeX's
 * spacing around binary operators and relations (`1+2`, `y = 2x`).
 */
import type { FaceName } from './fonts.ts';
import { measureRuns, type TextRun } from './layout.ts';

type AtomClass = 'ord' | 'op' | 'bin' | 'rel' | 'open' | 'close' | 'punct' | 'space';

interface Atom {
  cls: AtomClass;
  runs: TextRun[];
  sup?: Atom[];
  sub?: Atom[];
}

const symbols: Record<string, string> = {
  alpha: 'α',
  beta: 'β',
  eta: 'η',
  theta: 'θ',
  lambda: 'λ',
  sigma: 'σ',
  phi: 'ϕ',
  varphi: 'φ',
  Phi: 'Φ',
  Delta: 'Δ',
  Sigma: 'Σ',
  partial: '∂',
  cdots: '⋯',
  ldots: '…',
  times: '×',
  cdot: '⋅',
  approx: '≈',
  le: '≤',
  leq: '≤',
  ge: '≥',
  geq: '≥',
  to: '→',
  leftarrow: '←',
  infty: '∞',
  prime: '′',
};
const operatorNames = new Set(['tanh', 'max', 'min', 'log', 'exp']);
const spaces: Record<string, number> = { ',': 3 / 18, ';': 5 / 18, quad: 1 };

const binaryChars = '+−×⋅±';
const relationChars = '=<>≤≥≈→←';

function isJapanese(char: string): boolean {
  return /[\u3000-\u30ff\u3400-\u9fff\uff00-\uffef]/.test(char);
}

function charAtom(char: string): Atom {
  const c = char === '-' ? '−' : char;
  let face: FaceName = 'mathRoman';
  if (/[A-Za-z]/.test(c) || /[α-ω]|[ϕϑϵ]/.test(c)) face = 'mathItalic';
  else if (isJapanese(c)) face = 'sans';
  let cls: AtomClass = 'ord';
  if (binaryChars.includes(c)) cls = 'bin';
  else if (relationChars.includes(c)) cls = 'rel';
  else if ('(['.includes(c)) cls = 'open';
  else if (')]'.includes(c)) cls = 'close';
  else if (c === ',') cls = 'punct';
  return { cls, runs: [{ text: c, face }] };
}

class Parser {
  private pos = 0;
  constructor(private readonly src: string) {}

  parseList(closing?: string): Atom[] {
    const atoms: Atom[] = [];
    while (this.pos < this.src.length) {
      const char = this.src[this.pos];
      if (char === closing) {
        this.pos++;
        return atoms;
      }
      if (char === '_' || char === '^' || char === "'") {
        const base = atoms.at(-1);
        if (!base) throw new Error(`script with no base in "${this.src}"`);
        this.parseScript(base);
        continue;
      }
      const atom = this.parseAtom();
      if (atom) atoms.push(atom);
    }
    if (closing) throw new Error(`missing "${closing}" in "${this.src}"`);
    return atoms;
  }

  private parseScript(base: Atom): void {
    const char = this.src[this.pos++];
    if (char === "'") {
      base.sup = [...(base.sup ?? []), { cls: 'ord', runs: [{ text: '′', face: 'mathRoman' }] }];
      return;
    }
    const arg = this.parseArgument();
    if (char === '_') base.sub = arg;
    else base.sup = [...(base.sup ?? []), ...arg];
  }

  private parseArgument(): Atom[] {
    if (this.src[this.pos] === '{') {
      this.pos++;
      return this.parseList('}');
    }
    const atom = this.parseAtom();
    return atom ? [atom] : [];
  }

  private readBraced(): string {
    if (this.src[this.pos] !== '{') throw new Error(`expected "{" in "${this.src}"`);
    const end = this.src.indexOf('}', this.pos);
    const text = this.src.slice(this.pos + 1, end);
    this.pos = end + 1;
    return text;
  }

  private parseAtom(): Atom | undefined {
    const char = this.src[this.pos++];
    if (char === ' ') return undefined;
    if (char === '~') return { cls: 'space', runs: [{ text: '', face: 'mathRoman', spaceAfter: 1 / 3 }] };
    if (char === '{') return { cls: 'ord', runs: flatten(this.parseList('}'), 1, 0, false) };
    if (char !== '\\') return charAtom(char);
    const name = /^([A-Za-z]+|.)/.exec(this.src.slice(this.pos))![1];
    this.pos += name.length;
    if (name === 'text') return { cls: 'ord', runs: [{ text: this.readBraced(), face: 'sans' }] };
    if (name === 'textbf') return { cls: 'ord', runs: [{ text: this.readBraced(), face: 'sansBold' }] };
    if (name === 'mathrm') return { cls: 'ord', runs: [{ text: this.readBraced(), face: 'mathRoman' }] };
    if (operatorNames.has(name)) return { cls: 'op', runs: [{ text: name, face: 'mathRoman' }] };
    if (name in spaces) return { cls: 'space', runs: [{ text: '', face: 'mathRoman', spaceAfter: spaces[name] }] };
    const symbol = symbols[name];
    if (!symbol) throw new Error(`unknown command \\${name} in "${this.src}"`);
    return charAtom(symbol);
  }
}

/** TeX's inter-atom spacing in text style, in ems (only the pairs our labels use). */
function spaceBetween(left: AtomClass | undefined, right: AtomClass): number {
  if (left === undefined || left === 'space' || right === 'space') return 0;
  if (right === 'rel' || left === 'rel') return left === 'rel' && right === 'rel' ? 0 : left === 'open' || right === 'punct' ? 0 : 5 / 18;
  if (right === 'bin' || left === 'bin') return 4 / 18;
  if (left === 'punct') return 3 / 18;
  if ((left === 'op' && right === 'ord') || (left === 'ord' && right === 'op')) return 3 / 18;
  return 0;
}

/** A binary operator with nothing to its left (or after an operator) is unary, as in TeX. */
function resolveUnary(atoms: Atom[]): void {
  atoms.forEach((atom, i) => {
    const prev = atoms[i - 1]?.cls;
    if (atom.cls === 'bin' && (prev === undefined || ['bin', 'rel', 'open', 'punct', 'op'].includes(prev))) atom.cls = 'ord';
  });
}

const SCRIPT_SCALE = 0.7;
const SUP_SHIFT = 0.413;
const SUB_SHIFT = 0.15;
const SUB_SHIFT_WITH_SUP = 0.247;

function flatten(atoms: Atom[], scale: number, rise: number, spaced: boolean): TextRun[] {
  if (spaced) resolveUnary(atoms);
  const runs: TextRun[] = [];
  let prev: AtomClass | undefined;
  for (const atom of atoms) {
    const gap = spaced ? spaceBetween(prev, atom.cls) * scale : 0;
    atom.runs.forEach((run, i) => {
      runs.push({
        ...run,
        scale: (run.scale ?? 1) * scale,
        rise: (run.rise ?? 0) * scale + rise,
        spaceBefore: (run.spaceBefore ?? 0) * scale + (i === 0 ? gap : 0),
        spaceAfter: (run.spaceAfter ?? 0) * scale,
      });
    });
    runs.push(...scriptRuns(atom, scale, rise));
    prev = atom.cls;
  }
  return runs;
}

/** Superscript and subscript stacked at the same x, as TeX does for `A_2'`. */
function scriptRuns(atom: Atom, scale: number, rise: number): TextRun[] {
  const scriptScale = scale * SCRIPT_SCALE;
  const sup = atom.sup ? flatten(atom.sup, scriptScale, rise + SUP_SHIFT * scale, false) : [];
  const subShift = atom.sup ? SUB_SHIFT_WITH_SUP : SUB_SHIFT;
  const sub = atom.sub ? flatten(atom.sub, scriptScale, rise - subShift * scale, false) : [];
  if (sup.length === 0 || sub.length === 0) return [...sup, ...sub];
  const supWidth = measureRuns(sup);
  const subWidth = measureRuns(sub);
  sub[0] = { ...sub[0], spaceBefore: (sub[0].spaceBefore ?? 0) - supWidth };
  const last = sub.length - 1;
  sub[last] = { ...sub[last], spaceAfter: (sub[last].spaceAfter ?? 0) + Math.max(0, supWidth - subWidth) };
  return [...sup, ...sub];
}

export function mathRuns(tex: string): TextRun[] {
  return flatten(new Parser(tex).parseList(), 1, 0, true);
}
