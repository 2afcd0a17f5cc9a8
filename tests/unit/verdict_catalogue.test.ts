// The catalogue fields of the flood verdict (coverage, floodZone, floodHistory): the
// repository's flood layers carry them, and the validator names each mistake's path.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateLayer } from '../../src/catalogue/validate';
import type { LayerDefinition } from '../../src/catalogue/types';
import { REPO_ROOT as repoRoot } from '../support/shared_data';

const read = (id: string) => JSON.parse(readFileSync(path.join(repoRoot, 'layers', `${id}.json`), 'utf8')) as LayerDefinition;
const GROUPS = ['fires', 'forest', 'lidar', 'floods', 'reference'];
const problems = (def: unknown) => validateLayer(def, 'zones-inondables.json', GROUPS).map((e) => `${e.path}: ${e.message}`);

describe('flood-verdict catalogue fields', () => {
  it('should mark the demo flood zones and history, with a GeoJSON coverage', () => {
    const zones = read('zones-inondables');
    expect(zones.coverage).toBe('data/flood_coverage.geojson');
    expect(Object.values(zones.floodZone?.classes ?? {}).sort()).toEqual(['0-20', '20-100']);
    expect(read('crues-historiques').floodHistory).toEqual({ dateField: 'annee' });
    expect(problems(zones)).toEqual([]);
  });

  it('should report each wrong flood field at its path', () => {
    const zones = read('zones-inondables');
    const bad = {
      ...zones,
      coverage: 'data/coverage.pmtiles',
      floodZone: { field: 'klasse', classes: { '0-20': '0-25', x: '20-100' }, extra: 1 },
      floodHistory: { date: 'annee' },
    };
    const found = problems(bad);
    expect(found).toEqual(expect.arrayContaining([
      expect.stringMatching(/^coverage: URL of a GeoJSON file/),
      expect.stringMatching(/^floodZone\.field: "klasse" is not one of the layer's fields/),
      expect.stringMatching(/^floodZone\.classes\.0-20: one of "0-20", "20-100" expected/),
      expect.stringMatching(/^floodZone\.extra: unknown field/),
      expect.stringMatching(/^floodHistory\.dateField: required field/),
      expect.stringMatching(/^floodHistory\.date: unknown field/),
    ]));
    expect(found).toHaveLength(6);
  });

  it('should refuse flood fields on a raster layer', () => {
    const { floodZone: _zone, coverage: _coverage, fields: _fields, ...zones } = read('zones-inondables');
    const raster = {
      ...zones, style: [{ type: 'raster' }], floodHistory: { dateField: 'annee' },
      source: { kind: 'cog', url: 'data/x.tif', cog: { mode: 'continuous', ramp: [[0, '#000000'], [1, '#ffffff']] } },
    };
    expect(problems(raster)).toEqual([expect.stringMatching(/^floodHistory: only allowed for vector layers/)]);
  });
});

describe('flood-zone links (what to do next)', () => {
  it('should accept https links with a label in both languages, as the demo layer has', () => {
    const zones = read('zones-inondables');
    expect(zones.floodZone?.links?.length).toBeGreaterThan(0);
    expect(problems(zones)).toEqual([]);
  });

  it('should name a link without an https address or a label in both languages', () => {
    const zones = read('zones-inondables');
    const bad = {
      ...zones,
      floodZone: { ...zones.floodZone, links: [{ label: { fr: 'Carte' }, url: 'javascript:alert(1)' }, 'x'] },
    };
    expect(problems(bad)).toEqual([
      expect.stringMatching(/^floodZone\.links\.0\.label\.en: required field/),
      expect.stringMatching(/^floodZone\.links\.0\.url: https:\/\/ address expected/),
      expect.stringMatching(/^floodZone\.links\.1: object expected/),
    ]);
  });
});
