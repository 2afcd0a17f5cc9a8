// Points chosen inside one decade of the real fire perimeters (../shared/data), shared by the
// time-slider tests on the plain import and on the recipe's catalogue.
import { booleanPointInPolygon, pointOnFeature } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';

export type Decade = Feature<Polygon | MultiPolygon, { Periode: string }>;

/** A point inside one decade's perimeters and outside every other decade's (3 nearby points agree). */
export function pointOnlyIn(fires: Decade[], periode: string): [number, number] {
  const own = fires.filter((f) => f.properties.Periode === periode);
  const others = fires.filter((f) => f.properties.Periode !== periode);
  for (const feature of own) {
    const parts = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
    const candidates = [...parts].sort((a, b) => b[0]!.length - a[0]!.length).slice(0, 40);
    for (const rings of candidates) {
      const [lon, lat] = pointOnFeature({ type: 'Polygon', coordinates: rings }).geometry.coordinates as [number, number];
      const near: Array<[number, number]> = [[lon, lat], [lon + 0.01, lat], [lon, lat + 0.01]];
      const ok = near.every((p) => own.some((f) => booleanPointInPolygon(p, f)) && !others.some((f) => booleanPointInPolygon(p, f)));
      if (ok) return [lon, lat];
    }
  }
  throw new Error(`no point inside ${periode} only`);
}
