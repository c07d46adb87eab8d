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

/** What the player shows: whether it plays, whether a step is possible, and whether another window drives it. */
export interface PlayerState {
  readonly playing: boolean;
  readonly canStep: boolean;
  readonly following: boolean;
}

export type PlayerAction = 'play' | 'pause' | 'step' | 'reset';

/** Another window that plays this demo (sync.ts): whether it plays, and how to hand it an action. */
export interface Leader {
  readonly playing: boolean;
  act(action: PlayerAction): void;
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
  /**
   * Follows another window (null: plays by itself again). While following, the player plays nothing
   * itself: it shows the leader's playing, and play, pause, step and reset (buttons, keys, calls) go
   * to the leader, whose changes come back as state.
   */
  follow(leader: Leader | null): void;
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
  let leader: Leader | null = null;
  let shown: PlayerState = { playing: false, canStep: true, following: false };
  const listeners = new Set<(state: PlayerState) => void>();
  const showsPlaying = () => (leader ? leader.playing : playing);

  const render = () => {
    const able = stepper.canStep?.() ?? true;
    if (!able && playing) {
      playing = false;
      cancelAnimationFrame(frame);
    }
    const now = { playing: showsPlaying(), canStep: able, following: leader !== null };
    playButton.textContent = now.playing ? text.pause : text.play;
    playButton.setAttribute('aria-pressed', String(now.playing));
    playButton.disabled = !able;
    stepButton.disabled = !able;
    if (shown.playing === now.playing && shown.canStep === now.canStep && shown.following === now.following) return;
    shown = now;
    listeners.forEach((listener) => {
      listener(shown);
    });
  };
  const tick = (now: number) => {
    if (!playing || !pace.ticks) return;
    if (now - last >= 1000 / pace.perSecond()) {
      last = now;
      if (!stepper.step() || !(stepper.canStep?.() ?? true)) return stop();
    }
    frame = requestAnimationFrame(tick);
  };
  function play() {
    if (leader) return leader.act('play');
    if (playing || !(stepper.canStep?.() ?? true)) return;
    playing = true;
    last = 0;
    if (pace.ticks) frame = requestAnimationFrame(tick);
    render();
  }
  function pause() {
    if (leader) return leader.act('pause');
    stop();
  }
  function stop() {
    playing = false;
    cancelAnimationFrame(frame);
    render();
  }

  function step() {
    if (leader) return leader.act('step');
    stop();
    if (stepper.canStep?.() ?? true) stepper.step();
    render();
  }
  function reset() {
    if (leader) return leader.act('reset');
    stop();
    stepper.reset();
    render();
  }
  function follow(next: Leader | null) {
    if (next) {
      playing = false;
      cancelAnimationFrame(frame);
    }
    leader = next;
    render();
  }
  playButton.addEventListener('click', () => (showsPlaying() ? pause() : play()));
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
    follow,
    get playing() {
      return showsPlaying();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
