// Raster PMTiles (PNG tiles) from a grid in the river's local km frame.
import { encode } from 'fast-png';
import { FRAME } from './river';
import { sampleGrid, type Grid } from './lidar_dem';
import { Compression, TileType, writePmtiles, type TileInput } from './pmtiles_writer';
import { tilesCovering, tileXToLon, tileYToLat } from './tile_math';
import type { BBox } from './geo';

const TILE = 256;

/** value (or NaN outside the data) → RGBA. Alpha 0 leaves the map underneath visible. */
export type Colorizer = (value: number) => [number, number, number, number];

export interface RasterArchiveOptions { name: string; description: string; attribution: string; minZoom: number; maxZoom: number; bounds: BBox }

export function buildRasterArchive(grid: Grid, colorize: Colorizer, options: RasterArchiveOptions): Buffer {
  const tiles: TileInput[] = [];
  for (let z = options.minZoom; z <= options.maxZoom; z++) {
    for (const [x, y] of tilesCovering(options.bounds, z)) tiles.push({ z, x, y, data: renderTile(grid, colorize, z, x, y) });
  }
  return writePmtiles(tiles, {
    tileType: TileType.Png,
    tileCompression: Compression.None,
    minZoom: options.minZoom,
    maxZoom: options.maxZoom,
    bounds: options.bounds,
    metadata: { name: options.name, description: options.description, attribution: options.attribution, format: 'png', type: 'overlay' },
  });
}

function renderTile(grid: Grid, colorize: Colorizer, z: number, tx: number, ty: number): Uint8Array {
  const rgba = new Uint8Array(TILE * TILE * 4);
  for (let py = 0; py < TILE; py++) {
    const lat = tileYToLat(ty + (py + 0.5) / TILE, z);
    for (let px = 0; px < TILE; px++) {
      const lon = tileXToLon(tx + (px + 0.5) / TILE, z);
      const [xKm, yKm] = FRAME.toKm(lon, lat);
      rgba.set(colorize(sampleGrid(grid, xKm, yKm)), (py * TILE + px) * 4);
    }
  }
  return encode({ width: TILE, height: TILE, data: rgba, channels: 4, depth: 8 });
}

/** Linear interpolation through [value, '#rrggbb'] stops; transparent for NaN. */
export function rampColorizer(stops: Array<[number, string]>): Colorizer {
  const parsed = stops.map(([v, hex]) => [v, parseInt(hex.slice(1, 3), 16), parseInt(hex.slice(3, 5), 16), parseInt(hex.slice(5, 7), 16)] as const);
  return (value) => {
    if (Number.isNaN(value)) return [0, 0, 0, 0];
    let k = parsed.findIndex(([v]) => v >= value);
    if (k <= 0) k = k === 0 ? 1 : parsed.length - 1;
    const [v0, r0, g0, b0] = parsed[k - 1]!;
    const [v1, r1, g1, b1] = parsed[k]!;
    const f = Math.min(1, Math.max(0, (value - v0) / (v1 - v0 || 1)));
    return [Math.round(r0 + f * (r1 - r0)), Math.round(g0 + f * (g1 - g0)), Math.round(b0 + f * (b1 - b0)), 255];
  };
}
