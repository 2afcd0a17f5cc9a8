// Default layers for a PMTiles archive the user adds (pure): raster tiles → one raster layer;
// vector tiles → one layer per vector_layers entry, styled by its geometry, in distinct colours.
import type { Legend, StyleLayer } from '../catalogue/types';
import { legendForGeometry, styleForGeometry } from './default_style_geometry';
import type { GeometryKind } from './geojson_text';

/** PMTiles header tile types (spec v3): 1 = MVT, 2 = PNG, 3 = JPEG, 4 = WebP, 5 = AVIF. */
export const TILE_TYPE_MVT = 1;
const RASTER_TILE_TYPES = new Set([2, 3, 4, 5]);
/** More vector layers than this are left out (a basemap archive has dozens); the UI says so. */
export const MAX_VECTOR_LAYERS = 12;
const COLOURS = ['#d7301f', '#2171b5', '#238b45', '#6a51a3', '#d94801', '#01665e', '#ae017e', '#8c6d31', '#e7298a', '#1b9e77', '#7570b3', '#666666'];

export interface PmtilesLayerStyle {
  kind: 'pmtiles-vector' | 'pmtiles-raster';
  /** Vector layer name (vector only). */
  sourceLayer?: string;
  style: StyleLayer[];
  legend: Legend;
}

export interface PmtilesDefaults {
  layers: PmtilesLayerStyle[];
  /** Vector layers not shown because there were too many. */
  skipped: number;
}

interface VectorLayerMeta { id?: unknown; geometry?: unknown }

/** `tileType` from the header; `metadata` is the archive's JSON metadata (may be anything). */
export function defaultPmtilesStyle(tileType: number, metadata: unknown): PmtilesDefaults {
  if (RASTER_TILE_TYPES.has(tileType)) {
    const legend: Legend = { type: 'categories', items: [{ label: { fr: 'Image tuilée', en: 'Tiled image' }, color: '#808080', shape: 'raster' }] };
    return { layers: [{ kind: 'pmtiles-raster', style: [{ type: 'raster', paint: { 'raster-opacity': 1 } }], legend }], skipped: 0 };
  }
  if (tileType !== TILE_TYPE_MVT) throw new Error(`unsupported PMTiles tile type ${tileType} (vector MVT or PNG/JPEG/WebP/AVIF images expected)`);
  const names = vectorLayerNames(metadata);
  if (names.length === 0) throw new Error('the PMTiles metadata lists no vector_layers: cannot tell which layers to draw');
  const geometries = tilestatsGeometries(metadata);
  const layers = names.slice(0, MAX_VECTOR_LAYERS).map((name, i): PmtilesLayerStyle => {
    const colour = COLOURS[i % COLOURS.length] as string;
    const kind = geometries.get(name) ?? 'mixed';
    return { kind: 'pmtiles-vector', sourceLayer: name, style: styleForGeometry(kind, colour), legend: legendForGeometry(kind, colour, { fr: name, en: name }) };
  });
  return { layers, skipped: Math.max(0, names.length - MAX_VECTOR_LAYERS) };
}

function vectorLayerNames(metadata: unknown): string[] {
  const list = (metadata as { vector_layers?: unknown } | null)?.vector_layers;
  if (!Array.isArray(list)) return [];
  return (list as VectorLayerMeta[]).map((layer) => layer?.id).filter((id): id is string => typeof id === 'string' && id.length > 0);
}

/** tippecanoe's tilestats say each layer's geometry; without them a layer gets all three styles. */
export function tilestatsGeometries(metadata: unknown): Map<string, GeometryKind> {
  const out = new Map<string, GeometryKind>();
  const layers = (metadata as { tilestats?: { layers?: unknown } } | null)?.tilestats?.layers;
  if (!Array.isArray(layers)) return out;
  for (const layer of layers as Array<{ layer?: unknown; geometry?: unknown }>) {
    const kind = geometryKind(layer?.geometry);
    if (typeof layer?.layer === 'string' && kind) out.set(layer.layer, kind);
  }
  return out;
}

function geometryKind(value: unknown): GeometryKind | null {
  if (value === 'Polygon' || value === 'MultiPolygon') return 'polygon';
  if (value === 'LineString' || value === 'MultiLineString') return 'line';
  if (value === 'Point' || value === 'MultiPoint') return 'point';
  return null;
}
