// The one reader of GeoJSON text for queries (identify, verdict, statistics, exports): a
// FeatureCollection, a Feature or a bare geometry → features, with errors that name the file.
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { FormatError } from '../sources/errors';

/** The vector geometry kinds a layer may hold (import zoom choice, default styles). */
export type GeometryKind = 'point' | 'line' | 'polygon' | 'mixed';

/** Every feature as written (features with a null geometry included: statistics count them). */
export function featuresFromGeojsonText(text: string, name: string): Feature[] {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new FormatError('corrupt', `not valid JSON (${detail})`, name, detail);
  }
  const value = json as { type?: unknown; features?: unknown; coordinates?: unknown; geometries?: unknown } | null;
  if (value?.type === 'FeatureCollection' && Array.isArray(value.features)) return (value as FeatureCollection).features;
  if (value?.type === 'Feature') return [value as Feature];
  if (typeof value?.type === 'string' && (value.coordinates !== undefined || value.geometries !== undefined)) {
    return [{ type: 'Feature', properties: {}, geometry: value as Geometry }];
  }
  throw new FormatError('corrupt', 'not GeoJSON (expected a FeatureCollection, a Feature or a geometry)', name);
}

/** The features that have a geometry (what a point query can hit). */
export function geometryFeatures(text: string, name: string): Feature[] {
  return featuresFromGeojsonText(text, name).filter((feature) => feature?.geometry);
}
