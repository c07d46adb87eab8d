import { afterEach, describe, expect, it } from 'vitest';
import { renderingWith } from '../../src/deck/export-settings.ts';

const NAME = 'SCOPED_ENV_TEST_VARIABLE';

describe('renderingWith', () => {
  afterEach(() => {
    delete process.env[NAME];
  });

  it('sets the settings for the render alone and restores what was there after', () => {
    process.env[NAME] = 'before';
    expect(renderingWith({ [NAME]: 'during' }, () => process.env[NAME])).toBe('during');
    expect(process.env[NAME]).toBe('before');
  });

  it('restores them when the render throws', () => {
    expect(() =>
      renderingWith({ [NAME]: 'x' }, () => {
        throw new Error('render failed');
      }),
    ).toThrow('render failed');
    expect(process.env[NAME]).toBeUndefined();
  });

  it('refuses an asynchronous render, which would leave them set for whatever runs meanwhile', () => {
    expect(() => renderingWith({ [NAME]: 'x' }, async () => 'later')).toThrow('synchronous');
    expect(process.env[NAME]).toBeUndefined();
  });
});
