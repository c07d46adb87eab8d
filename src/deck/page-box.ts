/** A rectangle on a page or a slide's picture, as fractions of its width and height from the top left. */
export interface PageBox {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

/** The smallest box around both: one link drawn in several pieces (lines, a QR code beside its text). */
export function unionBox(a: PageBox, b: PageBox): PageBox {
  return {
    left: Math.min(a.left, b.left),
    top: Math.min(a.top, b.top),
    right: Math.max(a.right, b.right),
    bottom: Math.max(a.bottom, b.bottom),
  };
}
