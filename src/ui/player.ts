import { el } from './dom.ts';
import type { Lang } from './i18n.ts';
import { keyBelongsToPage, takeKey, watchFocusOrigin } from './page-keys.ts';
import { sharedStrings } from './strings.ts';

/**
 * Play / pause / step / reset for an animation that advances in discrete steps.
 * With prefers-reduced-motion nothing plays by itself: the buttons still step.
 * Keys: Space play/pause, → step, R reset, whenever they belong to the page (page-keys.ts: not while
 * a control reached by keyboard or a text field has focus).
 * On a phone the player is a bar fixed to the bottom of the screen (demo.css), over the picture it drives.
 */
export interface Stepper {
  /** Advances one step; returns false when there is nothing left to do (playing stops). */
  step(): boolean;
  reset(): void;
  /** False when a step would go past the end (e.g. a diverged state): Play and Step are disabled. */
  canStep?(): boolean;
}

/** What the player shows: whether it plays, and whether a step is possible. */
export interface PlayerState {
  readonly playing: boolean;
  readonly canStep: boolean;
}

export interface Player {
  readonly element: HTMLElement;
  play(): void;
  pause(): void;
  /** One step, as the Step button: pauses first. */
  step(): void;
  /** As the Reset button: pauses, then resets the stepper. */
  reset(): void;
  /** Re-reads `canStep` (call after the state changed from outside the player). */
  refresh(): void;
  readonly playing: boolean;
  /** Calls `listener` after every change of the player's state; returns the way to stop. */
  subscribe(listener: (state: PlayerState) => void): () => void;
}

/**
 * How playing advances: `ticks` steps the stepper `perSecond()` times a second; `runsItself` means the
 * demo advances on its own while playing (it follows the player through `subscribe`), so the player
 * never calls `step()` except for a single step by button or key.
 */
export type Pace = { readonly ticks: true; readonly perSecond: () => number } | { readonly ticks: false };

export const prefersReducedMotion = (): boolean =>
  typeof matchMedia === 'function' && matchMedia('(prefers-reduced-motion: reduce)').matches;

export function createPlayer(stepper: Stepper, lang: Lang, pace: Pace): Player {
  const text = sharedStrings[lang];
  const playButton = el('button', { type: 'button', class: 'primary', 'data-action': 'play' }, text.play);
  const stepButton = el('button', { type: 'button', 'data-action': 'step' }, text.step);
  const resetButton = el('button', { type: 'button', 'data-action': 'reset' }, text.reset);
  let frame = 0;
  let last = 0;
  let playing = false;
  let shown: PlayerState = { playing: false, canStep: true };
  const listeners = new Set<(state: PlayerState) => void>();

  const render = () => {
    const able = stepper.canStep?.() ?? true;
    if (!able && playing) {
      playing = false;
      cancelAnimationFrame(frame);
    }
    playButton.textContent = playing ? text.pause : text.play;
    playButton.setAttribute('aria-pressed', String(playing));
    playButton.disabled = !able;
    stepButton.disabled = !able;
    if (shown.playing === playing && shown.canStep === able) return;
    shown = { playing, canStep: able };
    listeners.forEach((listener) => {
      listener(shown);
    });
  };
  const tick = (now: number) => {
    if (!playing || !pace.ticks) return;
    if (now - last >= 1000 / pace.perSecond()) {
      last = now;
      if (!stepper.step() || !(stepper.canStep?.() ?? true)) return pause();
    }
    frame = requestAnimationFrame(tick);
  };
  function play() {
    if (playing || !(stepper.canStep?.() ?? true)) return;
    playing = true;
    last = 0;
    if (pace.ticks) frame = requestAnimationFrame(tick);
    render();
  }
  function pause() {
    playing = false;
    cancelAnimationFrame(frame);
    render();
  }

  function step() {
    pause();
    if (stepper.canStep?.() ?? true) stepper.step();
    render();
  }
  function reset() {
    pause();
    stepper.reset();
    render();
  }
  playButton.addEventListener('click', () => (playing ? pause() : play()));
  stepButton.addEventListener('click', step);
  resetButton.addEventListener('click', reset);
  const buttonForKey = new Map([
    [' ', playButton],
    ['ArrowRight', stepButton],
    ['r', resetButton],
    ['R', resetButton],
  ]);
  watchFocusOrigin();
  document.addEventListener('keydown', (event) => {
    const button = buttonForKey.get(event.key);
    if (!button || !keyBelongsToPage(event)) return;
    takeKey(event);
    button.click();
  });
  render();
  const element = el(
    'div',
    { class: 'player', role: 'group', 'aria-label': text.keysHelp },
    playButton,
    stepButton,
    resetButton,
    el('p', { class: 'keys-help' }, text.keysHelp),
  );
  return {
    element,
    play,
    pause,
    step,
    reset,
    refresh: render,
    get playing() {
      return playing;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
