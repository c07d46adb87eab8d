import { scaleLinear } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { curvePieces } from '../../../src/demos/activations/curve-pieces.ts';
import { type Box, crosses, overlaps } from '../../../src/demos/activations/label-geometry.ts';
import { estimateWidth, LINE_HEIGHT, labelBox, labelLines } from '../../../src/demos/activations/label-size.ts';
import { type MaximumLabels, markedCurves, markerBox, maximumLabels } from '../../../src/demos/activations/maximum-labels.ts';
import { explorerNumbers } from '../../../src/demos/activations/model.ts';
import { placeLabels } from '../../../src/demos/activations/place-labels.ts';
import { activationsStrings } from '../../../src/demos/activations/strings.ts';
import type { ActivationName } from '../../../src/nn/activations.ts';
import { format } from '../../../src/ui/i18n.ts';

describe('labels of two lines', () => {
  it('are as wide as their widest line and one line height taller per extra line', () => {
    const text = 'sigmoid′\nの最大 0.25';
    expect(labelLines(text)).toEqual(['sigmoid′', 'の最大 0.25']);
    expect(estimateWidth(text, 24)).toBe(Math.max(estimateWidth('sigmoid′', 24), estimateWidth('の最大 0.25', 24)));
    const one = labelBox({ x: 10, y: 50, anchor: 'start' }, 100, 24);
    const two = labelBox({ x: 10, y: 50, anchor: 'start' }, 100, 24, 2);
    expect(two.top).toBe(one.top);
    expect(two.bottom - one.bottom).toBeCloseTo(LINE_HEIGHT * 24);
  });
});

describe('placeLabels with cheapestOrder', () => {
  // A takes the spot both want when placed first, and B then has only a costly one; B first costs 1 in all.
  const labels = [
    {
      text: 'A',
      candidates: [
        { x: 10, y: 30, anchor: 'start' as const, cost: 0 },
        { x: 10, y: 90, anchor: 'start' as const, cost: 1 },
      ],
    },
    {
      text: 'B',
      candidates: [
        { x: 10, y: 30, anchor: 'start' as const, cost: 0 },
        { x: 10, y: 150, anchor: 'start' as const, cost: 100 },
      ],
    },
  ];
  const area = { width: 200, height: 200 };
  const spots = (placed: readonly { text: string; y: number }[]) => Object.fromEntries(placed.map((p) => [p.text, p.y]));

  it('keeps the given order by default whenever it places every label', () => {
    expect(spots(placeLabels(labels, area, 17))).toEqual({ A: 30, B: 150 });
  });

  it('tries every order and keeps the cheapest placement', () => {
    expect(spots(placeLabels(labels, area, 17, { cheapestOrder: true }))).toEqual({ A: 90, B: 30 });
  });
});

/** The f′ plot's area as a slide shows it (view-plot.ts, EMBEDDED_LAYOUT): 480 × 300 with margins 12, 18, 34, 50. */
const SLIDE_WIDTH = 480 - 50 - 18;
const SLIDE_HEIGHT = 300 - 12 - 34;
const SLIDE_LABEL_SIZE = 24;

/** The labels as the slide writes them: two lines each. */
const slideTexts: MaximumLabels = {
  peak: (name, v) => format(activationsStrings.ja.maxMarkerTwoLines, { name, v }),
  plateau: (name, v, where) => format(activationsStrings.ja.plateauMarkerTwoLines, { name, v, where }),
};

/** The f′ plot of a slide's state, its labels placed as the view places them there, and what they must keep clear of. */
function slideLayout(show: ActivationName[], x: number) {
  const numbers = explorerNumbers({ show, range: 6, x });
  const sx = scaleLinear().domain([-6, 6]).range([0, SLIDE_WIDTH]);
  const sy = scaleLinear().domain(numbers.dfDomain).range([SLIDE_HEIGHT, 0]);
  const area = { width: SLIDE_WIDTH, height: SLIDE_HEIGHT, x: sx, y: sy, domain: numbers.dfDomain };
  const crosshair = { x: sx(x), dots: numbers.curves.map((c) => sy(c.atCrosshair.dy)) };
  const labels = maximumLabels(numbers, area, slideTexts, { labelSize: SLIDE_LABEL_SIZE, clutterCost: 4, crosshair });
  // Every sample of the f′ curves in pixels, with points between samples so that none is 1 px apart or more.
  const points = numbers.curves.flatMap((c) =>
    curvePieces(c.dy, numbers.dfDomain).flatMap(([from, to]) =>
      Array.from({ length: to - from }, (_, k) => {
        const [x1, y1, x2, y2] = [sx(numbers.xs[from + k]), sy(c.dy[from + k]), sx(numbers.xs[from + k + 1]), sy(c.dy[from + k + 1])];
        const steps = Math.ceil(Math.hypot(x2 - x1, y2 - y1));
        return Array.from({ length: steps }, (_, s) => [x1 + ((x2 - x1) * s) / steps, y1 + ((y2 - y1) * s) / steps] as const);
      }).flat(),
    ),
  );
  // The text itself: the label's box without its white halo.
  const halo = 3;
  const curvesThrough = (box: Box) =>
    points.filter(([px, py]) => px > box.left + halo && px < box.right - halo && py > box.top + halo && py < box.bottom - halo).length;
  const dots: Box[] = crosshair.dots.map((y) => ({ left: crosshair.x - 7, right: crosshair.x + 7, top: y - 7, bottom: y + 7 }));
  return {
    labels,
    boxes: labels.map((l) => labelBox(l, estimateWidth(l.text, SLIDE_LABEL_SIZE), SLIDE_LABEL_SIZE, labelLines(l.text).length)),
    markers: markedCurves(numbers).map((c) => markerBox(c, area)),
    dots,
    crosshairX: crosshair.x,
    curvesThrough,
  };
}

describe('f′ maximum labels in the slides’ boxes (24 px, two lines)', () => {
  for (const [slide, show, x, expected] of [
    [20, ['sigmoid', 'tanh'], 0, ['sigmoid′\nの最大 0.25', 'tanh′\nの最大 1']],
    [22, ['sigmoid', 'tanh', 'relu'], 2, ['sigmoid′\nの最大 0.25', 'tanh′\nの最大 1', 'ReLU′ = 1\n(x > 0)']],
  ] as const) {
    it(`slide ${slide}: every maximum labelled, inside the plot, clear of each other, the markers, the crosshair and the curves`, () => {
      const { labels, boxes, markers, dots, crosshairX, curvesThrough } = slideLayout([...show], x);
      expect(labels.map((l) => l.text)).toEqual(expected);
      boxes.forEach((box, i) => {
        const { text, leader } = labels[i];
        expect(box.left).toBeGreaterThanOrEqual(0);
        expect(box.right).toBeLessThanOrEqual(SLIDE_WIDTH);
        expect(box.top).toBeGreaterThanOrEqual(0);
        expect(box.bottom).toBeLessThanOrEqual(SLIDE_HEIGHT);
        for (const obstacle of [...markers, ...dots]) expect(overlaps(box, obstacle), text).toBe(false);
        expect(box.left < crosshairX && crosshairX < box.right, `${text} over the crosshair`).toBe(false);
        expect(curvesThrough(box), `curves through ${text}`).toBe(0);
        boxes.forEach((other, j) => {
          if (j === i) return;
          expect(overlaps(box, other), `${text} / ${labels[j].text}`).toBe(false);
          if (leader) expect(crosses(leader, other), `leader of ${text} through ${labels[j].text}`).toBe(false);
        });
      });
    });
  }
});
