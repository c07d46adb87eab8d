/**
 * Who a key belongs to: the demo (its shortcuts: Space, →, R) or the focused control.
 * As in a video player, a control that got focus from a mouse, pen or finger gives the shortcuts
 * back to the demo; a control reached with the keyboard (Tab) keeps its own keys (Space presses a
 * button, arrows move a slider, letters pick in a select). Esc hands the keys back to the demo.
 * Fields that take typing keep every key, however they got focus.
 */

let lastInput: 'pointer' | 'keyboard' = 'keyboard';
/** The focused element, if the pointer put focus there (or pressed it since). */
let pointerFocused: Element | null = null;
let watching = false;

const TYPING_FIELD =
  'textarea, [contenteditable]:not([contenteditable=false]), input:not([type=range], [type=checkbox], [type=radio], [type=button], [type=submit], [type=reset], [type=color], [type=file])';
const FORM_FIELD = 'input, select, textarea, [contenteditable]:not([contenteditable=false])';

/** Starts following how focus moves (once per page; later calls do nothing). */
export function watchFocusOrigin(): void {
  if (watching) return;
  watching = true;
  // Capture phase: the modality is known before focus moves and before any other listener runs.
  document.addEventListener(
    'pointerdown',
    (event) => {
      lastInput = 'pointer';
      const focused = document.activeElement;
      // A press on the control that already has focus (a slider reached by Tab, then dragged) hands it to the pointer.
      if (focused && focused !== document.body && event.target instanceof Node && focused.contains(event.target)) pointerFocused = focused;
    },
    true,
  );
  document.addEventListener(
    'keydown',
    () => {
      lastInput = 'keyboard';
    },
    true,
  );
  document.addEventListener(
    'focusin',
    (event) => {
      pointerFocused = lastInput === 'pointer' ? (event.target as Element) : null;
    },
    true,
  );
  document.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    const focused = document.activeElement;
    if (focused instanceof HTMLElement && focused !== document.body) focused.blur();
  });
}

/**
 * True when `event` (a shortcut key) belongs to the demo. The caller then acts on it and calls
 * `takeKey`, so that the control does not act on it as well.
 */
export function keyBelongsToPage(event: KeyboardEvent): boolean {
  if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return false;
  const target = event.target instanceof Element ? event.target : null;
  if (!target || target === document.body) return true;
  if (target.closest(TYPING_FIELD)) return false;
  if (target === pointerFocused) return true;
  if (target.closest(FORM_FIELD)) return false;
  // A button reached by keyboard: Space presses it, the other shortcuts still drive the demo.
  return event.key !== ' ' || !target.closest('button, [role=button]');
}

/**
 * Keeps the key from the focused control. A control the pointer had focused lets go of focus, so
 * the keys that follow go to the demo too and no keyboard focus ring appears on it.
 */
export function takeKey(event: KeyboardEvent): void {
  event.preventDefault();
  const focused = document.activeElement;
  if (focused === pointerFocused && focused instanceof HTMLElement) focused.blur();
}
