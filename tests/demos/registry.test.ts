import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoLinkProblem, demoReferenceProblem, qrSvg } from '../../src/deck/demo-references.ts';
import { renderingWith } from '../../src/deck/export-settings.ts';
import { createMarp, loadMarpConfig } from '../../src/deck/marp-config.ts';
import { defaultDeckPath, projectRoot } from '../../src/deck/project-paths.ts';
import { printedShortAddress, shortCode } from '../../src/deck/short-links.ts';
import { backSlide, DEMO_IDS, DEMOS, demoEntry, demoHref, firstSlide, slidesOf } from '../../src/demos/registry.ts';
import { DEMO_SCHEMAS } from '../../src/demos/schemas.ts';
import { pageSchema } from '../../src/ui/page-schema.ts';
import { readState } from '../../src/ui/url-state/index.ts';

describe('the demo registry: one truth for which slide shows which demo in which state', () => {
  it('lists every demo once, and only demos that have a page', () => {
    expect(DEMOS.map((demo) => demo.id).sort()).toEqual([...DEMO_IDS].sort());
    for (const id of DEMO_IDS) expect(readFileSync(join(projectRoot, 'src', 'demos', id, 'index.html'), 'utf8')).toContain('main.ts');
  });

  it.each(DEMOS.flatMap((demo) => slidesOf(demo).map((slide) => [demo.id, slide] as const)))(
    '%s on slide %i: a state its URL schema takes as given',
    (id, slide) => {
      const query = demoEntry(id).slides[slide];
      const { state, notices } = readState(
        { ...DEMO_SCHEMAS[id], ...pageSchema(firstSlide(id)) },
        demoHref(demoEntry(id), slide).split('?')[1],
      );
      expect(notices).toEqual([]);
      expect(state.from).toBe(slide);
      expect(demoReferenceProblem(`demo:${id}`, slide)).toBeNull();
      expect(demoHref(demoEntry(id), slide)).toBe(`demos/${id}/?${query ? `${query}&` : ''}from=${slide}`);
    },
  );

  it('sends a page whose URL gives a slide’s whole state but no `from` back to that slide', () => {
    expect(backSlide('training', '?scene=dawn')).toBe(24);
    expect(backSlide('training', '?scene=deepTanh&depth=40')).toBe(20);
    expect(backSlide('backprop', '?step=6')).toBe(12);
    expect(backSlide('backprop', '?focus=a&step=13')).toBe(15);
    expect(backSlide('activations', '?x=2&lang=en')).toBe(22);
    // Part of a state, a repeated or another value: the demo's first slide.
    expect(backSlide('gradient-chain', '?act=sigmoid-relu&depth=100')).toBe(19);
    expect(backSlide('training', '?scene=dawn&scene=deepTanh')).toBe(19);
    expect(backSlide('training', '?scene=sunrise')).toBe(19);
    expect(backSlide('descent', '')).toBe(10);
    // Every slide's own link goes back to that slide even without its `from`.
    for (const demo of DEMOS) {
      for (const slide of slidesOf(demo)) {
        const query = demo.slides[slide];
        const first = slidesOf(demo).find((other) => demo.slides[other] === query);
        expect(backSlide(demo.id, `?${query}`)).toBe(query === '' ? firstSlide(demo.id) : first);
      }
    }
  });

  it('names what is wrong with a reference: unknown demo, a slide the registry does not list, a state in the deck', () => {
    expect(demoReferenceProblem('demo:descnt', 10)).toMatch(/unknown demo "demo:descnt" \(known: demo:composition, demo:descent/);
    expect(demoReferenceProblem('demo:descent', 11)).toBe(
      'demo:descent has no state for slide 11: src/demos/registry.ts lists it on slides 10',
    );
    expect(demoReferenceProblem('demo:training?scene=sunrise', 19)).toMatch(/write the demo alone/);
  });

  it('accepts a link written straight to a demo only when it is exactly what the registry gives that slide', () => {
    expect(demoLinkProblem('demos/training/?scene=deepSigmoid&from=19', 19)).toBeNull();
    expect(demoLinkProblem('demos/training/?scene=sunrise&from=19', 19)).toMatch(
      /does not open the state .* slide 19 \(demos\/training\/\?scene=deepSigmoid&from=19\)/,
    );
    expect(demoLinkProblem('demos/descent/?from=99', 10)).toMatch(/does not open the state/);
    expect(demoLinkProblem('demos/descnt/', 10)).toMatch(/unknown demo/);
  });

  it('is what README’s demo table says', () => {
    const readme = readFileSync(join(projectRoot, 'README.md'), 'utf8');
    const rows = [...readme.matchAll(/^\| `demos\/([a-z-]+)\/` \| ([\d, ]+) \|/gm)].map(([, id, slides]) => [id, slides]);
    expect(rows).toEqual(DEMOS.map((demo) => [demo.id, slidesOf(demo).join(', ')]));
  });
});

describe('demo references in the deck (the markdown-it plugin of marp.config.mjs)', () => {
  const render = async (markdown: string) => {
    const marp = await createMarp(await loadMarpConfig());
    return marp.render(markdown, { htmlAsArray: true }).html;
  };

  it('turns demo:<id> into the link to the registry’s state for the slide it is on', async () => {
    const slides = Array.from({ length: 19 }, (_, i) => (i === 18 ? '[▶ ライブデモ](demo:gradient-chain)' : `# ${i + 1}`));
    const html = await render(`---\nmarp: true\n---\n\n${slides.join('\n\n---\n\n')}`);
    expect(html[18]).toContain(
      '<a href="demos/gradient-chain/?act=sigmoid&amp;from=19" class="demo-link" data-short="19">▶ ライブデモ</a>',
    );
    expect(html[18]).not.toContain('data-demo-error');
  });

  it('makes a slide figure that is a demo the place of its live demo, drawing nothing itself; a wrong one is marked', async () => {
    const slides = Array.from({ length: 25 }, (_, i) => (i === 24 ? '![bg right:62%](demo:training)\n\n# 20層' : `# ${i + 1}`));
    const html = await render(`---\nmarp: true\n---\n\n${slides.join('\n\n---\n\n')}`);
    expect(html[24]).toContain('data-embed="demos/training/?scene=dawn&amp;from=25&amp;embed=1&amp;sync=slide-25"');
    expect(html[24]).toMatch(/background-image:url\(&quot;data:image\/svg\+xml,/);
    const wrong = await render('---\nmarp: true\n---\n\n![bg right:50%](demo:training)');
    expect(wrong[0]).toMatch(/data-demo-error="demo:training has no state for slide 1/);
    expect(wrong[0]).not.toContain('demo:training&quot;)');
  });

  it('gives every slide with a demo a cue in its speaker notes: what to show in the demo', async () => {
    const marp = await createMarp(await loadMarpConfig());
    const { comments } = marp.render(readFileSync(defaultDeckPath, 'utf8'));
    const slides = [...new Set(DEMOS.flatMap((demo) => slidesOf(demo)))].sort((a, b) => a - b);
    const uncued = slides.filter((slide) => {
      const cue = /デモ：([^\n]*)/.exec(comments[slide - 1].join('\n'))?.[1] ?? '';
      // One or two sentences, each ending with 。
      return !/^[^。]+。([^。]+。)?$/.test(cue.trim());
    });
    expect(uncued).toEqual([]);
  });

  it('makes demo:index the link to the front page of every demo; a handout gives it a QR code and the site’s address', async () => {
    const deck = '---\nmarp: true\n---\n\n# まとめ\n\n[▶ すべてのライブデモ](demo:index)';
    const [html] = await render(deck);
    expect(html).toContain('<a href="index.html" class="demo-link demo-front">▶ すべてのライブデモ</a>');
    const marp = await createMarp(await loadMarpConfig());
    const base = 'https://presenter-name.github.io/relu-deck/';
    const [handout] = renderingWith({ DECK_LINK_BASE: base }, () => marp.render(deck, { htmlAsArray: true }).html);
    expect(handout).toContain(`href="${base}index.html"`);
    expect(handout).toContain('<svg class="demo-qr"');
    expect(handout.replace(/<[^>]*>/g, '')).toContain('presenter-name.github.io/relu-deck/');
    expect(handout).not.toContain('go/');
  });

  it('names each demo link of a slide by its short code, in order, in the HTML deck too', async () => {
    const deck = `---\nmarp: true\n---\n\n${Array.from({ length: 18 }, (_, i) => `# ${i + 1}`).join('\n\n---\n\n')}\n\n---\n\n![▶](demo:gradient-chain) [▶](demo:training)`;
    const html = await render(deck);
    expect([...html[18].matchAll(/data-short="([^"]*)"/g)].map(([, code]) => code)).toEqual(['19', '19b']);
    expect(html[0]).not.toContain('data-short');
  });

  it('marks a reference the registry cannot answer, for validation to report', async () => {
    const html = await render('---\nmarp: true\n---\n\n[▶](demo:descnt)');
    expect(html[0]).toContain('href="#"');
    expect(html[0]).toMatch(/data-demo-error="unknown demo &quot;demo:descnt&quot;/);
  });
});

describe('a demo link in a handout', () => {
  it('prints a short address a person can type: the site without its scheme, then go/<slide>, a letter for a second link', () => {
    expect(printedShortAddress('https://example.org/talk/', shortCode(20, 0))).toBe('example.org/talk/go/20');
    expect(printedShortAddress('https://example.org/talk/', shortCode(19, 1))).toBe('example.org/talk/go/19b');
    expect(printedShortAddress('http://192.168.1.5:4173/', shortCode(7, 0))).toBe('192.168.1.5:4173/go/7');
  });

  it('draws its QR code as one square path with a 4-module quiet zone', () => {
    const svg = qrSvg('https://example.org/talk/demos/descent/?from=10');
    const side = Number(/viewBox="0 0 (\d+) \1"/.exec(svg)?.[1]);
    // Version 3 or 4 at level M for a URL this long: 29 or 33 modules, plus 8 for the quiet zone.
    expect([37, 41]).toContain(side);
    expect(svg.match(/<path /g)).toHaveLength(1);
  });
});

describe('every demo of the deck', () => {
  it('is referenced on exactly the slides the registry lists', async () => {
    const marp = await createMarp(await loadMarpConfig());
    const markdown = readFileSync(join(projectRoot, 'slides', 'deck.md'), 'utf8');
    const { html } = marp.render(markdown, { htmlAsArray: true });
    const shown = html.flatMap((slide, index) => [...slide.matchAll(/href="demos\/([a-z-]+)\//g)].map(([, id]) => `${id}@${index + 1}`));
    const registered = DEMOS.flatMap((demo) => slidesOf(demo).map((slide) => `${demo.id}@${slide}`));
    expect(shown.sort()).toEqual(registered.sort());
  });
});
