// Small geometry helpers shared by the demo layers: a local kilometre grid, rounding, rings.
import type { Feature, Polygon, Position } from 'geojson';

/** Equirectangular kilometres around an origin: accurate to <1 % over a few tens of km. */
export interface LocalFrame {
  toLonLat(xKm: number, yKm: number): Position;
  toKm(lon: number, lat: number): [number, number];
}

const KM_PER_DEG_LAT = 110.57;

export function localFrame(lon0: number, lat0: number): LocalFrame {
  const kmPerDegLon = 111.32 * Math.cos((lat0 * Math.PI) / 180);
  return {
    toLonLat: (x, y) => [round6(lon0 + x / kmPerDegLon), round6(lat0 + y / KM_PER_DEG_LAT)],
    toKm: (lon, lat) => [(lon - lon0) * kmPerDegLon, (lat - lat0) * KM_PER_DEG_LAT],
  };
}

/** Six decimals (~0.1 m) keep the GeoJSON small and the output stable across platforms. */
export function round6(v: number): number {
  return Math.round(v * 1e6) / 1e6;
}

export function closeRing(ring: Position[]): Position[] {
  const first = ring[0];
  const last = ring[ring.length - 1];
  if (!first || !last) throw new Error('closeRing: empty ring');
  return first[0] === last[0] && first[1] === last[1] ? ring : [...ring, [...first]];
}

export function polygonFeature<P>(ring: Position[], properties: P): Feature<Polygon, P> {
  return { type: 'Feature', properties, geometry: { type: 'Polygon', coordinates: [closeRing(ring)] } };
}

export type BBox = [number, number, number, number];

export function bboxOfPositions(positions: Iterable<Position>): BBox {
  const b: BBox = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of positions) {
    if (x === undefined || y === undefined) continue;
    b[0] = Math.min(b[0], x);
    b[1] = Math.min(b[1], y);
    b[2] = Math.max(b[2], x);
    b[3] = Math.max(b[3], y);
  }
  return b;
}

export function roundBBox(b: BBox): BBox {
  return [Math.floor(b[0] * 1e4) / 1e4, Math.floor(b[1] * 1e4) / 1e4, Math.ceil(b[2] * 1e4) / 1e4, Math.ceil(b[3] * 1e4) / 1e4];
}
