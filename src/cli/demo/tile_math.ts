// Web Mercator tile arithmetic (XYZ scheme, as PMTiles and MapLibre use).
import type { BBox } from './geo';

export function lonToTileX(lon: number, z: number): number {
  return ((lon + 180) / 360) * 2 ** z;
}

export function latToTileY(lat: number, z: number): number {
  const r = (lat * Math.PI) / 180;
  return ((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * 2 ** z;
}

export function tileXToLon(x: number, z: number): number {
  return (x / 2 ** z) * 360 - 180;
}

export function tileYToLat(y: number, z: number): number {
  const n = Math.PI - (2 * Math.PI * y) / 2 ** z;
  return (180 / Math.PI) * Math.atan(Math.sinh(n));
}

/** Every tile (x, y) at zoom z that touches the bbox. */
export function tilesCovering(bbox: BBox, z: number): Array<[number, number]> {
  const max = 2 ** z - 1;
  const clamp = (v: number) => Math.min(max, Math.max(0, Math.floor(v)));
  const x0 = clamp(lonToTileX(bbox[0], z));
  const x1 = clamp(lonToTileX(bbox[2], z));
  const y0 = clamp(latToTileY(bbox[3], z));
  const y1 = clamp(latToTileY(bbox[1], z));
  const out: Array<[number, number]> = [];
  for (let x = x0; x <= x1; x++) for (let y = y0; y <= y1; y++) out.push([x, y]);
  return out;
}
