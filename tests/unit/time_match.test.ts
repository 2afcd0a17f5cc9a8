// Identify and exports keep the features of the time on screen with the map's own filter
// expression (time_filter.ts, evaluated by MapLibre's style-spec): checked against plain
// comparisons on every demo disturbance, and through identify on the demo PMTiles archive.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { booleanPointInPolygon, pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { LayerDefinition } from '../../src/catalogue/types';
import { identifyAt } from '../../src/queries/identify';
import { fileDataAccess } from '../../src/queries/identify_data_node';
import { timeFilter } from '../../src/queries/time_filter';
import { keepShownTime, timePredicate } from '../../src/queries/time_match';
import { distinctTimes } from '../../src/queries/time_values';
import { REPO_ROOT as repoRoot } from '../support/shared_data';

const publicDir = path.join(repoRoot, 'public');
const geojsonFile = path.join(publicDir, 'data/perturbations.geojson');
const hasDemo = existsSync(geojsonFile) && existsSync(path.join(publicDir, 'data/perturbations.pmtiles'));
if (!hasDemo) console.warn(`time match tests skipped: ${geojsonFile} is missing (run npm run data:ensure)`);

type Disturbance = Feature<Polygon | MultiPolygon, { annee: number; type: string }>;
const def = (): LayerDefinition => JSON.parse(readFileSync(path.join(repoRoot, 'layers/perturbations-naturelles.json'), 'utf8')) as LayerDefinition;
const features = (): Disturbance[] => (JSON.parse(readFileSync(geojsonFile, 'utf8')) as FeatureCollection<Polygon | MultiPolygon, { annee: number; type: string }>).features;

describe('time predicate', () => {
  it('should keep everything without a filter, and read periods as the map does', () => {
    const decades = ['1980-1989', '1990-1999', '2000-2009'];
    const feature = (Periode: unknown) => ({ properties: { Periode }, geometry: null });
    expect(timePredicate(null)(feature(undefined))).toBe(true);
    const range = timePredicate(timeFilter({ field: 'Periode', kind: 'period' }, decades, { mode: 'range', from: '1980-1989', to: '1990-1999' }));
    expect(['1980-1989', '1990-1999', '2000-2009', null].map((p) => range(feature(p)))).toEqual([true, true, false, false]);
  });
});

describe.skipIf(!hasDemo)('time predicate on the demo disturbances', () => {
  it('should keep exactly the features of a year or of a range, as plain comparisons on annee do', () => {
    const all = features();
    const spec = def().time!;
    const years = distinctTimes('year', all.map((f) => f.properties.annee));
    const year = years[Math.floor(years.length / 2)]!;
    const single = keepShownTime(all, timeFilter(spec, years, { mode: 'single', value: year }));
    expect(single.length).toBeGreaterThan(0);
    expect(single).toEqual(all.filter((f) => String(f.properties.annee) === year));
    const [from, to] = [years[2]!, years[9]!];
    const ranged = keepShownTime(all, timeFilter(spec, years, { mode: 'range', from, to }));
    expect(ranged).toEqual(all.filter((f) => f.properties.annee >= Number(from) && f.properties.annee <= Number(to)));
    expect(ranged.length).toBeLessThan(all.length);
  });

  it('should list at a point only the features of the time shown (identify on the PMTiles archive)', async () => {
    const all = features();
    const years = distinctTimes('year', all.map((f) => f.properties.annee));
    // A point inside one disturbance and no other: its year lists it, any other year nothing.
    const [target, point] = all.map((f) => [f, pointOnFeature(f).geometry.coordinates] as const)
      .find(([, p]) => all.filter((f) => booleanPointInPolygon(p, f)).length === 1)!;
    const own = String(target.properties.annee);
    const other = years.find((y) => y !== own)!;
    const layer = def();
    const data = fileDataAccess(publicDir);
    const listed = async (selection: Parameters<typeof timeFilter>[2]) => {
      const timeFilters = new Map([[layer.id, timeFilter(layer.time!, years, selection)]]);
      const [answer] = await identifyAt(point, [layer], data, { toleranceMetres: 1, timeFilters });
      return answer!.kind === 'features' ? answer!.features.map((f) => String(f.properties?.annee)) : [answer!.kind];
    };
    expect(await listed({ mode: 'single', value: own })).toEqual([own]);
    expect(await listed({ mode: 'single', value: other })).toEqual([]);
    expect(await listed({ mode: 'range', from: years[0]!, to: own })).toEqual([own]);
    const after = years.indexOf(own) + 1;
    if (after < years.length) expect(await listed({ mode: 'range', from: years[after]!, to: years[years.length - 1]! })).toEqual([]);
    // No filter for the layer (every time shown): listed as before.
    const [plain] = await identifyAt(point, [layer], data, { toleranceMetres: 1 });
    expect(plain!.kind === 'features' && plain!.features.length).toBe(1);
  });
});
