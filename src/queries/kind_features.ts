// Per source kind: the candidate features around a point (the flood verdict's input). A kind
// that holds no features has null, so the compiler asks for an entry when a kind is added.
import type { Feature, Position } from 'geojson';
import type { LayerDefinition, SourceKind } from '../catalogue/types';
import type { DataAccess } from './identify_data';
import { featuresNear } from './vector_tiles';

export interface NearOptions {
  radiusMetres: number;
  maxTiles: number;
  signal?: AbortSignal;
}

type FeatureReader = (def: LayerDefinition, data: DataAccess, point: Position, options: NearOptions) => Promise<Feature[]>;

const FEATURES_NEAR: Record<SourceKind, FeatureReader | null> = {
  geojson: (def, data) => data.geojson(def.source.url),
  'pmtiles-vector': (def, data, [lon = 0, lat = 0], options) =>
    featuresNear(data.pmtiles(def.source.url), def.source.sourceLayer ?? '', lon, lat, options),
  'pmtiles-raster': null,
  cog: null,
};

/** Features of a vector layer around the point; throws for kinds that hold no features. */
export function layerFeaturesNear(def: LayerDefinition, data: DataAccess, point: Position, options: NearOptions): Promise<Feature[]> {
  const read = FEATURES_NEAR[def.source.kind];
  if (!read) throw new Error(`${def.id}: flood layers must be vector layers (pmtiles-vector or geojson), "${def.source.kind}" found`);
  return read(def, data, point, options);
}
