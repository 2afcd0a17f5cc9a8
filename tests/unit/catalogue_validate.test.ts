// Validates every catalogue file of the repository, and checks that the validator finds
// each kind of problem at the right JSON path.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatError, validateCatalogue, validateLayer, type ValidationError } from '../../src/catalogue/validate';
import type { CatalogueFile } from '../../src/catalogue/types';
import { REPO_ROOT as repoRoot } from '../support/shared_data';

const layersDir = path.join(repoRoot, 'layers');

function layerFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json') && name !== 'catalogue.json')
    .map((name) => path.join(dir, name));
}

/** Parses a file; a syntax error becomes a ValidationError like any other problem. */
function readJson(file: string): { json?: unknown; errors: ValidationError[] } {
  const rel = path.relative(repoRoot, file);
  try {
    return { json: JSON.parse(readFileSync(file, 'utf8')), errors: [] };
  } catch (error) {
    return { errors: [{ file: rel, path: '', message: `not valid JSON: ${String(error)}` }] };
  }
}

function report(errors: ValidationError[]): string {
  return `${errors.length} problem(s):\n${errors.map(formatError).join('\n')}`;
}

const catalogueFile = path.join(layersDir, 'catalogue.json');
const catalogue = readJson(catalogueFile);
const catalogueJson = catalogue.json as CatalogueFile | undefined;
const groupIds = (catalogueJson?.groups ?? []).map((g) => g.id);

describe('the catalogue files of the repository', () => {
  it('catalogue.json and every layer file are valid (all problems listed at once)', () => {
    const errors = [...catalogue.errors];
    if (catalogue.json !== undefined) errors.push(...validateCatalogue(catalogue.json, 'layers/catalogue.json'));
    const files = [...layerFiles(layersDir), ...layerFiles(path.join(layersDir, 'local'))];
    for (const file of files) {
      const { json, errors: parseErrors } = readJson(file);
      errors.push(...parseErrors);
      if (json !== undefined) errors.push(...validateLayer(json, path.relative(repoRoot, file), groupIds));
    }
    expect(errors, report(errors)).toEqual([]);
  });

  it('every id in catalogue.json has a layer file and every layer file is listed', () => {
    const listed = new Set(catalogueJson?.layers ?? []);
    const onDisk = new Set(layerFiles(layersDir).map((f) => path.basename(f, '.json')));
    const missingFiles = [...listed].filter((id) => !onDisk.has(id)).map((id) => `layers/${id}.json is missing`);
    const unlisted = [...onDisk].filter((id) => !listed.has(id)).map((id) => `layers/${id}.json is not in catalogue.json`);
    expect([...missingFiles, ...unlisted]).toEqual([]);
  });

  it('lists at least 10 layers covering all 5 groups', () => {
    const ids = catalogueJson?.layers ?? [];
    const groupsUsed = new Set<string>();
    for (const id of ids) {
      const { json } = readJson(path.join(layersDir, `${id}.json`));
      const group = (json as { group?: unknown } | undefined)?.group;
      if (typeof group === 'string') groupsUsed.add(group);
    }
    expect(ids.length).toBeGreaterThanOrEqual(10);
    expect([...groupsUsed].sort()).toEqual([...groupIds].sort());
  });
});

const GROUPS = ['fires', 'floods'];

/** A small valid layer; each negative test breaks a copy of it. */
function validLayer(): Record<string, any> {
  return {
    id: 'demo-fires',
    title: { fr: 'Feux', en: 'Fires' },
    description: { fr: 'Feux de forêt', en: 'Forest fires' },
    group: 'fires',
    source: { kind: 'pmtiles-vector', url: 'data/fires.pmtiles', sourceLayer: 'fires' },
    style: [
      {
        type: 'fill',
        paint: { 'fill-color': ['match', ['get', 'cause'], 'human', '#d7301f', '#fc8d59'], 'fill-opacity': 0.7 },
      },
      { type: 'line', paint: { 'line-color': 'rgb(120, 20, 10)', 'line-width': 1 } },
    ],
    legend: {
      type: 'categories',
      items: [
        { label: { fr: 'Humaine', en: 'Human' }, color: '#d7301f', shape: 'fill' },
        { label: { fr: 'Foudre', en: 'Lightning' }, color: 'hsl(20, 90%, 66%)' },
      ],
    },
    fields: [{ name: 'cause', label: { fr: 'Cause', en: 'Cause' }, codes: { human: { fr: 'Humaine', en: 'Human' } } }],
    attribution: { organisation: { fr: 'MRNF', en: 'MRNF' }, licence: 'CC-BY 4.0', date: '2023' },
    time: { field: 'year', kind: 'year' },
    synthetic: true,
    opacity: 0.8,
    bounds: [-80, 44, -57, 63],
  };
}

const FILE = 'layers/demo-fires.json';
const pathsOf = (errors: ValidationError[]) => errors.map((e) => e.path).sort();

