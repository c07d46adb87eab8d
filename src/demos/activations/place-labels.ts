/**
 * Greedy placement of short plot labels: each label takes the first of its candidate
 * positions that stays inside the plot and clear of the labels placed before it.
 * A label that fits nowhere is left out (the readout table still carries its number).
 * Sizes are estimated from the text (no DOM measuring), generously.
 */
export interface LabelCandidate {
  readonly x: number;
  /** Baseline. */
  readonly y: number;
  readonly anchor: 'start' | 'middle' | 'end';
}

export interface PlacedLabel extends LabelCandidate {
  readonly text: string;
}

interface Box { left: number; right: number; top: number; bottom: number }

export function estimateWidth(text: string, fontSize: number): number {
  let width = 0;
  for (const char of text) width += (char.codePointAt(0)! > 0x2000 ? 1.05 : 0.62) * fontSize;
  return width;
}

function boxOf(candidate: LabelCandidate, width: number, fontSize: number): Box {
  const left = candidate.anchor === 'start' ? candidate.x : candidate.anchor === 'end' ? candidate.x - width : candidate.x - width / 2;
  return { left, right: left + width, top: candidate.y - fontSize, bottom: candidate.y + 0.25 * fontSize };
}

const overlaps = (a: Box, b: Box) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

export function placeLabels(
  labels: readonly { text: string; candidates: readonly LabelCandidate[] }[],
  area: { width: number; height: number },
  fontSize: number,
): PlacedLabel[] {
  const taken: Box[] = [];
  return labels.flatMap(({ text, candidates }) => {
    const width = estimateWidth(text, fontSize);
    const fits = (c: LabelCandidate) => {
      const box = boxOf(c, width, fontSize);
      return box.left >= 0 && box.right <= area.width && box.top >= 0 && box.bottom <= area.height && !taken.some((t) => overlaps(t, box));
    };
    const chosen = candidates.find(fits);
    if (!chosen) return [];
    taken.push(boxOf(chosen, width, fontSize));
    return [{ ...chosen, text }];
  });
}
