import { existsSync, readdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { type CliRun, runDeckCli } from './run-deck-cli.ts';
import { makeTempDeck, type TempDeck, validDeck } from './temp-deck.ts';

const decks: TempDeck[] = [];
afterEach(async () => {
  await Promise.all(decks.splice(0).map((deck) => deck.remove()));
});

/** Builds a temporary deck; expects failure with `expected` in the message, and nothing written. */
async function expectRejected(markdown: string, expected: RegExp, command = 'html'): Promise<CliRun> {
  const deck = await makeTempDeck(markdown);
  decks.push(deck);
  const run = await runDeckCli([command, '--deck', deck.file, '--out', deck.outDir]);
  expect(run.status, run.stdout).not.toBe(0);
  expect(run.stderr).toMatch(/slides\/deck\.md: slide 2: /);
  expect(run.stderr).toMatch(expected);
  expect(existsSync(deck.outDir) ? readdirSync(deck.outDir) : []).toEqual([]);
  return run;
}

describe('a deck with a mistake fails to build, naming the file, the slide and the mistake', () => {
  it('builds the valid deck these cases start from', async () => {
    const deck = await makeTempDeck(validDeck);
    decks.push(deck);
    const run = await runDeckCli(['html', '--deck', deck.file, '--out', deck.outDir]);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readdirSync(deck.outDir).sort()).toEqual(['deck.html', 'fonts']);
  });

  it('a missing picture', async () => {
    await expectRejected(
      validDeck.replace('# 数式', '# 数式\n\n![](../img/no-such-picture.svg)'),
      /missing picture \.\.\/img\/no-such-picture\.svg/,
    );
  });

  it('a picture from the network', async () => {
    await expectRejected(
      validDeck.replace('# 数式', '# 数式\n\n![bg right](https://example.com/a.png)'),
      /https:\/\/example\.com\/a\.png needs the network/,
    );
  });

  it('an unknown theme, in one line (not one more for every class the missing theme would have styled)', async () => {
    const run = await expectRejected(
      validDeck.replace('<!-- class: slides -->', '<!-- class: slides\ntheme: no-such-theme -->'),
      /unknown theme "no-such-theme"/,
    );
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('an unknown class', async () => {
    await expectRejected(validDeck.replace('<!-- class: slides -->', '<!-- class: slides\n_class: sldies -->'), /unknown class "sldies"/);
  });

  it('a KaTeX error (Japanese in math outside \\text{})', async () => {
    await expectRejected(validDeck.replace('\\text{のとき}', 'のとき'), /math error in \$.*のとき.*\$: .*unicodeTextInMathMode/);
  });

  it('a reference to a demo that does not exist', async () => {
    await expectRejected(validDeck.replace('# 数式', '# 数式\n\n[▶ ライブデモ](demo:descnt)'), /unknown demo "demo:descnt"/);
  });

  it('a demo on a slide the registry does not list for it', async () => {
    await expectRejected(
      validDeck.replace('# 数式', '# 数式\n\n[▶ ライブデモ](demo:descent)'),
      /demo:descent has no state for slide 2: src\/demos\/registry\.ts lists it on slides 10/,
    );
  });

  it('a hand-written demo link with a state the registry does not give (an unknown scene), in the PPTX export', async () => {
    await expectRejected(
      validDeck.replace('# 数式', '# 数式\n\n<a href="demos/training/?scene=sunrise&amp;from=2">▶</a>'),
      /link demos\/training\/\?scene=sunrise&from=2: demo:training has no state for slide 2/,
      'pptx',
    );
  });

  it('a KaTeX error, in every command (here the PDF export)', async () => {
    await expectRejected(validDeck.replace('2x$', '2x^{$'), /math error/, 'pdf');
  });
});
