// The span-by-span fold (zonal_fold.ts, with each tally's addRange) against a per-pixel fold that
// tests every pixel centre with a point-in-polygon, skips NaN, nodata and masked pixels, and sums
// in the same order (tile by tile, row-major): the same count, sums to the bit, min, max and
// value counts, on awkward AOIs (a hole, a multipolygon whose parts overlap, edges on tile
// boundaries, a sliver, parts off the grid) and on tiles cut by the grid's edge.
import { describe, expect, it } from 'vitest';
import type { PixelWindow } from '../../src/sources/cog/blocks';
import { foldWindow, type ZoneSums } from '../../src/queries/zonal_fold';
import { rasterizeSpans, type PixelPolygon } from '../../src/queries/zonal_rasterize';
import { createTally } from '../../src/queries/zonal_tally';
import { insidePolygons as inside } from '../support/pixel_inside';

const W = 300, H = 200, TILE = 64; // 300 = 4 × 64 + 44, 200 = 3 × 64 + 8: cut tiles on two sides

/** Rings in pixel coordinates; x = 128 and y = 64 are tile boundaries. */
const AOIS: Record<string, PixelPolygon[]> = {
  'a polygon with a hole': [[[[10.3, 5.2], [250.7, 20.1], [280.4, 190.6], [30.2, 170.9], [10.3, 5.2]], [[100, 64], [128, 64], [128, 120.5], [90.25, 110], [100, 64]]]],
  'a multipolygon, parts overlapping, one edge on a tile boundary': [
    [[[128, 0], [200, 0], [200, 64], [128, 64], [128, 0]]],
    [[[150.5, 30.5], [299.9, 40.2], [260, 199.99], [150.5, 30.5]]],
    [[[-20, 150], [64, 128], [64, 230], [-20, 150]]],
  ],
  'a sliver and a concave star': [
    [[[0.5, 0.5], [299.5, 199.2], [299.5, 199.6], [0.5, 0.5]]],
    [Array.from({ length: 13 }, (_, i) => {
      const a = ((i % 12) * Math.PI) / 6;
      const r = i % 2 ? 25 : 70;
      return [150 + r * Math.cos(a), 100 + r * Math.sin(a)] as [number, number];
    })],
  ],
};

/** Float32 pixels in 1/64 steps with NaN, -9999, 0 and -0 sprinkled in; a mask with a hole. */
function grid(): { values: Float32Array; mask: Uint8Array } {
  const values = new Float32Array(W * H), mask = new Uint8Array(W * H).fill(255);
  for (let y = 0; y < H; y++) {
    for (let x = 0; x < W; x++) {
      const i = y * W + x;
      values[i] = Math.round((50 * Math.sin(x / 23) * Math.cos(y / 17) + (((x * 7919) ^ (y * 104729)) % 13) / 13) * 64) / 64;
      if (i % 101 === 0) values[i] = NaN;
      else if (i % 89 === 0) values[i] = -9999;
      else if (i % 53 === 0) values[i] = i % 2 ? 0 : -0;
      if (x > 200 && x < 240 && y > 100 && y < 150) mask[i] = 0;
    }
  }
  return { values, mask };
}

function windows(): PixelWindow[] {
  const out: PixelWindow[] = [];
  for (let y0 = 0; y0 < H; y0 += TILE) for (let x0 = 0; x0 < W; x0 += TILE) out.push([x0, y0, Math.min(x0 + TILE, W), Math.min(y0 + TILE, H)]);
  return out;
}

function cut<T extends Float32Array | Float64Array | Int16Array | Uint8Array>(whole: T, [x0, y0, x1, y1]: PixelWindow, make: (n: number) => T): T {
  const out = make((x1 - x0) * (y1 - y0));
  for (let y = y0; y < y1; y++) out.set(whole.subarray(y * W + x0, y * W + x1), (y - y0) * (x1 - x0));
  return out;
}

const emptyZone = (dtype: string): ZoneSums => ({ count: 0, sum: 0, min: Infinity, max: -Infinity, shift: NaN, shiftedSum: 0, shiftedSquares: 0, tally: createTally(dtype) });

/** The per-pixel truth: every pixel of every window, in order, through the centre test. */
function perPixel(polygons: PixelPolygon[], values: ArrayLike<number>, mask: Uint8Array | null, nodata: number | null) {
  const zone = { count: 0, sum: 0, min: Infinity, max: -Infinity, shift: NaN, shiftedSum: 0, shiftedSquares: 0 };
  const counts = new Map<number, number>();
  for (const [x0, y0, x1, y1] of windows()) {
    for (let y = y0; y < y1; y++) {
      for (let x = x0; x < x1; x++) {
        const v = values[y * W + x] as number;
        if (!inside(polygons, x + 0.5, y + 0.5) || Number.isNaN(v) || v === nodata || (mask && mask[y * W + x] === 0)) continue;
        if (zone.count === 0) zone.shift = v;
        zone.count++;
        zone.sum += v;
        if (v < zone.min) zone.min = v;
        if (v > zone.max) zone.max = v;
        const d = v - zone.shift;
        zone.shiftedSum += d;
        zone.shiftedSquares += d * d;
        const key = v === 0 ? 0 : v;
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
  }
  const keys = [...counts.keys()].sort((a, b) => a - b);
  return { zone, values: keys, counts: keys.map((k) => counts.get(k)) };
}

const TYPES = {
  float32: (v: Float32Array) => v,
  float64: (v: Float32Array) => Float64Array.from(v),
  int16: (v: Float32Array) => Int16Array.from(v, (x) => (Number.isNaN(x) ? -9999 : Math.round(x))),
} as const;

describe('span-by-span fold vs a per-pixel centre test', () => {
  const { values: float32, mask } = grid();
  for (const [name, polygons] of Object.entries(AOIS)) {
    for (const [dtype, convert] of Object.entries(TYPES)) {
      for (const [nodata, withMask] of [[-9999, true], [0, false], [0.1, false], [null, true]] as const) {
        it(`${name}, ${dtype}, nodata ${nodata}${withMask ? ', masked' : ''}: same count, sums, min, max and value counts`, () => {
          const values = convert(float32);
          const spans = rasterizeSpans(polygons, W, H);
          const zone = emptyZone(dtype);
          for (const window of windows()) {
            const tile = cut(values as Float32Array, window, (n) => new (values.constructor as Float32ArrayConstructor)(n));
            foldWindow(zone, spans, window, tile, withMask ? cut(mask, window, (n) => new Uint8Array(n)) : null, nodata);
          }
          const truth = perPixel(polygons, values, withMask ? mask : null, nodata);
          const { tally, ...sums } = zone;
          expect(truth.zone.count).toBeGreaterThan(1000);
          expect(sums).toEqual(truth.zone); // toEqual on numbers is Object.is: to the bit
          const counted = tally.finish();
          expect(counted.exact).toBe(true);
          // -0 and 0 are one value (the float64 table keeps whichever came first)
          expect(Array.from(counted.values, (v) => (v === 0 ? 0 : v))).toEqual(truth.values);
          expect([...counted.counts]).toEqual(truth.counts);
        });
      }
    }
  }
});
