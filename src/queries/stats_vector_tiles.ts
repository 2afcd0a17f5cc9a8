// Features of a vector PMTiles layer inside a bounding box, from the archive's max-zoom tiles
// (full-resolution geometry, not the simplified low zooms). Each tile's part is cut to the
// tile's own square (dropping the tile buffer) and parts are regrouped by feature id, so
// areas add up once and counts are per feature.
import { bboxClip } from '@turf/bbox-clip';
import { VectorTile } from '@mapbox/vector-tile';
import { PbfReader } from 'pbf';
import type { PMTiles } from 'pmtiles';
import type { BBox, Feature, Position } from 'geojson';

/** Above this many tiles the AOI is read at a lower zoom (and a note says so). */
export const MAX_TILES = 256;

export interface TileFeatures {
  features: Feature[];
  zoom: number;
  /** The archive's own maximum zoom (zoom is lower for a large area). */
  maxZoom: number;
  /** Tile parts without a feature id, regrouped by attributes. */
  anonymous: number;
  notes: string[];
}

export async function readTileFeatures(archive: PMTiles, sourceLayer: string, box: BBox, signal?: AbortSignal): Promise<TileFeatures> {
  const header = await archive.getHeader();
  const notes: string[] = [];
  let zoom = header.maxZoom;
  while (zoom > header.minZoom && tileCount(box, zoom) > MAX_TILES) zoom--;
  if (zoom < header.maxZoom) notes.push(`large area: read at zoom ${zoom} instead of ${header.maxZoom} (simplified geometry)`);
  const parts = new Map<string, Feature[]>();
  let anonymous = 0;
  const [x0, y0, x1, y1] = tileRange(box, zoom);
  for (let y = y0; y <= y1; y++) {
    for (let x = x0; x <= x1; x++) {
      signal?.throwIfAborted();
      const tile = await archive.getZxy(zoom, x, y, signal);
      if (!tile) continue;
      const layer = new VectorTile(new PbfReader(new Uint8Array(tile.data))).layers[sourceLayer];
      if (!layer) continue;
      for (let i = 0; i < layer.length; i++) {
        const vt = layer.feature(i);
        const part = cutToTile(vt.toGeoJSON(x, y, zoom) as Feature, tileBox(x, y, zoom));
        if (!part) continue;
        // Without ids, parts are regrouped by identical attributes (the best a tile allows).
        if (vt.id === undefined) anonymous++;
        const key = vt.id === undefined ? `attributes:${JSON.stringify(vt.properties)}` : `id:${String(vt.id)}`;
        parts.set(key, [...(parts.get(key) ?? []), { ...part, id: vt.id }]);
      }
    }
  }
  if (anonymous) notes.push(`${anonymous} tile part(s) without a feature id: parts with identical attributes counted as one feature`);
  return { features: [...parts.values()].map(mergeParts), zoom, maxZoom: header.maxZoom, anonymous, notes };
}

function tileCount(box: BBox, zoom: number): number {
  const [x0, y0, x1, y1] = tileRange(box, zoom);
  return (x1 - x0 + 1) * (y1 - y0 + 1);
}

export function tileRange(box: BBox, zoom: number): [number, number, number, number] {
  const n = 2 ** zoom;
  const clampTile = (v: number) => Math.min(n - 1, Math.max(0, Math.floor(v)));
  const x = (lon: number) => ((lon + 180) / 360) * n;
  const y = (lat: number) => {
    const r = (Math.max(-85.0511, Math.min(85.0511, lat)) * Math.PI) / 180;
    return ((1 - Math.log(Math.tan(r) + 1 / Math.cos(r)) / Math.PI) / 2) * n;
  };
  const [w, s, e, north] = box.length === 6 ? [box[0], box[1], box[3], box[4]] : box;
  return [clampTile(x(w)), clampTile(y(north)), clampTile(x(e)), clampTile(y(s))];
}

function tileBox(x: number, y: number, z: number): [number, number, number, number] {
  const n = 2 ** z;
  const lon = (tx: number) => (tx / n) * 360 - 180;
  const lat = (ty: number) => (Math.atan(Math.sinh(Math.PI * (1 - (2 * ty) / n))) * 180) / Math.PI;
  return [lon(x), lat(y + 1), lon(x + 1), lat(y)];
}

/** The part of a tile feature inside the tile's own square (points: half-open, so none twice). */
function cutToTile(feature: Feature, box: [number, number, number, number]): Feature | null {
  const g = feature.geometry;
  if (g.type === 'Point' || g.type === 'MultiPoint') {
    const inside = (p: Position) => (p[0] as number) >= box[0] && (p[0] as number) < box[2] && (p[1] as number) > box[1] && (p[1] as number) <= box[3];
    const points = (g.type === 'Point' ? [g.coordinates] : g.coordinates).filter(inside);
    return points.length ? { ...feature, geometry: { type: 'MultiPoint', coordinates: points } } : null;
  }
  if (g.type === 'GeometryCollection') return null;
  const clipped = bboxClip(feature as Feature<typeof g>, box);
  const empty = JSON.stringify(clipped.geometry.coordinates).replace(/[[\]]/g, '') === '';
  return empty ? null : (clipped as Feature);
}

/** Parts of one feature from several tiles → one Multi* feature. */
function mergeParts(parts: Feature[]): Feature {
  const first = parts[0] as Feature;
  if (parts.length === 1) return first;
  const type = first.geometry.type;
  const coords = (f: Feature): unknown[] => {
    const g = f.geometry as { type: string; coordinates: unknown };
    return g.type.startsWith('Multi') ? (g.coordinates as unknown[]) : [g.coordinates];
  };
  const multi = type.startsWith('Multi') ? type : `Multi${type}`;
  return { ...first, geometry: { type: multi, coordinates: parts.flatMap(coords) } as Feature['geometry'] };
}
