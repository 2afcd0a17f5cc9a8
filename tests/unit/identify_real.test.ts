// Identify and flood-history counts on real third-party files in ../shared/data (read-only):
// MSP 2019 flood observations and NRCan historical floods (GeoJSON points), and a QLDM COG.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Feature, FeatureCollection, Point } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { LayerDefinition } from '../../src/catalogue/types';
import { floodVerdict, layerInfo } from '../../src/queries/flood_verdict';
import { identifyAt } from '../../src/queries/identify';
import { fileDataAccess } from '../../src/queries/identify_data_node';
import { identify as cogIdentify } from '../../src/sources/cog/identify';
import { openCog } from '../../src/sources/cog/open';
import { FileRangeSource } from '../../src/sources/file_source';
import { hasShared, noteSkipped, SHARED_DATA } from '../support/shared_data';

const shared = SHARED_DATA;
noteSkipped('identify_real.test.ts', hasShared);

const OBSERVATIONS = path.join(shared, 'quebec/floods/msp_flood_observations_2019.geojson');
const HISTORICAL = path.join(shared, 'quebec/floods/nrcan_historical_floods_qc.geojson');
const STAND_AGE = path.join(shared, 'quebec/forest/qldm_stand_age_2020_2km.tif');

function geojsonLayer(id: string, url: string, extra: Partial<LayerDefinition> = {}): LayerDefinition {
  return {
    id, title: { fr: id, en: id }, description: { fr: id, en: id }, group: 'floods',
    source: { kind: 'geojson', url }, style: [{ type: 'circle' }], legend: { type: 'categories', items: [] },
    attribution: { organisation: { fr: 'MSP', en: 'MSP' }, licence: 'CC-BY-4.0', date: '2019' }, ...extra,
  };
}

/** Great-circle distance in km, written out here so the check does not reuse turf. */
function haversineKm([lon1, lat1]: number[], [lon2, lat2]: number[]): number {
  const rad = Math.PI / 180;
  const a = Math.sin(((lat2! - lat1!) * rad) / 2) ** 2
    + Math.cos(lat1! * rad) * Math.cos(lat2! * rad) * Math.sin(((lon2! - lon1!) * rad) / 2) ** 2;
  return 2 * 6371.0088 * Math.asin(Math.sqrt(a));
}

describe.skipIf(!hasShared)('identify and flood history on real files', () => {
  it('should identify an MSP observation at its own place, with its date formatted', async () => {
    const points = (JSON.parse(readFileSync(OBSERVATIONS, 'utf8')) as FeatureCollection<Point>).features;
    const target = points[17]!;
    const def = geojsonLayer('obs', OBSERVATIONS, {
      fields: [{ name: 'nom', label: { fr: 'Municipalité', en: 'Municipality' } }, { name: 'date_observation', label: { fr: 'Date', en: 'Date' }, type: 'date' }],
    });
    const [answer] = await identifyAt(target.geometry.coordinates, [def], fileDataAccess('/'), { toleranceMetres: 20 });
    expect(answer?.kind).toBe('features');
    const found = answer?.kind === 'features' ? answer.features : [];
    expect(found.map((f) => f.properties?.nom)).toContain(target.properties?.nom);
    expect(found.length).toBe(points.filter((p) => haversineKm(p.geometry.coordinates, target.geometry.coordinates) <= 0.02).length);
  });

  it('should count NRCan historical floods within 10 km by year, as an independent haversine loop does', async () => {
    const events = (JSON.parse(readFileSync(HISTORICAL, 'utf8')) as FeatureCollection<Point>).features;
    // The place with the most recorded events, so the count is far from trivial.
    const byPlace = new Map<string, Feature<Point>[]>();
    for (const e of events) byPlace.set(String(e.properties?.locality), [...(byPlace.get(String(e.properties?.locality)) ?? []), e]);
    const busiest = [...byPlace.values()].sort((a, b) => b.length - a.length)[0]!;
    const centre = busiest[0]!.geometry.coordinates;
    const def = geojsonLayer('nrcan', HISTORICAL, { floodHistory: { dateField: 'year' } });
    const features = await fileDataAccess('/').geojson(HISTORICAL);
    const verdict = floodVerdict(centre, { radiusKm: 10, zones: [], history: [{ layer: layerInfo(def), spec: { dateField: 'year' }, features }] });
    const near = events.filter((e) => haversineKm(e.geometry.coordinates, centre) <= 10);
    const perYear = new Map<number, number>();
    for (const e of near) perYear.set(Number(e.properties?.year), (perYear.get(Number(e.properties?.year)) ?? 0) + 1);
    expect(near.length).toBeGreaterThan(3);
    expect(verdict.history[0]?.total).toBe(near.length);
    expect(verdict.history[0]?.byYear.map((y) => [y.year, y.count])).toEqual([...perYear].sort((a, b) => a[0] - b[0]));
  });

  it('should answer a COG layer with the COG engine’s full-resolution pixel values', async () => {
    const def: LayerDefinition = {
      ...geojsonLayer('age', STAND_AGE), source: { kind: 'cog', url: STAND_AGE, cog: { mode: 'continuous', ramp: [[0, '#000'], [200, '#fff']] } },
    };
    const cog = await openCog(new FileRangeSource(STAND_AGE));
    for (const [lon, lat] of [[-73.5, 47.5], [-72.1, 48.3], [-40, 10]] as const) {
      const [answer] = await identifyAt([lon, lat], [def], fileDataAccess('/'), { toleranceMetres: 0 });
      const expected = await cogIdentify(cog, lon, lat);
      expect(answer).toEqual({ layerId: 'age', kind: 'raster-values', values: expected });
      if (lon !== -40) expect(expected[0]).toBeGreaterThan(0);
    }
    const [outside] = await identifyAt([-40, 10], [def], fileDataAccess('/'), { toleranceMetres: 0 });
    expect(outside).toMatchObject({ values: [null] });
    await cog.close();
  });
});
