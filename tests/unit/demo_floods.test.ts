// Flood demo: nested zones that follow the valley, the check point in the 0–20 yr zone,
// the mapped reach around both zones, and past extents inside the 20–100 yr limit.
import { describe, expect, it, beforeAll } from 'vitest';
import { area, booleanPointInPolygon, booleanWithin, intersect, kinks, featureCollection, polygon } from '@turf/turf';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { ensureDemoData, readGeoJson } from './demo_fixture';

type Area = Feature<Polygon | MultiPolygon>;
let zone20: Area;
let zone100: Area;
let outerLimit: Feature<Polygon>;

beforeAll(() => {
  ensureDemoData();
  const zones = readGeoJson('zones_inondables.geojson').features as Area[];
  zone20 = zones.find((f) => f.properties?.['classe'] === '0-20')!;
  zone100 = zones.find((f) => f.properties?.['classe'] === '20-100')!;
  // The 20–100 yr band is stored with the 0–20 yr zone as its hole; its outer ring is the 100-yr limit.
  const rings = zone100.geometry.type === 'Polygon' ? zone100.geometry.coordinates : zone100.geometry.coordinates[0]!;
  outerLimit = polygon([rings[0]!]);
}, 120_000);

describe('demo flood zones', () => {
  it('has one 0–20 and one 20–100 zone, both valid polygons', () => {
    expect(zone20).toBeDefined();
    expect(zone100).toBeDefined();
    expect(kinks(zone20 as Feature<Polygon>).features).toEqual([]);
    expect(kinks(outerLimit).features).toEqual([]);
  });

  it('nests the 0–20 yr zone inside the 20–100 yr limit without overlapping the 20–100 band', () => {
    expect(booleanWithin(zone20, outerLimit)).toBe(true);
    const overlap = intersect(featureCollection([zone20, zone100]));
    expect(overlap ? area(overlap) : 0).toBeLessThan(area(zone20) * 1e-4);
    // Together they fill the 100-yr limit: no gap between the two classes.
    expect((area(zone20) + area(zone100)) / area(outerLimit)).toBeCloseTo(1, 3);
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
    expect(booleanWithin(outerLimit, coverage)).toBe(true);
  });

  it('keeps every historical extent inside the 20–100 yr limit and over part of the 0–20 zone', () => {
    const events = readGeoJson('crues_historiques.geojson').features as Array<Feature<Polygon>>;
    expect(events.length).toBeGreaterThanOrEqual(3);
    for (const ev of events) {
      expect(booleanWithin(ev, outerLimit), `crue ${ev.properties?.['annee']}`).toBe(true);
      expect(intersect(featureCollection([ev, zone20])), `crue ${ev.properties?.['annee']}`).not.toBeNull();
    }
  });
});
