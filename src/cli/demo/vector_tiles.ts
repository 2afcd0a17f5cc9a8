// GeoJSON → gzip-compressed MVT tiles → PMTiles archive (geojson-vt tiles, vt-pbf encodes).
import { gzipSync } from 'node:zlib';
import type { FeatureCollection } from 'geojson';
import GeoJSONVT from 'geojson-vt';
import { fromGeojsonVt } from 'vt-pbf';
import type { LegacyTile } from 'geojson-vt';
import { Compression, TileType, writePmtiles, type TileInput } from './pmtiles_writer';
import { bboxOfPositions, roundBBox, type BBox } from './geo';
import { tilesCovering } from './tile_math';
import { coordinatesOf } from './features';

export interface VectorLayerInput {
  /** The source-layer name inside the tiles. */
  name: string;
  features: FeatureCollection;
  description?: string;
}

export interface VectorArchiveOptions {
  name: string;
  description: string;
  attribution: string;
  minZoom: number;
  maxZoom: number;
  /** The area to write tiles for at zoom z (default: the data's bounds at every zoom). */
  coverage?: (z: number) => BBox;
}

const EXTENT = 4096;

export function buildVectorArchive(layers: VectorLayerInput[], options: VectorArchiveOptions): Buffer {
  const bounds = roundBBox(bboxOfPositions(layers.flatMap((l) => coordinatesOf(l.features))));
  const indexes = layers.map((l) => ({
    name: l.name,
    index: new GeoJSONVT(l.features, { maxZoom: options.maxZoom, indexMaxZoom: 4, tolerance: 3, buffer: 64, extent: EXTENT }),
  }));
  const tiles: TileInput[] = [];
  for (let z = options.minZoom; z <= options.maxZoom; z++) {
    for (const [x, y] of tilesCovering(options.coverage?.(z) ?? bounds, z)) {
      const tile = encodeTile(indexes, z, x, y);
      if (tile) tiles.push({ z, x, y, data: tile });
    }
  }
  return writePmtiles(tiles, {
    tileType: TileType.Mvt,
    tileCompression: Compression.Gzip,
    minZoom: options.minZoom,
    maxZoom: options.maxZoom,
    bounds,
    metadata: {
      name: options.name,
      description: options.description,
      attribution: options.attribution,
      vector_layers: layers.map((l) => ({
        id: l.name,
        description: l.description ?? '',
        minzoom: options.minZoom,
        maxzoom: options.maxZoom,
        fields: fieldTypes(l.features),
      })),
    },
  });
}

function encodeTile(indexes: Array<{ name: string; index: GeoJSONVT }>, z: number, x: number, y: number): Uint8Array | null {
  const present: Record<string, LegacyTile> = {};
  let any = false;
  for (const { name, index } of indexes) {
    const tile = index.getTile(z, x, y);
    if (tile && tile.features.length > 0) {
      present[name] = tile;
      any = true;
    }
  }
  if (!any) return null;
  return gzipSync(fromGeojsonVt(present, { version: 2, extent: EXTENT }), { level: 9 });
}

/** TileJSON-style field list: name → "Number" | "String" | "Boolean". */
function fieldTypes(fc: FeatureCollection): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const f of fc.features) {
    for (const [key, value] of Object.entries(f.properties ?? {})) {
      if (value === null || value === undefined || fields[key]) continue;
      fields[key] = typeof value === 'number' ? 'Number' : typeof value === 'boolean' ? 'Boolean' : 'String';
    }
  }
  return fields;
}

export type { BBox };
