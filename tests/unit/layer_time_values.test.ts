// Build step: the distinct times of a time layer are written into its built copy (time.values),
// so the app does not read the layer's data at start (issue 15).
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeTimeValues } from '../../scripts/layer_time_values';

const root = mkdtempSync(join(tmpdir(), 'time-values-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const layersDir = join(root, 'layers');
const layer = (id: string, url: string, extra: Record<string, unknown> = {}) => ({
  id, title: { fr: id, en: id }, group: 'g', source: { kind: 'geojson', url },
  time: { field: 'annee', kind: 'year' }, ...extra,
});
const read = (id: string) => JSON.parse(readFileSync(join(layersDir, `${id}.json`), 'utf8')) as { time?: { values?: string[] } };

beforeAll(() => {
  mkdirSync(join(root, 'data'), { recursive: true });
  mkdirSync(join(layersDir, 'local'), { recursive: true });
  const point = (annee: number) => ({ type: 'Feature', properties: { annee }, geometry: { type: 'Point', coordinates: [-72, 46] } });
  writeFileSync(join(root, 'data/fires.geojson'), JSON.stringify({ type: 'FeatureCollection', features: [2003, 1999, 2003, 2010].map(point) }));
  writeFileSync(join(layersDir, 'catalogue.json'), JSON.stringify({ groups: [], layers: ['fires', 'remote', 'given'] }));
  writeFileSync(join(layersDir, 'fires.json'), JSON.stringify(layer('fires', 'data/fires.geojson')));
  writeFileSync(join(layersDir, 'remote.json'), JSON.stringify(layer('remote', 'https://example.org/fires.geojson')));
  writeFileSync(join(layersDir, 'given.json'), JSON.stringify(layer('given', 'data/fires.geojson', { time: { field: 'annee', kind: 'year', values: ['2003'] } })));
  writeFileSync(join(layersDir, 'local/mine.json'), JSON.stringify(layer('mine', 'data/fires.geojson')));
});

describe('writeTimeValues', () => {
  it('writes the sorted distinct times of local time layers, in layers/ and layers/local/', async () => {
    const written = await writeTimeValues(layersDir, root);
    expect(written.sort()).toEqual(['fires', 'mine']);
    expect(read('fires').time?.values).toEqual(['1999', '2003', '2010']);
    expect(read('local/mine').time?.values).toEqual(['1999', '2003', '2010']);
  });

  it('leaves remote layers, given values and the catalogue file as they were', () => {
    expect(read('remote').time?.values).toBeUndefined();
    expect(read('given').time?.values).toEqual(['2003']);
    expect(JSON.parse(readFileSync(join(layersDir, 'catalogue.json'), 'utf8'))).toEqual({ groups: [], layers: ['fires', 'remote', 'given'] });
  });
});
