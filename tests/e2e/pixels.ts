// Reading colours out of screenshots. Layers blend with the basemap (opacity), so tests
// compare distances ("closer to A than to B", "changed by more than N"), never equality.
import { Color } from '@maplibre/maplibre-gl-style-spec';
import { decode } from 'fast-png';

export type Rgb = [number, number, number];

/** Any CSS colour string → 0..255 RGB (un-premultiplied). Throws on a bad colour: test input is ours. */
export function parseColor(css: string): Rgb {
  const color = Color.parse(css);
  if (!color) throw new Error(`not a colour: ${css}`);
  const alpha = color.a || 1;
  return [color.r, color.g, color.b].map((v) => Math.round((v / alpha) * 255)) as Rgb;
}

/** Euclidean distance in RGB: 0 same, ~441 black vs white. */
export function colorDistance(a: Rgb, b: Rgb): number {
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

export function formatRgb(c: Rgb): string {
  return `rgb(${c.map((v) => Math.round(v)).join(', ')})`;
}

/** Average RGB of the (2r+1)² patch centred on CSS pixel (x, y) of a PNG screenshot at scale 1. */
export function averagePatch(png: Uint8Array, x: number, y: number, radius = 1): Rgb {
  const image = decode(png);
  if (image.depth !== 8 || image.channels < 3) throw new Error(`unexpected PNG: depth ${image.depth}, ${image.channels} channels`);
  const sum: Rgb = [0, 0, 0];
  let count = 0;
  for (let dy = -radius; dy <= radius; dy++) {
    for (let dx = -radius; dx <= radius; dx++) {
      const px = Math.round(x) + dx;
      const py = Math.round(y) + dy;
      if (px < 0 || py < 0 || px >= image.width || py >= image.height) continue;
      const offset = (py * image.width + px) * image.channels;
      for (let c = 0; c < 3; c++) sum[c] = (sum[c] ?? 0) + (image.data[offset + c] ?? 0);
      count++;
    }
  }
  if (count === 0) throw new Error(`pixel (${x}, ${y}) is outside the ${image.width}×${image.height} screenshot`);
  return sum.map((v) => v / count) as Rgb;
}
