// Does a feature belong to the time the map shows? The map hides features with the MapLibre
// filter of time_filter.ts; identify and exports must keep exactly the same ones, so the same
// expression is evaluated here by MapLibre's own filter evaluator (the style-spec package:
// pure, no DOM, runs in Node) instead of a second, hand-written predicate that could drift.
// First load (issue 15): that package is a second copy of what MapLibre bundles, so this file is
// reached only through import() — identify loads it when a time filter is set, the report and
// its exports are lazy features, the CLI runs in Node. The validators of user-added layer files
// load the same lazy style-spec chunks, so keeping MapLibre's own evaluator adds nothing to the
// bundle or the first load; tests/unit/first_load_chunks.test.ts fails if a static import brings
// it back.
import { featureFilter, type FilterSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { GeoJsonProperties } from 'geojson';
import type { FilterExpression } from './time_filter';

/** What the predicate reads of a feature (a GeoJSON feature, or a vector-tile feature as GeoJSON). */
export interface TimedFeature {
  properties: GeoJsonProperties;
  geometry: { type: string } | null;
}

export type FeaturePredicate = (feature: TimedFeature) => boolean;

/** Vector-tile geometry types as MapLibre's evaluator knows them. */
const TILE_TYPES: Record<string, 1 | 2 | 3> = {
  Point: 1, MultiPoint: 1, LineString: 2, MultiLineString: 2, Polygon: 3, MultiPolygon: 3,
};

/** A predicate true for the features a time filter keeps (always true for no filter). */
export function timePredicate(filter: FilterExpression | null): FeaturePredicate {
  if (!filter) return () => true;
  const compiled = featureFilter(filter as FilterSpecification, 'time-filter');
  return (feature) => compiled.filter(
    { zoom: 0 },
    { type: TILE_TYPES[feature.geometry?.type ?? ''] ?? 3, properties: (feature.properties ?? {}) as NonNullable<GeoJsonProperties> },
  );
}

/** The features a time filter keeps, in order. */
export function keepShownTime<F extends TimedFeature>(features: F[], filter: FilterExpression | null): F[] {
  if (!filter) return features;
  const keep = timePredicate(filter);
  return features.filter(keep);
}
