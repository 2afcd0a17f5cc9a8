// Identify: what every given layer holds at a point, from full-resolution data (a vector
// archive's max-zoom tile, the original GeoJSON, a COG's full-resolution pixel).
// Pure and DOM-free; labels and formatting are applied later (identify_format.ts).
import type { Feature, Position } from 'geojson';
import type { LayerDefinition, SourceKind } from '../catalogue/types';
import type { DataAccess } from './identify_data';
import { featureHits, isPolygonal, uniqueFeatures } from './identify_hit';
import { featuresNear } from './vector_tiles';
import type { FilterExpression } from './time_filter';

export type LayerAnswer =
  | { layerId: string; kind: 'features'; features: Feature[]; truncated: boolean }
  /** pmtiles-raster: drawn here, but the tiles hold colours, not values. */
  | { layerId: string; kind: 'raster-visible' }
  | { layerId: string; kind: 'raster-values'; values: Array<number | null>; units?: Array<string | null>; names?: Array<string | null> }
  | { layerId: string; kind: 'error'; message: string };

export interface IdentifyOptions {
  /** Lines and points within this distance count as hit (a few pixels at the current zoom). */
  toleranceMetres: number;
  /** Features listed per layer, at most. */
  maxFeatures?: number;
  signal?: AbortSignal;
  /**
   * Per layer id, the time filter the map applies (time_filter.ts): only the features of the
   * time on screen are listed, evaluated with the same expression the map uses.
   */
  timeFilters?: ReadonlyMap<string, FilterExpression | null>;
}

const DEFAULT_MAX_FEATURES = 20;

/** One answer per layer, in the order given (top of the map first). */
export async function identifyAt(
  lonLat: Position, layers: LayerDefinition[], data: DataAccess, options: IdentifyOptions,
): Promise<LayerAnswer[]> {
  return Promise.all(layers.map(async (def): Promise<LayerAnswer> => {
    try {
      return await identifyLayer(lonLat, def, data, options);
    } catch (error) {
      if (options.signal?.aborted) throw error;
      return { layerId: def.id, kind: 'error', message: error instanceof Error ? error.message : String(error) };
    }
  }));
}

type Identifier = (lonLat: Position, def: LayerDefinition, data: DataAccess, options: IdentifyOptions) => Promise<LayerAnswer>;

/** How each source kind answers a click (a new kind must say how here). */
const IDENTIFY_BY_KIND: Record<SourceKind, Identifier> = {
  'pmtiles-raster': async (_lonLat, def) => ({ layerId: def.id, kind: 'raster-visible' }),
  cog: async ([lon = 0, lat = 0], def, data) => {
    const cog = await data.cog(def.source.url, def.source.cog?.crs);
    // No signal: the COG's byte cache shares reads between callers (see vector_tiles.ts).
    // The COG readers load on first use, not with the page (first-load budget, issue 15).
    const [{ identify: cogIdentify }, { bandInfo, scaledValues }] = await Promise.all([import('../sources/cog/identify'), import('../sources/cog/bands')]);
    const [raw, bands] = await Promise.all([cogIdentify(cog, lon, lat), bandInfo(cog)]);
    // GDAL's scale/offset (not for class codes) and units
    const values = def.source.cog?.mode === 'categorical' ? raw : scaledValues(bands, raw);
    const units = bands.map((band) => band.unit);
    // several bands: the file's names for them, shown with their numbers
    const names = bands.length > 1 && bands.some((band) => band.description) ? bands.map((band) => band.description) : undefined;
    return { layerId: def.id, kind: 'raster-values', values, ...(units.some((unit) => unit) ? { units } : {}), ...(names ? { names } : {}) };
  },
  geojson: async (lonLat, def, data, options) => featureAnswer(def.id, await data.geojson(def.source.url), lonLat, options),
  'pmtiles-vector': async (lonLat, def, data, options) =>
    featureAnswer(def.id, await vectorCandidates(def, data, lonLat, options), lonLat, options),
};

function identifyLayer(lonLat: Position, def: LayerDefinition, data: DataAccess, options: IdentifyOptions): Promise<LayerAnswer> {
  return IDENTIFY_BY_KIND[def.source.kind](lonLat, def, data, options);
}

/**
 * Polygons from the one max-zoom tile holding the point (exact geometry); lines and
 * points from the tiles within the tolerance, which may cross a tile edge. When the
 * point's tile holds polygons only, the layer is taken to be a polygon layer and no
 * neighbour is read (one request per click for the common case).
 */
export async function vectorCandidates(
  def: LayerDefinition, data: DataAccess, lonLat: Position, options: IdentifyOptions,
): Promise<Feature[]> {
  const [lon = 0, lat = 0] = lonLat;
  const archive = data.pmtiles(def.source.url);
  const sourceLayer = def.source.sourceLayer ?? '';
  const exact = await featuresNear(archive, sourceLayer, lon, lat, { signal: options.signal });
  const polygons = exact.filter((feature) => isPolygonal(feature.geometry));
  if (polygons.length === exact.length && exact.length > 0) return polygons;
  const near = await featuresNear(archive, sourceLayer, lon, lat, {
    radiusMetres: options.toleranceMetres, signal: options.signal,
  });
  return [...polygons, ...near.filter((feature) => !isPolygonal(feature.geometry))];
}

async function featureAnswer(layerId: string, candidates: Feature[], lonLat: Position, options: IdentifyOptions): Promise<LayerAnswer> {
  const filter = options.timeFilters?.get(layerId) ?? null;
  // MapLibre's filter evaluator (style-spec) loads only when a time filter is set
  const shown = filter ? (await import('./time_match')).keepShownTime(candidates, filter) : candidates;
  const hits = uniqueFeatures(shown.filter((feature) => featureHits(feature, lonLat, options.toleranceMetres)));
  const max = options.maxFeatures ?? DEFAULT_MAX_FEATURES;
  return { layerId, kind: 'features', features: hits.slice(0, max), truncated: hits.length > max };
}
