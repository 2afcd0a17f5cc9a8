import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateCatalogue, validateLayer } from '../../src/catalogue/validate';
import { mergeOrder, readCatalogueUpdate } from '../../src/sources/refresh_catalogue';

const layersDir = path.resolve(import.meta.dirname, '../../layers');
const BASE = 'http://example.test/layers/';

/** Serves the repository's layers/ folder, with catalogue.json replaced by `catalogue`. */
function serve(catalogue: unknown) {
  return async (url: string): Promise<string> => {
    const name = url.slice(BASE.length);
    if (name === 'catalogue.json') return JSON.stringify(catalogue);
    return readFileSync(path.join(layersDir, name), 'utf8');
  };
}

describe('catalogue refresh', () => {
  const file = JSON.parse(readFileSync(path.join(layersDir, 'catalogue.json'), 'utf8')) as { groups: unknown[]; layers: string[] };

  it('should load only the layers the app does not know yet', async () => {
    const [fresh, ...known] = file.layers as [string, ...string[]];
    const update = await readCatalogueUpdate(BASE, new Set(known), serve(file));
    expect(update.added.map((layer) => layer.id)).toEqual([fresh]);
    expect(update.added[0]!.def?.id).toBe(fresh);
    expect(update.order).toEqual(file.layers);
  });

  it('should report a new broken layer file as broken, not throw', async () => {
    const update = await readCatalogueUpdate(BASE, new Set(file.layers), async (url) => {
      if (url.endsWith('catalogue.json')) return JSON.stringify({ ...file, layers: [...file.layers, 'crue-2026'] });
      if (url.endsWith('crue-2026.json')) return '{"id": "crue-2026"';
      return readFileSync(path.join(layersDir, url.slice(BASE.length)), 'utf8');
    });
    expect(update.added).toHaveLength(1);
    expect(update.added[0]!.error?.kind).toBe('json');
  });

  it('should fail with the file name when catalogue.json is not valid', async () => {
    await expect(readCatalogueUpdate(BASE, new Set(), serve({ groups: [] }))).rejects.toThrow(/catalogue\.json/);
    await expect(readCatalogueUpdate(BASE, new Set(), async () => 'not json')).rejects.toThrow(/^catalogue\.json: /);
  });

  it('should put new ids where the file puts them', () => {
    expect(mergeOrder(['a', 'c'], ['a', 'b', 'c', 'd'], ['b', 'd'])).toEqual(['a', 'b', 'c', 'd']);
    expect(mergeOrder(['c', 'a'], ['new', 'a', 'c'], ['new'])).toEqual(['c', 'new', 'a']);
    expect(mergeOrder(['a'], ['a'], ['a'])).toEqual(['a']);
  });
});

describe('refresh in the catalogue schema', () => {
  const layer = JSON.parse(readFileSync(path.join(layersDir, 'zones-inondables.json'), 'utf8')) as Record<string, unknown>;
  const groups = ['fires', 'forest', 'lidar', 'floods', 'reference'];

  it('should accept seconds and refuse zero, text and more than a day', () => {
    expect(validateLayer({ ...layer, refresh: 30 }, 'zones-inondables.json', groups)).toEqual([]);
    for (const bad of [0, '30', 90_000]) {
      const problems = validateLayer({ ...layer, refresh: bad }, 'zones-inondables.json', groups);
      expect(problems.map((problem) => problem.path)).toEqual(['refresh']);
    }
  });

  it('should accept a catalogue-level refresh', () => {
    const catalogue = { groups: [{ id: 'floods', title: { fr: 'Inondations', en: 'Floods' } }], layers: ['zones-inondables'] };
    expect(validateCatalogue({ ...catalogue, refresh: 60 }, 'catalogue.json')).toEqual([]);
    expect(validateCatalogue({ ...catalogue, refresh: -1 }, 'catalogue.json').map((problem) => problem.path)).toEqual(['refresh']);
  });
});
