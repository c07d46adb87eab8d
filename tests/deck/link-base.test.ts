import { describe, expect, it } from 'vitest';
import { DEFAULT_DEMO_BASE_URL, demoBaseUrl } from '../../src/deck/link-base.ts';

describe('demoBaseUrl', () => {
  it('defaults to the address npm start serves', () => {
    expect(demoBaseUrl({})).toBe(DEFAULT_DEMO_BASE_URL);
  });

  it('keeps a sub-path as a folder so links land under it', () => {
    expect(demoBaseUrl({ DEMO_BASE_URL: 'https://example.org/talk' })).toBe('https://example.org/talk/');
    expect(new URL('demos/descent/?from=10', demoBaseUrl({ DEMO_BASE_URL: 'https://example.org/talk' })).href).toBe(
      'https://example.org/talk/demos/descent/?from=10',
    );
  });

  it('rejects what is not an http(s) address with a clear message', () => {
    expect(() => demoBaseUrl({ DEMO_BASE_URL: 'not a url' })).toThrow(/DEMO_BASE_URL is not an absolute URL/);
    expect(() => demoBaseUrl({ DEMO_BASE_URL: 'file:///tmp/' })).toThrow(/http\(s\)/);
  });
});
