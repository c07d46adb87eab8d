import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { param } from '../../src/ui/url-state/index.ts';
import { createUrlStore, MIN_REPLACE_INTERVAL_MS } from '../../src/ui/url-store.ts';

const schema = { k: param.int(0, 1000, 0), alpha: param.number(0, 2, 0.1) };

/** A window with just what the store uses: an address, a history that records its calls, and events. */
function fakeWindow(search = '') {
  const calls: { kind: 'push' | 'replace'; url: string }[] = [];
  const entries = [`/demo/${search}`];
  let index = 0;
  const listeners = new Map<string, (() => void)[]>();
  const location = {
    pathname: '/demo/',
    hash: '',
    get search() {
      const url = entries[index];
      return url.includes('?') ? url.slice(url.indexOf('?')) : '';
    },
  };
  const history = {
    pushState(_: unknown, __: string, url: string) {
      calls.push({ kind: 'push', url });
      entries.splice(index + 1, entries.length, url);
      index += 1;
    },
    replaceState(_: unknown, __: string, url: string) {
      calls.push({ kind: 'replace', url });
      entries[index] = url;
    },
  };
  const win = {
    location,
    history,
    addEventListener(type: string, listener: () => void) {
      listeners.set(type, [...(listeners.get(type) ?? []), listener]);
    },
  };
  const fire = (type: string) => {
    for (const listener of listeners.get(type) ?? []) listener();
  };
  const back = () => {
    index -= 1;
    fire('popstate');
  };
  return { win: win as unknown as Window, calls, entries: () => entries.slice(), fire, back };
}

describe('URL store: how the address follows the state', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('changes the state at once, and rewrites the address at most once per interval while an animation plays', () => {
    const page = fakeWindow();
    const store = createUrlStore(schema, page.win);
    for (let k = 1; k <= 30; k++) {
      store.set({ k }, 'replace');
      expect(store.get().k).toBe(k);
      vi.advanceTimersByTime(1000 / 60);
    }
    // 30 steps at 60 a second take half a second: the first is written, then one per interval.
    const replaces = page.calls.filter((call) => call.kind === 'replace');
    expect(replaces.length).toBeLessThanOrEqual(1 + Math.ceil(500 / MIN_REPLACE_INTERVAL_MS));
    expect(replaces[0].url).toBe('/demo/?k=1');
    // The last step reaches the address once the interval has passed: nothing is lost.
    vi.advanceTimersByTime(MIN_REPLACE_INTERVAL_MS);
    expect(page.entries()).toEqual(['/demo/?k=30']);
    expect(page.calls.some((call) => call.kind === 'push')).toBe(false);
  });

  it('keeps Safari’s limit of 100 rewrites in 30 seconds while a pulse plays at 60 steps a second', () => {
    const page = fakeWindow();
    const store = createUrlStore(schema, page.win);
    for (let k = 1; k <= 30 * 60; k++) {
      store.set({ k: k % 1000 }, 'replace');
      vi.advanceTimersByTime(1000 / 60);
    }
    expect(page.calls.length).toBeLessThanOrEqual(100);
    expect(page.calls.length).toBeGreaterThan(30);
  });

  it('writes a committed change at once, after giving the entry it leaves the state that entry showed', () => {
    const page = fakeWindow();
    const store = createUrlStore(schema, page.win);
    store.set({ k: 1 }, 'replace');
    store.set({ k: 2 }, 'replace');
    store.set({ k: 3 }, 'replace');
    store.set({ alpha: 0.5 });
    expect(page.entries()).toEqual(['/demo/?k=3', '/demo/?k=3&alpha=0.5']);
    page.back();
    expect(store.get()).toEqual({ k: 3, alpha: 0.1 });
  });

  it('writes the pending address when the page is left, and drops it when the user goes back', () => {
    const page = fakeWindow();
    const store = createUrlStore(schema, page.win);
    store.set({ k: 1 }, 'replace');
    store.set({ k: 2 }, 'replace');
    page.fire('pagehide');
    expect(page.entries()).toEqual(['/demo/?k=2']);

    store.set({ alpha: 1 });
    store.set({ k: 7 }, 'replace');
    store.set({ k: 8 }, 'replace');
    page.back();
    vi.advanceTimersByTime(MIN_REPLACE_INTERVAL_MS);
    // The entry gone back to is not overwritten by a write meant for the one that was left.
    expect(page.entries()[0]).toBe('/demo/?k=2');
    expect(store.get().k).toBe(2);
  });

  it('does not write the address while a slider is dragged (live)', () => {
    const page = fakeWindow('?k=4');
    const store = createUrlStore(schema, page.win);
    store.set({ alpha: 0.7 }, 'live');
    vi.advanceTimersByTime(MIN_REPLACE_INTERVAL_MS * 2);
    expect(page.calls).toEqual([]);
    expect(store.get().alpha).toBe(0.7);
  });
});
