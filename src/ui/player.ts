import { el } from './dom.ts';
import type { Lang } from './i18n.ts';
import { sharedStrings } from './strings.ts';

/**
 * Play / pause / step / reset for an animation that advances in discrete steps.
 * With prefers-reduced-motion nothing plays by itself: the buttons still step.
 * Keys: Space play/pause, → step, R reset (ignored while typing in a form field).
 */
export interface Stepper {
  /** Advances one step; returns false when there is nothing left to do (playing stops). */
  step(): boolean;
  reset(): void;
}

export interface Player {
  readonly element: HTMLElement;
  play(): void;
  pause(): void;
  readonly playing: boolean;
}

export const prefersReducedMotion = (): boolean =>
  typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

export function createPlayer(stepper: Stepper, lang: Lang, stepsPerSecond: () => number): Player {
  const text = sharedStrings[lang];
  const playButton = el('button', { type: 'button', class: 'primary', 'data-action': 'play' }, text.play);
  const stepButton = el('button', { type: 'button', 'data-action': 'step' }, text.step);
  const resetButton = el('button', { type: 'button', 'data-action': 'reset' }, text.reset);
  let frame = 0;
  let last = 0;
  let playing = false;

  const render = () => {
    playButton.textContent = playing ? text.pause : text.play;
    playButton.setAttribute('aria-pressed', String(playing));
  };
  const tick = (now: number) => {
    if (!playing) return;
    if (now - last >= 1000 / stepsPerSecond()) {
      last = now;
      if (!stepper.step()) return pause();
    }
    frame = requestAnimationFrame(tick);
  };
  function play() {
    if (playing) return;
    playing = true;
    last = 0;
    frame = requestAnimationFrame(tick);
    render();
  }
  function pause() {
    playing = false;
    cancelAnimationFrame(frame);
    render();
  }

  playButton.addEventListener('click', () => (playing ? pause() : play()));
  stepButton.addEventListener('click', () => { pause(); stepper.step(); });
  resetButton.addEventListener('click', () => { pause(); stepper.reset(); });
  document.addEventListener('keydown', (event) => {
    const target = event.target as HTMLElement | null;
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (target?.closest('input, select, textarea, button, [contenteditable]') && event.key === ' ') return;
    if (target?.closest('input, select, textarea, [contenteditable]')) return;
    if (event.key === ' ') { event.preventDefault(); playButton.click(); }
    else if (event.key === 'ArrowRight') { event.preventDefault(); stepButton.click(); }
    else if (event.key === 'r' || event.key === 'R') resetButton.click();
  });
  render();
  const element = el('div', { class: 'player', role: 'group', 'aria-label': text.keysHelp },
    playButton, stepButton, resetButton, el('p', { class: 'keys-help' }, text.keysHelp));
  return { element, play, pause, get playing() { return playing; } };
}
