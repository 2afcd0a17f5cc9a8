// Flood demo: nested zones that follow the valley, the check point in the 0–20 yr zone,
// the mapped reach around both zones, and past extents inside the 20–100 yr limit. The river is a
// tributary of the real St. Lawrence (the basemap's land polygon): everything stays on land.
import { describe, expect, it, beforeAll } from 'vitest';
import { area, booleanPointInPolygon, difference, intersect, kinks, featureCollection, union } from '@turf/turf';
import type { Feature, LineString, MultiPolygon, Polygon, Position } from 'geojson';
import { landPolygons } from '../../src/cli/demo/basemap';
import { ensureDemoData, readGeoJson } from './demo_fixture';

type Area = Feature<Polygon | MultiPolygon>;
let zone20: Area;
let zone100: Area;
let outerLimit: Area;
let land: Area[];

/** Area of a outside b, as a fraction of a: ~0 when a lies within b (shared edges allowed). */
function outsideFraction(a: Area, b: Area): number {
  const rest = difference(featureCollection([a, b]));
  return rest ? area(rest) / area(a) : 0;
}
const onLand = (p: Position) => land.some((f) => booleanPointInPolygon(p, f));

beforeAll(async () => {
  await ensureDemoData();
  const zones = readGeoJson('zones_inondables.geojson').features as Area[];
  zone20 = zones.find((f) => f.properties?.['classe'] === '0-20')!;
  zone100 = zones.find((f) => f.properties?.['classe'] === '20-100')!;
  // The 100-yr limit is the union of the two classes (the 20–100 band surrounds the 0–20 zone).
  outerLimit = union(featureCollection([zone20, zone100])) as Area;
  // bboxClip leaves degenerate rings on the box edge; drop them before clipping.
  land = (landPolygons([-73.5, 45.8, -71.5, 47]).features as Area[]).flatMap((f) =>
    (f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates)
      .map((rings) => rings.filter((r) => r.length >= 4))
      .filter((rings) => rings.length > 0)
      .map((rings): Area => ({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: rings } })));
}, 120_000);

describe('demo flood zones', () => {
  it('has one 0–20 and one 20–100 zone, both valid polygons', () => {
    expect(zone20).toBeDefined();
    expect(zone100).toBeDefined();
    expect(kinks(zone20 as Feature<Polygon>).features).toEqual([]);
    expect(outerLimit.geometry.type).toBe('Polygon');
  });

  it('nests the 0–20 yr zone inside the 20–100 yr limit without overlapping the 20–100 band', () => {
    const overlap = intersect(featureCollection([zone20, zone100]));
    expect(overlap ? area(overlap) : 0).toBeLessThan(area(zone20) * 1e-4);
    // The band surrounds the inner zone on both banks and upstream (not just beside it).
    expect(area(zone100)).toBeGreaterThan(area(zone20) * 0.8);
  });

  it('keeps the river, creeks, lakes, zones, coverage and past extents on the north-shore land', () => {
    const areas = ['zones_inondables', 'flood_coverage', 'crues_historiques', 'hydrographie']
      .flatMap((f) => readGeoJson(`${f}.geojson`).features)
      .filter((f) => f.geometry.type !== 'LineString') as Area[];
    for (const f of areas) {
      const near = land.filter((l) => intersect(featureCollection([l, f])));
      const landHere = near.length > 1 ? (union(featureCollection(near)) as Area) : near[0];
      expect(landHere ? outsideFraction(f, landHere) : 1, JSON.stringify(f.properties)).toBeLessThan(1e-4);
    }
    // Lines: every vertex on land except the river's last one, which touches the St. Lawrence.
    const lines = readGeoJson('hydrographie.geojson').features.filter((f) => f.geometry.type === 'LineString') as Array<Feature<LineString>>;
    expect(lines.length).toBe(3);
    for (const line of lines) {
      const offLand = line.geometry.coordinates.map((p, i) => (onLand(p) ? -1 : i)).filter((i) => i >= 0);
      const isRiver = line.properties?.['type'] === 'riviere';
      expect(offLand, String(line.properties?.['nom'])).toEqual(isRiver ? [line.geometry.coordinates.length - 1] : []);
    }
  });

  it('puts lon -72.55, lat 46.35 in the 0–20 yr zone, and the manifest says so', () => {
    expect(booleanPointInPolygon([-72.55, 46.35], zone20)).toBe(true);
    const manifest = JSON.parse(JSON.stringify(readGeoJson('demo-manifest.json'))) as unknown as {
      samples: Array<{ layer: string; lon: number; lat: number; expect: Record<string, unknown> }>;
    };
    const anchor = manifest.samples.find((s) => s.lon === -72.55 && s.lat === 46.35);
    expect(anchor).toMatchObject({ layer: 'zones-inondables', expect: { classe: '0-20' } });
  });

  it('keeps both zones inside the mapped reach (flood_coverage.geojson)', () => {
    const coverage = readGeoJson('flood_coverage.geojson').features[0] as Feature<Polygon>;
    expect(outsideFraction(outerLimit, coverage)).toBeLessThan(1e-6);
  });

  it('keeps every historical extent inside the 20–100 yr limit and over part of the 0–20 zone', () => {
    const events = readGeoJson('crues_historiques.geojson').features as Area[];
    expect(events.length).toBeGreaterThanOrEqual(3);
    for (const ev of events) {
      expect(outsideFraction(ev, outerLimit), `crue ${ev.properties?.["annee"]}`).toBeLessThan(1e-4);
      expect(intersect(featureCollection([ev, zone20])), `crue ${ev.properties?.['annee']}`).not.toBeNull();
    }
  });
});
