/** Each of a `#rrggbb` colour's channels through `map` (0–255 in, rounded and clamped out). */
function mapChannels(hex: string, map: (channel: number) => number): string {
  const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
  return `#${channels
    .map((c) =>
      Math.min(255, Math.max(0, Math.round(map(c))))
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/** Opaque tints of palette colours (mixed with white), for fills behind ink. */
export function tint(hex: string, amount: number): string {
  return mapChannels(hex, (c) => c + (255 - c) * (1 - amount));
}

/** A colour with every channel scaled by `factor`: CSS `filter: brightness(factor)` baked into the colour. */
export function dim(hex: string, factor: number): string {
  return mapChannels(hex, (c) => c * factor);
}
