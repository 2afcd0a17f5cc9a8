// From decoded window values to RGBA: sampling (nearest / bilinear) and colouring.
import type { CogRendering } from '../../catalogue/types';
import { categoryTable, Ramp } from './colour';

/** The decoded window of one pyramid level, one array per used band. */
export interface Window {
  bands: ArrayLike<number>[];
  mask: ArrayLike<number> | null;
  width: number;
  height: number;
  isValid: (v: number) => boolean;
}

export type Colourer = (values: number[], out: Uint8ClampedArray, at: number) => void;

export function makeColourer(rendering: CogRendering, dtype: string): Colourer {
  if (rendering.mode === 'categorical') {
    const table = categoryTable(rendering.categories ?? {});
    return (values, out, at) => {
      const colour = table.get(values[0] as number);
      if (colour) out.set(colour, at);
    };
  }
  if (rendering.mode === 'rgb') {
    const fallback = defaultStretch(dtype);
    const stretch = [0, 1, 2].map((b) => rendering.stretch?.[b] ?? rendering.stretch?.[0] ?? fallback);
    return (values, out, at) => {
      for (let b = 0; b < 3; b++) {
        const [lo, hi] = stretch[b] as [number, number];
        out[at + b] = ((values[b] as number) - lo) * (255 / (hi - lo || 1));
      }
      out[at + 3] = 255;
    };
  }
  const defaultRamp: Array<[number, string]> = rendering.product === 'hillshade' ? [[0, '#000000'], [255, '#ffffff']] : [[0, '#000000'], [90, '#ffffff']];
  const ramp = new Ramp(rendering.ramp ?? defaultRamp);
  return (values, out, at) => ramp.colourInto(values[0] as number, out, at);
}

function defaultStretch(dtype: string): [number, number] {
  const bits = Number(dtype.replace(/\D/g, ''));
  if (dtype.startsWith('uint')) return [0, 2 ** bits - 1];
  if (dtype.startsWith('int')) return [-(2 ** (bits - 1)), 2 ** (bits - 1) - 1];
  return [0, 1];
}

/** Values at continuous window coordinates (u, v) (pixel c covers [c, c+1)); false when transparent. */
export function sampleNearest(win: Window, u: number, v: number, values: number[]): boolean {
  const c = Math.floor(u), r = Math.floor(v);
  if (c < 0 || r < 0 || c >= win.width || r >= win.height) return false;
  return readPixel(win, r * win.width + c, values);
}

export function sampleBilinear(win: Window, u: number, v: number, values: number[], scratch: number[]): boolean {
  if (!sampleNearest(win, u, v, values)) return false;
  const x = Math.min(win.width - 1, Math.max(0, u - 0.5));
  const y = Math.min(win.height - 1, Math.max(0, v - 0.5));
  const c0 = Math.floor(x), r0 = Math.floor(y);
  const c1 = Math.min(win.width - 1, c0 + 1), r1 = Math.min(win.height - 1, r0 + 1);
  const fx = x - c0, fy = y - r0;
  const corners: Array<[number, number]> = [[r0 * win.width + c0, (1 - fx) * (1 - fy)], [r0 * win.width + c1, fx * (1 - fy)], [r1 * win.width + c0, (1 - fx) * fy], [r1 * win.width + c1, fx * fy]];
  const sums = new Array<number>(win.bands.length).fill(0);
  for (const [index, weight] of corners) {
    // a nodata neighbour: keep the nearest value rather than blend towards nodata
    if (!readPixel(win, index, scratch)) return true;
    for (let b = 0; b < sums.length; b++) sums[b] = (sums[b] as number) + weight * (scratch[b] as number);
  }
  for (let b = 0; b < sums.length; b++) values[b] = sums[b] as number;
  return true;
}

function readPixel(win: Window, index: number, values: number[]): boolean {
  if (win.mask && win.mask[index] === 0) return false;
  for (let b = 0; b < win.bands.length; b++) {
    const value = (win.bands[b] as ArrayLike<number>)[index] as number;
    if (!win.isValid(value)) return false;
    values[b] = value;
  }
  return true;
}
