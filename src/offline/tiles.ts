// Web Mercator tiles of a lon/lat box, and the box of a tile. Pure.

/** [west, south, east, north] in degrees. */
export type Bbox = [number, number, number, number];

const MAX_LAT = 85.0511287798;

export function lonToTileX(lon: number, z: number): number {
  return ((lon + 180) / 360) * 2 ** z;
}

export function latToTileY(lat: number, z: number): number {
  const clamped = Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));
  const rad = (clamped * Math.PI) / 180;
  return ((1 - Math.log(Math.tan(rad) + 1 / Math.cos(rad)) / Math.PI) / 2) * 2 ** z;
}

/** Inclusive tile index range of a box at zoom z. */
export function tileRange(bbox: Bbox, z: number): { x0: number; y0: number; x1: number; y1: number } {
  const last = 2 ** z - 1;
  const clamp = (v: number) => Math.max(0, Math.min(last, Math.floor(v)));
  return {
    x0: clamp(lonToTileX(bbox[0], z)),
    x1: clamp(lonToTileX(bbox[2], z) - 1e-9),
    y0: clamp(latToTileY(bbox[3], z)),
    y1: clamp(latToTileY(bbox[1], z) - 1e-9),
  };
}

/** Every tile [z, x, y] of the box for each zoom in [minZoom, maxZoom]. */
export function* tilesOf(bbox: Bbox, minZoom: number, maxZoom: number): Generator<[number, number, number]> {
  for (let z = minZoom; z <= maxZoom; z++) {
    const { x0, x1, y0, y1 } = tileRange(bbox, z);
    for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) yield [z, x, y];
  }
}

export function countTiles(bbox: Bbox, minZoom: number, maxZoom: number): number {
  let count = 0;
  for (let z = minZoom; z <= maxZoom; z++) {
    const { x0, x1, y0, y1 } = tileRange(bbox, z);
    count += (x1 - x0 + 1) * (y1 - y0 + 1);
  }
  return count;
}

/** true when two boxes share some area. */
export function bboxesMeet(a: Bbox, b: Bbox): boolean {
  return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}

/** The box grown by `fraction` of its size on every side (edge tiles of a view read a little beyond it). */
export function padBbox(bbox: Bbox, fraction: number): Bbox {
  const dx = (bbox[2] - bbox[0]) * fraction, dy = (bbox[3] - bbox[1]) * fraction;
  return [bbox[0] - dx, Math.max(-MAX_LAT, bbox[1] - dy), bbox[2] + dx, Math.min(MAX_LAT, bbox[3] + dy)];
}
