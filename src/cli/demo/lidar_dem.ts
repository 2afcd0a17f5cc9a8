// A synthetic LiDAR terrain model (MNT) and canopy height model (MHC) on the demo LiDAR grid.
// The valley floor rises steadily from the channel to the 100-yr limit, so the flood zones, the
// historical extents and the 2019 satellite extents (flood_extents.ts) follow the terrain's contours.
import { fractalNoise, smoothstep } from './noise';
import { streamFor } from './prng';
import { toValleyCoords, type Valley } from './river';
import { landMask, lidarGrid, type LidarGrid } from './lidar_grid';

export const NODATA = -9999;
/** Elevation (m) of the channel bank, of the 0–20 yr limit and of the 20–100 yr limit. */
export const FLOOR_M = 15;
export const LIMIT20_M = 17.5;
export const LIMIT100_M = 20;

export interface LidarRasters {
  grid: LidarGrid;
  /** Elevation (m), NODATA off the land. */
  dem: Float32Array;
  /** Canopy height (m, 0–35), NODATA off the land. */
  chm: Float32Array;
  /** 1 on the north-shore land. */
  land: Uint8Array;
}

/** Position across the valley: 0 on the centre line, 1 at the 0–20 yr limit, 2 at the 20–100 yr limit. */
export function floodPlainIndex(valley: Valley, s: number, t: number): number {
  const across = Math.abs(t - valley.meander(s));
  const side = t > valley.meander(s) ? 1 : -1;
  const w20 = valley.halfWidth20(s, side);
  return across <= w20 ? across / w20 : 1 + (across - w20) / (valley.halfWidth100(s, side) - w20);
}

// Values are rounded to binary fractions of a metre (1/64 m, 1/16 m): far below LiDAR accuracy, and
// the zeroed low mantissa bits let DEFLATE shrink the files by about half.
const quantise = (v: number, steps: number) => Math.round(v * steps) / steps;

export function lidarRasters(seed: number, valley: Valley): LidarRasters {
  const grid = lidarGrid(valley);
  const land = landMask(grid, valley.shore.land.geometry.coordinates);
  const relief = fractalNoise(streamFor(seed, 'dem-relief'), 5);
  const micro = fractalNoise(streamFor(seed, 'dem-micro'), 3);
  const forest = fractalNoise(streamFor(seed, 'chm-forest'), 4);
  const crowns = fractalNoise(streamFor(seed, 'chm-crowns'), 2);
  const fields = fractalNoise(streamFor(seed, 'chm-fields'), 2);
  const n = grid.width * grid.height;
  const dem = new Float32Array(n).fill(NODATA);
  const chm = new Float32Array(n).fill(NODATA);
  for (let p = 0; p < n; p++) {
    if (!land[p]) continue;
    const x = grid.km[2 * p]!;
    const y = grid.km[2 * p + 1]!;
    const [s, t] = toValleyCoords(x, y);
    const q = floodPlainIndex(valley, s, t);
    const fromChannel = Math.abs(t - valley.meander(s) - valley.channelWiggle(s));
    // Valley sides: a terrace scarp above the 100-yr limit, then hills cut by small ravines.
    const hill = smoothstep((q - 2) / 1.2);
    const channel = fromChannel < 0.018 ? -3 * (1 - fromChannel / 0.018) : 0;
    const floor = FLOOR_M + ((LIMIT100_M - FLOOR_M) / 2) * Math.min(q, 2);
    const hills = 40 * hill + 25 * hill * relief(x / 0.5, y / 0.5) + 6 * hill * Math.abs(micro(x / 0.15, y / 0.15));
    dem[p] = quantise(floor + hills + 0.3 * micro(x / 0.06, y / 0.06) + channel, 64);
    const cleared = (q < 1.3 && fields(x / 1.2, y / 1.2) > -0.2) || fields(x / 0.7 + 9, y / 0.7) > 0.55;
    const canopy = fromChannel < 0.02 ? 0
      : cleared ? 0.4 * Math.max(0, crowns(x / 0.02, y / 0.02))
        : 17 + 9 * forest(x / 1.5, y / 1.5) + 6 * crowns(x / 0.012, y / 0.012);
    chm[p] = quantise(Math.min(35, Math.max(0, canopy)), 16);
  }
  return { grid, dem, chm, land };
}
