// The catalogue in one request (issue 15): the build bundles catalogue.json and every layer file
// that passes validation; the app reads layers from it with no other request, and a layer left
// out of the bundle (broken at build) is fetched from its file and reported from there.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildBundle } from '../../scripts/catalogue_bundle';
import { asBundle } from '../../src/catalogue/bundle';
import { loadCatalogue, type FetchText } from '../../src/catalogue/load';
import { catalogueOf, goodLayer } from './catalogue_fixture';

const BASE = 'http://app.test/layers/';

function countingFetch(files: Record<string, string>): { get: FetchText; asked: string[] } {
  const asked: string[] = [];
  const get: FetchText = async (url) => {
    const path = url.slice(BASE.length);
    asked.push(path);
    if (!(path in files)) throw new Error('HTTP 404');
    return files[path]!;
  };
  return { get, asked };
}

function folderWith(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'bundle-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('catalogue bundle', () => {
  it('bundles every layer of the project catalogue', () => {
    const bundle = buildBundle(join(import.meta.dirname, '../../layers'));
    expect(bundle).not.toBeNull();
    expect(Object.keys(bundle!.layers).sort()).toEqual([...bundle!.catalogue.layers].sort());
  });

  it('leaves out a broken layer, which the app then fetches and reports from its file', async () => {
    const files = {
      'catalogue.json': catalogueOf(['good', 'broken']),
      'good.json': JSON.stringify(goodLayer('good')),
      'broken.json': JSON.stringify({ ...goodLayer('broken'), opacity: 7 }),
    };
    const bundle = buildBundle(folderWith(files));
    expect(Object.keys(bundle!.layers)).toEqual(['good']);
    const { get, asked } = countingFetch({ ...files, 'catalogue.bundle.json': JSON.stringify(bundle) });
    const result = await loadCatalogue(BASE, get);
    expect(asked.sort()).toEqual(['broken.json', 'catalogue.bundle.json', 'local/catalogue.json']);
    expect(result.layers.find((layer) => layer.id === 'good')?.def?.title.fr).toBe('Couche good');
    expect(result.layers.find((layer) => layer.id === 'broken')?.error?.kind).toBe('invalid');
  });

  it('reads every layer from the bundle alone when all are valid', async () => {
    const files = { 'catalogue.json': catalogueOf(['a', 'b']), 'a.json': JSON.stringify(goodLayer('a')), 'b.json': JSON.stringify(goodLayer('b')) };
    const { get, asked } = countingFetch({ 'catalogue.bundle.json': JSON.stringify(buildBundle(folderWith(files))) });
    const result = await loadCatalogue(BASE, get);
    expect(asked.sort()).toEqual(['catalogue.bundle.json', 'local/catalogue.json']);
    expect(result.layers.map((layer) => layer.def?.id)).toEqual(['a', 'b']);
  });

  it('is null for an invalid catalogue, and anything else is not taken for a bundle', () => {
    expect(buildBundle(folderWith({ 'catalogue.json': '{"groups": 3}' }))).toBeNull();
    expect(asBundle('<!doctype html>')).toBeNull();
    expect(asBundle({ catalogue: { groups: [], layers: [] }, layers: {} })).toBeNull();
  });
});