describe('validateLayer', () => {
  it('accepts a valid layer', () => {
    const errors = validateLayer(validLayer(), FILE, GROUPS);
    expect(errors, report(errors)).toEqual([]);
  });

  it('reports five distinct problems as five errors at their paths', () => {
    const layer = validLayer();
    layer.title.en = '';
    layer.group = 'weather';
    layer.style[0].paint['fill-color'] = 42;
    layer.legend.items[1].color = 'not-a-colour';
    layer.opacity = 1.5;
    const errors = validateLayer(layer, FILE, GROUPS);
    expect(pathsOf(errors), report(errors)).toEqual(
      ['group', 'legend.items[1].color', 'opacity', 'style[0].paint.fill-color', 'title.en'],
    );
    expect(errors.every((e) => e.file === FILE)).toBe(true);
    const byPath = new Map(errors.map((e) => [e.path, e.message]));
    expect(byPath.get('style[0].paint.fill-color')).toMatch(/color expected, number found/);
    expect(byPath.get('opacity')).toMatch(/between 0 and 1.*1\.5 found/);
    expect(byPath.get('group')).toMatch(/"weather" found/);
  });

  it('reports missing required fields and unknown fields', () => {
    const layer = validLayer();
    delete layer.legend;
    delete layer.attribution;
    layer.colour = 'red';
    const errors = validateLayer(layer, FILE, GROUPS);
    expect(pathsOf(errors)).toEqual(['attribution', 'colour', 'legend']);
    expect(errors.find((e) => e.path === 'colour')?.message).toMatch(/unknown field "colour"/);
  });

  it('requires the id to be the file name stem in lower-case letters, digits and dashes', () => {
    expect(pathsOf(validateLayer(validLayer(), 'layers/other.json', GROUPS))).toEqual(['id']);
    const layer = { ...validLayer(), id: 'Demo_Fires' };
    expect(validateLayer(layer, 'layers/Demo_Fires.json', GROUPS)[0]?.message).toMatch(/lower-case/);
  });

  it('requires sourceLayer for pmtiles-vector, a cog block for cog, and a known kind', () => {
    const noLayer = validLayer();
    delete noLayer.source.sourceLayer;
    expect(pathsOf(validateLayer(noLayer, FILE, GROUPS))).toEqual(['source.sourceLayer']);

    const cog = validLayer();
    cog.source = { kind: 'cog', url: 'data/dem.tif' };
    cog.style = [{ type: 'raster' }];
    expect(pathsOf(validateLayer(cog, FILE, GROUPS))).toEqual(['source.cog']);
    cog.source.cog = { mode: 'continuous', ramp: [[0, '#000'], [-5, 'blue']], bands: [1, 2] };
    expect(pathsOf(validateLayer(cog, FILE, GROUPS))).toEqual(['source.cog.bands', 'source.cog.ramp[1][0]']);

    const unknownKind = validLayer();
    unknownKind.source.kind = 'wms';
    expect(validateLayer(unknownKind, FILE, GROUPS)[0]?.message).toMatch(/"pmtiles-vector".*"wms" found/);
  });

  it('maps MapLibre style errors (layout, filter, layer/source mismatch) to style paths', () => {
    const layer = validLayer();
    layer.style[1].layout = { visibility: 'sometimes' };
    layer.style.push({ type: 'raster' });
    layer.style[0].filter = ['==', 'cause'];
    const errors = validateLayer(layer, FILE, GROUPS);
    const paths = pathsOf(errors);
    expect(paths).toContain('style[1].layout.visibility');
    expect(paths).toContain('style[0].filter');
    expect(paths.some((p) => p.startsWith('style[2]')), report(errors)).toBe(true);
    expect(errors.every((e) => e.path.startsWith('style['))).toBe(true);
  });

  it('checks legend, bounds, zooms and attribution date', () => {
    const layer = validLayer();
    layer.legend.items = [];
    layer.bounds = [-57, 44, -80, 63];
    layer.minzoom = 10;
    layer.maxzoom = 4;
    layer.attribution.date = 'last year';
    expect(pathsOf(validateLayer(layer, FILE, GROUPS))).toEqual(['attribution.date', 'bounds', 'legend.items', 'maxzoom']);
  });

  it('never throws, whatever the input', () => {
    for (const junk of [null, 3, 'layer', [], { style: 'x', source: [] }, { legend: { items: [null] } }]) {
      const errors = validateLayer(junk, FILE, GROUPS);
      expect(errors.length).toBeGreaterThan(0);
    }
  });
});

describe('validateCatalogue', () => {
  it('accepts groups and ids, and reports bad ids, duplicates and unknown fields', () => {
    const good = { groups: [{ id: 'fires', title: { fr: 'Feux', en: 'Fires' } }], layers: ['a', 'b-2'] };
    expect(validateCatalogue(good, 'layers/catalogue.json')).toEqual([]);
    const bad = { groups: [{ id: 'fires', title: { fr: 'Feux' } }], layers: ['a', 'a', 'B C'], order: [] };
    expect(pathsOf(validateCatalogue(bad, 'layers/catalogue.json'))).toEqual(
      ['groups[0].title.en', 'layers[1]', 'layers[2]', 'order'],
    );
  });
});
