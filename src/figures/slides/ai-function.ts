/** "AI is a function": a cat photo goes in, the function f inside the AI box maps it to the category ねこ. */

import { palette } from '../../ui/palette.ts';
import { tint } from '../color.ts';
import { Figure, type RenderedFigure } from '../figure.ts';
import { arrow, roundedBox } from '../shapes.ts';
import { el } from '../svg.ts';
import { catFace } from './characters.ts';

const CX = 272;

export function aiFunctionFigure(): RenderedFigure {
  const fig = new Figure(512, 720, 'AIは関数: 入力(ねこの写真)→ AI(関数 f)→ 出力「ねこ」');

  // Input: a photo in a frame.
  fig.add(
    el('rect', { x: CX - 108, y: 30, width: 216, height: 232, rx: 10, fill: palette.paper, stroke: palette.ink, 'stroke-width': 3 }),
    el('rect', { x: CX - 94, y: 44, width: 188, height: 176, rx: 4, fill: tint(palette.primary, 0.14) }),
    catFace(CX, 138, 0.92),
  );
  fig.text('入力', { x: 20, y: 146, size: 28, baseline: 'middle', fill: palette.muted, bold: true });

  fig.add(arrow({ x: CX, y: 274 }, { x: CX, y: 332 }, { color: palette.muted, width: 5 }));

  // The AI: a function f.
  fig.add(roundedBox(CX - 130, 344, 260, 140, { fill: palette.primary }));
  fig.text('AI', { x: CX, y: 390, size: 52, anchor: 'middle', baseline: 'middle', bold: true, fill: palette.paper });
  fig.math('\\text{関数 } f', { x: CX, y: 448, size: 34, anchor: 'middle', baseline: 'middle', fill: palette.paper });

  fig.add(arrow({ x: CX, y: 496 }, { x: CX, y: 554 }, { color: palette.muted, width: 5 }));

  // Output: a category.
  fig.add(roundedBox(CX - 100, 566, 200, 84, { fill: palette.paper, stroke: palette.accent, 'stroke-width': 4 }));
  fig.text('ねこ', { x: CX, y: 608, size: 46, anchor: 'middle', baseline: 'middle', bold: true, fill: palette.accent });
  fig.text('出力', { x: 20, y: 608, size: 28, baseline: 'middle', fill: palette.muted, bold: true });
  fig.text('(カテゴリー)', { x: CX, y: 692, size: 26, anchor: 'middle', fill: palette.muted });
  return fig.render();
}
