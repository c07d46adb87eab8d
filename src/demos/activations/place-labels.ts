import { type Box, crosses, overlaps, type Segment, segmentsCross } from './label-geometry.ts';
import { estimateWidth, type LabelAnchor, labelBox, labelLines } from './label-size.ts';

/**
 * Placement of short plot labels: each label takes one of its candidate positions inside the plot,
 * clear of the obstacles (markers), of the other labels and of their leader lines, with its own
 * leader line (if any) crossing no label and no other leader. A candidate's cost is its own (by
 * default its rank) plus the clutter it would cover (curves under it). Labels are placed greedily,
 * cheapest position first, in the given order, then in the orders after it until every label has
 * found room (or, on request, through every order for the cheapest). A label that fits nowhere is
 * left out (the readout table still carries its number); earlier labels are left out last.
 */
export interface LabelCandidate extends LabelAnchor {
  /** Lower is better; the candidate's rank in its list when left out. */
  readonly cost?: number;
  /** A line from what the label names to the label, when it sits away from it. */
  readonly leader?: Segment | null;
}

export interface PlacedLabel extends LabelCandidate {
  readonly text: string;
}

export interface PlacementOptions {
  /** Boxes no label may cover (markers). */
  readonly obstacles?: readonly Box[];
  /** What a label covering `box` costs besides its candidate's own cost (e.g. curves under it). */
  readonly clutter?: (box: Box) => number;
  /**
   * Try every order (up to MAX_ORDERS) and keep the placement that leaves out the fewest, then
   * costs the least in all. By default the given order stands whenever it places every label.
   */
  readonly cheapestOrder?: boolean;
}

/** The next order in lexicographic order (in place); false after the last one. */
function nextOrder(order: number[]): boolean {
  let i = order.length - 2;
  while (i >= 0 && order[i] > order[i + 1]) i--;
  if (i < 0) return false;
  let j = order.length - 1;
  while (order[j] < order[i]) j--;
  [order[i], order[j]] = [order[j], order[i]];
  order.splice(i + 1, order.length, ...order.slice(i + 1).reverse());
  return true;
}

/** Extra space between labels side by side. */
const LABEL_GAP = 8;

/** Orders tried before settling for one that leaves a label out. */
const MAX_ORDERS = 120;

export function placeLabels(
  labels: readonly { text: string; candidates: readonly LabelCandidate[] }[],
  area: { width: number; height: number },
  fontSize: number,
  { obstacles = [], clutter = () => 0, cheapestOrder = false }: PlacementOptions = {},
): PlacedLabel[] {
  // Each label's positions inside the plot and clear of the obstacles, cheapest first.
  const options = labels.map(({ text, candidates }) => {
    const width = estimateWidth(text, fontSize);
    const lines = labelLines(text).length;
    return candidates
      .flatMap((candidate, rank) => {
        const box = labelBox(candidate, width, fontSize, lines);
        const inside = box.left >= 0 && box.right <= area.width && box.top >= 0 && box.bottom <= area.height;
        if (!inside || obstacles.some((o) => overlaps(o, box))) return [];
        return [{ candidate, box, cost: (candidate.cost ?? rank) + clutter(box) }];
      })
      .sort((a, b) => a.cost - b.cost);
  });
  type Option = (typeof options)[number][number];
  // Two labels on one line keep a word's space apart, or they read as one.
  const spaced = (box: Box): Box => ({ ...box, left: box.left - LABEL_GAP, right: box.right + LABEL_GAP });
  const clear = (a: Option, b: Option) => {
    const [la, lb] = [a.candidate.leader, b.candidate.leader];
    return (
      !overlaps(spaced(a.box), b.box) && !(la && crosses(la, b.box)) && !(lb && crosses(lb, a.box)) && !(la && lb && segmentsCross(la, lb))
    );
  };

  // Greedy in one order: each label takes its cheapest position clear of the labels placed so far.
  const placeInOrder = (order: readonly number[]) => {
    const picks = new Map<number, Option>();
    for (const index of order) {
      const placed = [...picks.values()];
      const pick = options[index].find((option) => placed.every((other) => clear(option, other)));
      if (pick) picks.set(index, pick);
    }
    return picks;
  };
  // Which labels a placement leaves out matters: an earlier label outranks all the later ones together.
  const rank = (picks: Map<number, Option>) => labels.reduce((sum, _, i) => sum + (picks.has(i) ? 2 ** (labels.length - i) : 0), 0);
  const cost = (picks: Map<number, Option>) => [...picks.values()].reduce((sum, pick) => sum + pick.cost, 0);
  const better = (next: Map<number, Option>, best: Map<number, Option>) =>
    rank(next) > rank(best) || (cheapestOrder && rank(next) === rank(best) && cost(next) < cost(best));
  // The given order first (earlier labels get the better places); the next orders until all fit,
  // or through all of them for the cheapest placement.
  const order = labels.map((_, i) => i);
  let best = placeInOrder(order);
  for (let tried = 1; tried < MAX_ORDERS && (cheapestOrder || best.size < labels.length) && nextOrder(order); tried++) {
    const next = placeInOrder(order);
    if (better(next, best)) best = next;
  }
  return labels.flatMap(({ text }, i) => {
    const pick = best.get(i);
    return pick ? [{ ...pick.candidate, text }] : [];
  });
}
