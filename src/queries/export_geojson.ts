// GeoJSON of a layer's features clipped to the AOI, attributes kept (RFC 7946: lon/lat, WGS 84).
import type { Feature, FeatureCollection } from 'geojson';

/** `time`: the time the layer showed on the map (a foreign member, RFC 7946 §6.1). */
export function clippedGeojson(features: Feature[], meta: { layerId: string; aoiName?: string; time?: string }): string {
  const name = meta.aoiName ? `${meta.layerId} — ${meta.aoiName}` : meta.layerId;
  const collection: FeatureCollection & { name?: string; time?: string } = {
    type: 'FeatureCollection',
    name: meta.time ? `${name} — ${meta.time}` : name,
    ...(meta.time ? { time: meta.time } : {}),
    features,
  };
  return JSON.stringify(collection);
}
