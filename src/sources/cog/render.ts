// One Web Mercator map tile from a COG, without the DOM: mesh → overview choice → read only
// the internal tiles needed (merged requests) → optional DEM product → resample → colour.
import type { CogRendering } from '../../catalogue/types';
import type { Cog, CogLevel } from './open';
import type { ByteRange } from './byte_cache';
import { blockRanges, type PixelWindow } from './blocks';
import { buildMesh, meshBounds, meshLookup, type Mesh } from './mesh';
import { makeColourer, sampleBilinear, sampleNearest, type Window } from './paint';
import { terrainProduct } from './terrain';
import { metresPerUnit } from './crs';
import { pixelToCrs } from './georef';
import { readSamples, transparency } from './window_read';
import { FormatError } from '../errors';

/** A window larger than this (pixels) means the file lacks overviews for this zoom. */
const MAX_WINDOW_PIXELS = 4096 * 4096;

/** The coarsest level whose pixels are no larger than one tile pixel (`scale` full-res px per tile px). */
export function chooseLevel(cog: Cog, scale: number): CogLevel {
  let best = cog.levels[0] as CogLevel;
  for (const level of cog.levels) {
    // 1.2: accept an overview slightly coarser than the screen rather than read 4× the bytes
    if (cog.width / level.width <= scale * 1.2 && level.width < best.width) best = level;
  }
  return best;
}

/** What one map tile reads: the level, its pixel window and the mesh into it. */
export interface TilePlan {
  mesh: Mesh;
  level: CogLevel;
  window: PixelWindow;
  offset: LevelOffset;
}

/** The tile's plan, or null when the tile lies outside the raster (drawn transparent). */
export function planTile(cog: Cog, rendering: CogRendering, z: number, x: number, y: number, size = 256): TilePlan | null {
  const mesh = buildMesh(cog, z, x, y, size);
  const [minX, minY, maxX, maxY] = meshBounds(mesh);
  if (!(maxX > 0 && maxY > 0 && minX < cog.width && minY < cog.height)) return null;
  const level = chooseLevel(cog, Math.max(maxX - minX, maxY - minY) / size);
  const fx = cog.width / level.width, fy = cog.height / level.height;
  const pad = rendering.product ? 2 : 1;
  const clampX = (v: number) => Math.max(0, Math.min(level.width, v));
  const clampY = (v: number) => Math.max(0, Math.min(level.height, v));
  const window: PixelWindow = [clampX(Math.floor(minX / fx) - pad), clampY(Math.floor(minY / fy) - pad), clampX(Math.ceil(maxX / fx) + pad), clampY(Math.ceil(maxY / fy) + pad)];
  return { mesh, level, window, offset: { x0: window[0], y0: window[1], fx, fy } };
}

/**
 * Every byte range the tile will read (image blocks, then mask blocks). The worker pool asks
 * for these on the main thread as soon as MapLibre wants the tile, so the tiles of one view
 * share requests; renderTile asks for exactly the same ranges (same keys, found in the cache).
 */
export function planRanges(plan: TilePlan | null): ByteRange[] {
  if (!plan) return [];
  const { level, window } = plan;
  if ((window[2] - window[0]) * (window[3] - window[1]) > MAX_WINDOW_PIXELS) return [];
  return [...blockRanges(level.image, window), ...(level.mask ? blockRanges(level.mask, window) : [])];
}

export async function renderTile(cog: Cog, rendering: CogRendering, z: number, x: number, y: number, size = 256, signal?: AbortSignal): Promise<Uint8ClampedArray> {
  const out = new Uint8ClampedArray(size * size * 4);
  const plan = planTile(cog, rendering, z, x, y, size);
  if (!plan) return out;
  const win = await readWindow(cog, plan, rendering, signal);
  paint(out, plan.mesh, win, rendering, cog.dtype, plan.offset);
  return out;
}

async function readWindow(cog: Cog, plan: TilePlan, rendering: CogRendering, signal?: AbortSignal): Promise<Window> {
  const { level, window } = plan;
  const width = window[2] - window[0], height = window[3] - window[1];
  if (width * height > MAX_WINDOW_PIXELS) {
    throw new FormatError('not-cloud-optimized', 'the file is not cloud optimized (no overview for this zoom); it needs to be converted to a Cloud Optimized GeoTIFF with overviews', cog.key);
  }
  const samples = bandsOf(rendering, cog.bands);
  await cog.bytes.prefetch(planRanges(plan), signal);
  const [rasters, mask] = await Promise.all([
    readSamples(level.image, window, samples, signal),
    transparency(level, window, signal),
  ]);
  const nodata = cog.nodata;
  const isValid = (v: number) => !Number.isNaN(v) && v !== nodata;
  let bands = Array.from(rasters as ArrayLike<ArrayLike<number>>);
  if (rendering.product) {
    const dem = { values: bands[0] as ArrayLike<number>, width, height, ...cellSizeMetres(cog, level), isValid };
    bands = [terrainProduct(dem, rendering.product)];
  }
  return { bands, mask, width, height, isValid: rendering.product ? (v) => !Number.isNaN(v) : isValid };
}

/** 0-based samples to read: the catalogue's 1-based `bands`, else 1 (or 1,2,3 for rgb). */
function bandsOf(rendering: CogRendering, count: number): number[] {
  const wanted = rendering.bands ?? (rendering.mode === 'rgb' ? [1, 2, 3] : [1]);
  if (wanted.length !== (rendering.mode === 'rgb' ? 3 : 1)) throw new FormatError('bands', `rendering mode ${rendering.mode} needs ${rendering.mode === 'rgb' ? 3 : 1} band(s), got ${wanted.length}`);
  for (const b of wanted) if (!(b >= 1 && b <= count)) throw new FormatError('bands', `band ${b} does not exist (the file has ${count})`);
  return wanted.map((b) => b - 1);
}

/** Geographic DEMs have cells in degrees: convert at the raster's central latitude. */
function cellSizeMetres(cog: Cog, level: CogLevel): { cellX: number; cellY: number } {
  if (!cog.crs.geographic) return { cellX: level.resX * metresPerUnit(cog.crs), cellY: level.resY * metresPerUnit(cog.crs) };
  const lat = pixelToCrs(cog.georef, cog.width / 2, cog.height / 2)[1];
  return { cellX: level.resX * 111320 * Math.cos((lat * Math.PI) / 180), cellY: level.resY * 110574 };
}

interface LevelOffset { x0: number; y0: number; fx: number; fy: number }

function paint(out: Uint8ClampedArray, mesh: Mesh, win: Window, rendering: CogRendering, dtype: string, o: LevelOffset): void {
  const colour = makeColourer(rendering, dtype);
  const nearest = (rendering.resampling ?? (rendering.mode === 'categorical' ? 'nearest' : 'bilinear')) === 'nearest';
  const pos = new Float64Array(2);
  const values: number[] = [];
  const scratch: number[] = [];
  const size = mesh.size;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      meshLookup(mesh, px + 0.5, py + 0.5, pos);
      const u = (pos[0] as number) / o.fx - o.x0;
      const v = (pos[1] as number) / o.fy - o.y0;
      const ok = nearest ? sampleNearest(win, u, v, values) : sampleBilinear(win, u, v, values, scratch);
      if (ok) colour(values, out, (py * size + px) * 4);
    }
  }
}
