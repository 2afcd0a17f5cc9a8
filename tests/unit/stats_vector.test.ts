// Vector AOI statistics against turf computed plainly (a loop over every feature, no index).
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { area, booleanPointInPolygon, featureCollection, intersect } from '@turf/turf';
import { PMTiles } from 'pmtiles';
import type { Feature, MultiPolygon, Polygon } from 'geojson';
import { VectorIndex } from '../../src/queries/stats_vector_index';
import { vectorStats } from '../../src/queries/stats_vector';
import { featuresFromGeojsonText, pmtilesSource, vectorFromPmtiles } from '../../src/queries/stats_vector_load';
import { FileRangeSource } from '../../src/sources/file_source';
import { hasSharedData, repoRoot, sharedData } from './cog_helpers';
import { skipReason } from '../support/shared_data';

const floodGeojson = path.join(repoRoot, 'public/data/zones_inondables.geojson');
const floodPmtiles = path.join(repoRoot, 'public/data/zones_inondables.pmtiles');
const hasDemo = existsSync(floodGeojson) && existsSync(floodPmtiles);

/** A concave polygon across the demo river near -72.55/46.35. */
export const floodAoi: Feature<Polygon> = {
  type: 'Feature', properties: { name: 'Secteur test' },
  geometry: { type: 'Polygon', coordinates: [[[-72.62, 46.3], [-72.5, 46.31], [-72.47, 46.4], [-72.55, 46.37], [-72.6, 46.42], [-72.62, 46.3]]] },
};

function plainTurf(features: Feature[], aoi: Feature<Polygon | MultiPolygon>, by: string) {
  const out = { features: 0, area_m2: 0, by: {} as Record<string, number> };
  for (const f of features) {
    const clipped = intersect(featureCollection([aoi, f as Feature<Polygon>]));
    if (!clipped) continue;
    const key = String(f.properties?.[by]);
    out.features++;
    out.area_m2 += area(clipped);
    out.by[key] = (out.by[key] ?? 0) + area(clipped);
  }
  return out;
}

describe.skipIf(!hasDemo)('vector statistics on the demo flood zones', () => {
  if (!hasDemo) it.skip('demo data missing (npm run data:demo): skipped', () => undefined);

  it('equal plain turf over every feature (count, area, area per class)', () => {
    const features = featuresFromGeojsonText(readFileSync(floodGeojson, 'utf8'), floodGeojson);
    const truth = plainTurf(features, floodAoi, 'classe');
    const ours = vectorStats(new VectorIndex(features), floodAoi, { by: 'classe' });
    expect(truth.features).toBeGreaterThan(0);
    expect(ours.features).toBe(truth.features);
    expect(Math.abs(ours.area_m2 - truth.area_m2) / truth.area_m2).toBeLessThan(1e-9);
    expect(Object.keys(ours.by).sort()).toEqual(Object.keys(truth.by).sort());
    for (const [key, m2] of Object.entries(truth.by)) expect(Math.abs((ours.by[key] as number) - m2) / m2).toBeLessThan(1e-9);
    expect([ours.skipped, ours.repaired]).toEqual([0, 0]);
  });

  it('from the max-zoom PMTiles tiles: same features and areas within tile precision', async () => {
    const features = featuresFromGeojsonText(readFileSync(floodGeojson, 'utf8'), floodGeojson);
    const truth = plainTurf(features, floodAoi, 'classe');
    const file = new FileRangeSource(floodPmtiles);
    const loaded = await vectorFromPmtiles(new PMTiles(pmtilesSource(file)), 'zones_inondables', [-72.62, 46.3, -72.47, 46.42]);
    await file.close();
    const ours = vectorStats(loaded.index, floodAoi, { by: 'classe' });
    expect(ours.features).toBe(truth.features);
    for (const [key, m2] of Object.entries(truth.by)) expect(Math.abs((ours.by[key] as number) - m2) / m2).toBeLessThan(0.005);
  });

  it('point queries through the index equal a plain point-in-polygon loop', () => {
    const features = featuresFromGeojsonText(readFileSync(floodGeojson, 'utf8'), floodGeojson);
    const index = new VectorIndex(features);
    for (const [lon, lat] of [[-72.55, 46.35], [-72.509216, 46.292069], [-72.7, 46.5], [-70, 45]] as Array<[number, number]>) {
      const plain = features.filter((f) => booleanPointInPolygon([lon, lat], f as Feature<Polygon>));
      expect(index.featuresAt(lon, lat)).toEqual(plain);
    }
  });
});

describe.skipIf(!hasSharedData)('invalid real geometries', () => {
  if (!hasSharedData) it.skip(skipReason(), () => undefined);

  it('the MRNF fire perimeters (self-intersections) give statistics with notes instead of a crash', () => {
    const file = path.join(sharedData, 'quebec/fires/mrnf_fires_by_decade_1880-2029.geojson');
    const features = featuresFromGeojsonText(readFileSync(file, 'utf8'), file);
    const aoi: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[-80, 46], [-64, 46], [-64, 53], [-80, 53], [-80, 46]]] } };
    const stats = vectorStats(new VectorIndex(features), aoi, { by: 'Periode' });
    expect(stats.features).toBeGreaterThan(0);
    expect(stats.area_m2).toBeGreaterThan(0);
    const sum = Object.values(stats.by).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(stats.area_m2, 0);
    expect(stats.features + stats.skipped).toBeLessThanOrEqual(features.length);
    if (stats.repaired || stats.skipped) expect(stats.notes.length).toBeGreaterThan(0);
  });
});
