import { scaleLinear } from 'd3-scale';
import { describe, expect, it } from 'vitest';
import { crosses, overlaps, segmentsCross } from '../../../src/demos/activations/label-geometry.ts';
import { estimateWidth, labelBox } from '../../../src/demos/activations/label-size.ts';
import {
  LABEL_SIZE,
  type MaximumLabels,
  markedCurves,
  markerBox,
  maximumGroups,
  maximumLabels,
} from '../../../src/demos/activations/maximum-labels.ts';
import { explorerNumbers } from '../../../src/demos/activations/model.ts';
import { activationsStrings } from '../../../src/demos/activations/strings.ts';
import { ACTIVATION_NAMES } from '../../../src/nn/activations.ts';
import { format } from '../../../src/ui/i18n.ts';

/** The f′ plot's area as the view lays it out: 480 × 300 with margins 12, 18, 52, 56. */
const WIDTH = 480 - 56 - 18;
const HEIGHT = 300 - 12 - 52;

const texts = (lang: 'ja' | 'en'): MaximumLabels => ({
  peak: (name, v) => format(activationsStrings[lang].maxMarker, { name, v }),
  plateau: (name, v, where) => format(activationsStrings[lang].plateauMarker, { name, v, where }),
});

function layout(range: number, lang: 'ja' | 'en') {
  const numbers = explorerNumbers({ show: [...ACTIVATION_NAMES], range, x: 0 });
  const x = scaleLinear().domain([-range, range]).range([0, WIDTH]);
  const y = scaleLinear().domain(numbers.dfDomain).range([HEIGHT, 0]);
  const area = { width: WIDTH, height: HEIGHT, x, y, domain: numbers.dfDomain };
  const marked = markedCurves(numbers);
  return {
    labels: maximumLabels(numbers, area, texts(lang)),
    groups: maximumGroups(marked),
    markers: marked.map((c) => markerBox(c, area)),
  };
}

describe('f′ maximum labels with all eight functions shown', () => {
  for (const lang of ['ja', 'en'] as const) {
    for (const range of [1, 2, 3, 4, 6, 8, 10, 15, 20]) {
      it(`label every maximum, none over another, a marker or a leader line, no two leaders crossing (range ±${range}, ${lang})`, () => {
        const { labels, groups, markers } = layout(range, lang);
        expect(labels).toHaveLength(groups.length);
        const boxes = labels.map((label) => labelBox(label, estimateWidth(label.text, LABEL_SIZE), LABEL_SIZE));
        boxes.forEach((box, i) => {
          expect(box.left).toBeGreaterThanOrEqual(0);
          expect(box.right).toBeLessThanOrEqual(WIDTH);
          expect(box.top).toBeGreaterThanOrEqual(0);
          expect(box.bottom).toBeLessThanOrEqual(HEIGHT);
          markers.forEach((marker) => {
            expect(overlaps(box, marker), labels[i].text).toBe(false);
          });
          boxes.forEach((other, j) => {
            if (j === i) return;
            expect(overlaps(box, other), `${labels[i].text} / ${labels[j].text}`).toBe(false);
            const leader = labels[j].leader;
            if (leader) expect(crosses(leader, box), `leader of ${labels[j].text} through ${labels[i].text}`).toBe(false);
            const own = labels[i].leader;
            if (own && leader) expect(segmentsCross(own, leader), `leaders of ${labels[i].text} and ${labels[j].text}`).toBe(false);
          });
        });
      });
    }
  }

  it('labels six maxima at the default range: σ′, tanh′, ReLU′ with Leaky ReLU′, ELU′, GELU′, SiLU′ (softplus′ peaks at the edge)', () => {
    const { labels } = layout(6, 'ja');
    expect(labels.map((l) => l.text).sort()).toEqual(
      [
        'ELU′ = 1（x ≥ 0）',
        'GELU′ の最大 1.129',
        'ReLU′・Leaky ReLU′ = 1（x > 0）',
        'SiLU′ の最大 1.0998',
        'sigmoid′ の最大 0.25',
        'tanh′ の最大 1',
      ].sort(),
    );
  });
});
