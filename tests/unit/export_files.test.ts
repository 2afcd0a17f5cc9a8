// Exports reopen: the GeoTIFF with geotiff.js (bounds, CRS key, dtype, nodata, same statistics),
// the GeoJSON parses with the same areas, the CSV has its columns and BOM.
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fromArrayBuffer } from 'geotiff';
import { area } from '@turf/turf';
import type { Feature, FeatureCollection, Polygon } from 'geojson';
import { openCog } from '../../src/sources/cog/open';
import { BlobRangeSource } from '../../src/sources/source';
import { FileRangeSource } from '../../src/sources/file_source';
import { zonalStats } from '../../src/queries/zonal_stats';
import { VectorIndex } from '../../src/queries/stats_vector_index';
import { clipLayer, summariseClipped } from '../../src/queries/stats_vector';
import { featuresFromGeojsonText } from '../../src/queries/stats_vector_load';
import { rasterExports, vectorExports } from '../../src/queries/export_layer';
import { CSV_COLUMNS } from '../../src/queries/export_csv';
import { exportFileName } from '../../src/queries/export_names';
import { hasSharedData, repoRoot, sharedData } from './cog_helpers';
import { clippedAtTime, exportTime } from '../../src/queries/export_time';
import { timeFilter } from '../../src/queries/time_filter';
import { distinctTimes } from '../../src/queries/time_values';
import { skipReason } from '../support/shared_data';

const standAge = path.join(sharedData, 'quebec/forest/qldm_stand_age_2020_2km.tif');
const floodGeojson = path.join(repoRoot, 'public/data/zones_inondables.geojson');
const disturbancesGeojson = path.join(repoRoot, 'public/data/perturbations.geojson');
const date = new Date(2026, 10, 26);
const aoi: Feature<Polygon> = {
  type: 'Feature', properties: { name: 'Mauricie' },
  geometry: { type: 'Polygon', coordinates: [[[-73.2, 46.3], [-72.2, 46.25], [-72.0, 46.9], [-72.7, 47.1], [-73.2, 46.3]]] },
};

function parseCsv(text: string): string[][] {
  return text.replace(/^\uFEFF/, '').trim().split('\r\n').map((line) => line.split(','));
}

describe('export file names', () => {
  it('carry the layer id and the date', () => {
    expect(exportFileName('zones-inondables', 'csv', date)).toBe('geoveille_zones-inondables_2026-11-26.csv');
    expect(exportFileName('/tmp/Forêt âge.tif', 'tif', date)).toBe('geoveille_Foret-age_2026-11-26.tif');
  });

  it('carry the time the layer shows, when it is time-filtered or a series date', () => {
    expect(exportFileName('etendue-crue-2019', 'tif', date, '2019-04-27')).toBe('geoveille_etendue-crue-2019_2019-04-27_2026-11-26.tif');
    expect(exportFileName('feux', 'csv', date, '1990-1999_2010-2019')).toBe('geoveille_feux_1990-1999_2010-2019_2026-11-26.csv');
  });
});

describe.skipIf(!hasSharedData)('raster exports', () => {
  if (!hasSharedData) it.skip(skipReason(), () => undefined);

  it('the clipped GeoTIFF reopens georeferenced, Int16, nodata -1, with the same statistics', async () => {
    const cog = await openCog(new FileRangeSource(standAge));
    const stats = await zonalStats(cog, aoi);
    const [csv, tif] = await rasterExports({ id: 'classes-age', title: 'Âge' }, cog, aoi, stats, { date });
    await cog.close();
    expect(tif?.name).toBe('geoveille_classes-age_2026-11-26.tif');
    const image = await (await fromArrayBuffer(tif?.data as ArrayBuffer)).getImage();
    expect(image.getGeoKeys()?.ProjectedCSTypeGeoKey).toBe(32198);
    expect([image.getBitsPerSample(0), image.getSampleFormat(0)]).toEqual([16, 2]);
    expect(image.getGDALNoData()).toBe(-1);
    const [west, south, east, north] = image.getBoundingBox();
    expect([(east as number) - (west as number), (north as number) - (south as number)]).toEqual([image.getWidth() * 2000, image.getHeight() * 2000]);
    expect(((west as number) - cog.georef.originX) % 2000).toBe(0);
    const reopened = await openCog(new BlobRangeSource(new Blob([tif?.data as ArrayBuffer]), 'clip.tif'));
    const again = await zonalStats(reopened, aoi);
    expect([again.count, again.sum, again.min, again.max]).toEqual([stats.count, stats.sum, stats.min, stats.max]);
    const rows = parseCsv(csv?.data as string);
    expect(rows[0]).toEqual([...CSV_COLUMNS]);
    expect(Number(rows[1]?.[CSV_COLUMNS.indexOf('pixel_count')])).toBe(stats.count);
    expect(Number(rows[1]?.[CSV_COLUMNS.indexOf('sum')])).toBe(stats.sum);
  });
});

