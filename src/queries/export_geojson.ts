// GeoJSON of a layer's features clipped to the AOI, attributes kept (RFC 7946: lon/lat, WGS 84).
import type { Feature, FeatureCollection } from 'geojson';

export function clippedGeojson(features: Feature[], meta: { layerId: string; aoiName?: string }): string {
  const collection: FeatureCollection & { name?: string } = {
    type: 'FeatureCollection',
    name: meta.aoiName ? `${meta.layerId} — ${meta.aoiName}` : meta.layerId,
    features,
  };
  return JSON.stringify(collection);
}
