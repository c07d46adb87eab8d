import { afterEach, describe, expect, it } from 'vitest';
import { withEnv } from '../../src/deck/scoped-env.ts';

const NAME = 'SCOPED_ENV_TEST_VARIABLE';

describe('withEnv', () => {
  afterEach(() => {
    delete process.env[NAME];
  });

  it('sets a variable while its run runs and restores what was there after', async () => {
    process.env[NAME] = 'before';
    const seen = await withEnv({ [NAME]: 'during' }, async () => process.env[NAME]);
    expect(seen).toBe('during');
    expect(process.env[NAME]).toBe('before');
  });

  it('keeps the value until the last of several runs sharing it has finished', async () => {
    let finishFirst = () => {};
    const first = withEnv({ [NAME]: 'shared' }, () => new Promise<void>((resolve) => (finishFirst = resolve)));
    let seenBySecondAfterFirst: string | undefined;
    const second = withEnv({ [NAME]: 'shared' }, async () => {
      finishFirst();
      await first;
      seenBySecondAfterFirst = process.env[NAME];
    });
    await Promise.all([first, second]);
    expect(seenBySecondAfterFirst).toBe('shared');
    expect(process.env[NAME]).toBeUndefined();
  });

  it('refuses another value for a variable a running export holds, and still restores it', async () => {
    let finish = () => {};
    const holder = withEnv({ [NAME]: 'one' }, () => new Promise<void>((resolve) => (finish = resolve)));
    await expect(withEnv({ [NAME]: 'two' }, async () => 'ran')).rejects.toThrow(`${NAME} is already set to another value`);
    expect(process.env[NAME]).toBe('one');
    finish();
    await holder;
    expect(process.env[NAME]).toBeUndefined();
  });

  it('restores the variable when the run throws', async () => {
    await expect(
      withEnv({ [NAME]: 'x' }, async () => {
        throw new Error('export failed');
      }),
    ).rejects.toThrow('export failed');
    expect(process.env[NAME]).toBeUndefined();
  });
});
