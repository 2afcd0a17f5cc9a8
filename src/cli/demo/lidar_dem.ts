// A synthetic LiDAR DEM and canopy height model on a 5 m grid over ~5 × 5 km of the valley:
// fractal relief, the valley carved along the river, fields on the flood plain, forest elsewhere.
import { fractalNoise, smoothstep } from './noise';
import { streamFor } from './prng';
import { FRAME, toValleyCoords, type Valley } from './river';
import type { BBox } from './geo';

export interface Grid {
  /** Lower-left corner in the river's local km frame, and the cell size in km. */
  x0: number; y0: number; cellKm: number;
  width: number; height: number;
  values: Float32Array;
}

export interface LidarRasters { bbox: BBox; dem: Grid; chm: Grid; hillshade: Grid }

const HALF_SIZE_KM = 2.5;
const CELL_KM = 0.005;

export function lidarBBox(): BBox {
  const [w, s] = FRAME.toLonLat(-HALF_SIZE_KM, -HALF_SIZE_KM) as [number, number];
  const [e, n] = FRAME.toLonLat(HALF_SIZE_KM, HALF_SIZE_KM) as [number, number];
  return [w, s, e, n];
}

function emptyGrid(): Grid {
  const n = Math.round((2 * HALF_SIZE_KM) / CELL_KM) + 1;
  return { x0: -HALF_SIZE_KM, y0: -HALF_SIZE_KM, cellKm: CELL_KM, width: n, height: n, values: new Float32Array(n * n) };
}

export function lidarRasters(seed: number, valley: Valley): LidarRasters {
  const relief = fractalNoise(streamFor(seed, 'dem-relief'), 5);
  const micro = fractalNoise(streamFor(seed, 'dem-micro'), 3);
  const forest = fractalNoise(streamFor(seed, 'chm-forest'), 4);
  const crowns = fractalNoise(streamFor(seed, 'chm-crowns'), 2);
  const fields = fractalNoise(streamFor(seed, 'chm-fields'), 2);
  const dem = emptyGrid();
  const chm = emptyGrid();
  for (let j = 0; j < dem.height; j++) {
    for (let i = 0; i < dem.width; i++) {
      const x = dem.x0 + i * CELL_KM;
      const y = dem.y0 + j * CELL_KM;
      const [s, t] = toValleyCoords(x, y);
      const fromValley = Math.abs(t - valley.meander(s));
      const fromChannel = Math.abs(t - valley.meander(s) - valley.channelWiggle(s));
      const floor = valley.halfWidth20(s, t > valley.meander(s) ? 1 : -1);
      const slope = smoothstep((fromValley - floor) / 1.2);
      const channel = fromChannel < 0.03 ? -4 * (1 - fromChannel / 0.03) : 0;
      const elevation = 18 + 70 * slope + 35 * (0.2 + 0.8 * slope) * relief(x / 0.9, y / 0.9) + 1.5 * micro(x / 0.15, y / 0.15) + channel;
      dem.values[j * dem.width + i] = elevation;
      const onFloodPlain = fromValley < floor * 1.3 && fields(x / 1.2, y / 1.2) > -0.2;
      const canopy = fromChannel < 0.04 || onFloodPlain ? 0.3 * Math.max(0, crowns(x / 0.02, y / 0.02))
        : 16 + 10 * forest(x / 1.5, y / 1.5) + 5 * crowns(x / 0.012, y / 0.012);
      chm.values[j * chm.width + i] = Math.min(30, Math.max(0, canopy));
    }
  }
  return { bbox: lidarBBox(), dem, chm, hillshade: hillshade(dem) };
}

/** Classic hillshade (sun azimuth 315°, altitude 45°), values 0..1, vertical exaggeration ×3. */
function hillshade(dem: Grid): Grid {
  const out: Grid = { ...dem, values: new Float32Array(dem.values.length) };
  const cellM = dem.cellKm * 1000;
  const zenith = Math.PI / 4;
  const azimuth = (360 - 315 + 90) * (Math.PI / 180);
  const at = (i: number, j: number) => dem.values[Math.min(dem.height - 1, Math.max(0, j)) * dem.width + Math.min(dem.width - 1, Math.max(0, i))]!;
  for (let j = 0; j < dem.height; j++) {
    for (let i = 0; i < dem.width; i++) {
      const dzdx = (3 * (at(i + 1, j) - at(i - 1, j))) / (2 * cellM);
      // Rows go north here (j grows with y); Horn's formula wants dz towards the south.
      const dzdy = (3 * (at(i, j - 1) - at(i, j + 1))) / (2 * cellM);
      const slope = Math.atan(Math.hypot(dzdx, dzdy));
      const aspect = Math.atan2(dzdy, -dzdx);
      const v = Math.cos(zenith) * Math.cos(slope) + Math.sin(zenith) * Math.sin(slope) * Math.cos(azimuth - aspect);
      out.values[j * dem.width + i] = Math.max(0, v);
    }
  }
  return out;
}

/** Bilinear value at local km (x, y), or NaN outside the grid. */
export function sampleGrid(g: Grid, x: number, y: number): number {
  const fx = (x - g.x0) / g.cellKm;
  const fy = (y - g.y0) / g.cellKm;
  if (fx < 0 || fy < 0 || fx > g.width - 1 || fy > g.height - 1) return NaN;
  const i = Math.min(g.width - 2, Math.floor(fx));
  const j = Math.min(g.height - 2, Math.floor(fy));
  const [dx, dy] = [fx - i, fy - j];
  const v = (a: number, b: number) => g.values[(j + b) * g.width + i + a]!;
  return v(0, 0) * (1 - dx) * (1 - dy) + v(1, 0) * dx * (1 - dy) + v(0, 1) * (1 - dx) * dy + v(1, 1) * dx * dy;
}

