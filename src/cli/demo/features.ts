// Helpers over GeoJSON feature collections used by several demo layers.
import type { Feature, FeatureCollection, Geometry, Position } from 'geojson';

export function featureCollection<G extends Geometry, P>(features: Array<Feature<G, P>>): FeatureCollection<G, P> {
  return { type: 'FeatureCollection', features };
}

/** Every vertex of every geometry, flattened. */
export function coordinatesOf(fc: FeatureCollection): Position[] {
  const out: Position[] = [];
  const walk = (g: Geometry): void => {
    switch (g.type) {
      case 'Point': out.push(g.coordinates); break;
      case 'MultiPoint': case 'LineString': out.push(...g.coordinates); break;
      case 'MultiLineString': case 'Polygon': for (const r of g.coordinates) out.push(...r); break;
      case 'MultiPolygon': for (const p of g.coordinates) for (const r of p) out.push(...r); break;
      case 'GeometryCollection': g.geometries.forEach(walk); break;
    }
  };
  for (const f of fc.features) if (f.geometry) walk(f.geometry);
  return out;
}