describe.skipIf(!existsSync(floodGeojson))('vector exports', () => {
  it('the clipped GeoJSON parses with the attributes and areas of the statistics; CSV one row per class', () => {
    const features = featuresFromGeojsonText(readFileSync(floodGeojson, 'utf8'), floodGeojson);
    const floodAoi: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[-72.62, 46.3], [-72.5, 46.31], [-72.47, 46.4], [-72.6, 46.42], [-72.62, 46.3]]] } };
    const clipped = clipLayer(new VectorIndex(features), floodAoi);
    const stats = summariseClipped(clipped, 'classe');
    const [csv, geojson] = vectorExports({ id: 'zones-inondables', title: 'Zones inondables' }, clipped, { by: 'classe', aoiName: 'test', date });
    const parsed = JSON.parse(geojson?.data as string) as FeatureCollection;
    expect(parsed.features.length).toBe(stats.features);
    const total = parsed.features.reduce((a, f) => a + area(f), 0);
    expect(total).toBeCloseTo(stats.area_m2, 3);
    expect(parsed.features.every((f) => typeof f.properties?.classe === 'string')).toBe(true);
    const text = csv?.data as string;
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = parseCsv(text);
    expect(rows.length - 1).toBe(Object.keys(stats.counts).length);
    const classes = rows.slice(1).map((r) => r[CSV_COLUMNS.indexOf('class')]);
    expect(classes.sort()).toEqual(Object.keys(stats.by).sort());
  });
});

describe.skipIf(!existsSync(disturbancesGeojson))('vector exports of a time-filtered layer', () => {
  it('hold only the features of the time shown, and say which time in the name, the CSV and the GeoJSON', () => {
    const features = featuresFromGeojsonText(readFileSync(disturbancesGeojson, 'utf8'), disturbancesGeojson);
    const years = distinctTimes('year', features.map((f) => f.properties?.annee));
    const [from, to] = [years[5]!, years[14]!];
    const selection = { mode: 'range' as const, from, to };
    const time = exportTime({ selection, label: `${from}–${to}`, filter: timeFilter({ field: 'annee', kind: 'year' }, years, selection) });
    const everywhere: Feature<Polygon> = { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[[-80, 44], [-60, 44], [-60, 53], [-80, 53], [-80, 44]]] } };
    const all = clipLayer(new VectorIndex(features), everywhere);
    const shown = clippedAtTime(all, time, (t, dropped) => `${t.label}: ${dropped} hidden`);
    const expected = all.clipped.filter((f) => Number(f.properties?.annee) >= Number(from) && Number(f.properties?.annee) <= Number(to));
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.clipped.length);
    expect(shown.clipped).toEqual(expected);
    expect(shown.notes).toContain(`${from}–${to}: ${all.clipped.length - expected.length} hidden`);
    const [csv, geojson] = vectorExports({ id: 'perturbations-naturelles', title: 'Perturbations' }, shown, { by: 'type', aoiName: 'Québec', date });
    expect(csv!.name).toBe(`geoveille_perturbations-naturelles_${from}_${to}_2026-11-26.csv`);
    expect(geojson!.name).toBe(`geoveille_perturbations-naturelles_${from}_${to}_2026-11-26.geojson`);
    const parsed = JSON.parse(geojson!.data as string) as FeatureCollection & { time?: string };
    expect(parsed.time).toBe(`${from}_${to}`);
    expect(parsed.features.length).toBe(expected.length);
    const rows = parseCsv(csv!.data as string);
    const counted = rows.slice(1).reduce((sum, row) => sum + Number(row[CSV_COLUMNS.indexOf('features')]), 0);
    expect(counted).toBe(expected.length);
    expect(rows.slice(1).every((row) => row[CSV_COLUMNS.indexOf('time')] === `${from}_${to}`)).toBe(true);
    // Not a time layer: unchanged name, no time column value.
    const [plainCsv] = vectorExports({ id: 'perturbations-naturelles', title: 'Perturbations' }, clippedAtTime(all, undefined), { date });
    expect(plainCsv!.name).toBe('geoveille_perturbations-naturelles_2026-11-26.csv');
    expect(parseCsv(plainCsv!.data as string)[1]![CSV_COLUMNS.indexOf('time')]).toBe('');
  });
});

describe('export file names carry the AOI', () => {
  it('should put the AOI name, made file-safe, before the layer', () => {
    const date = new Date(2026, 10, 26);
    expect(exportFileName('zones-inondables', 'csv', date, undefined, 'Île d’Orléans')).toBe('geoveille_Ile-d-Orleans_zones-inondables_2026-11-26.csv');
    expect(exportFileName('etendue-crue-2019', 'tif', date, '2019-04-27', 'Plaine')).toBe('geoveille_Plaine_etendue-crue-2019_2019-04-27_2026-11-26.tif');
  });
});
