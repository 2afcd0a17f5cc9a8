import { describe, expect, it } from 'vitest';
import { loadCatalogue, type FetchText } from '../../src/catalogue/load';
import { catalogueOf, goodLayer } from './catalogue_fixture';

const BASE = 'http://app.test/layers/';

function fakeFetch(files: Record<string, string>): FetchText {
  return async (url) => {
    const path = url.slice(BASE.length);
    if (!(path in files)) throw new Error('HTTP 404');
    return files[path]!;
  };
}

describe('catalogue loading', () => {
  it('should load the good layers and report each broken file on its own', async () => {
    const result = await loadCatalogue(BASE, fakeFetch({
      'catalogue.json': catalogueOf(['good', 'not-json', 'missing', 'invalid']),
      'good.json': JSON.stringify(goodLayer('good')),
      'not-json.json': '{ not json',
      'invalid.json': JSON.stringify({ ...goodLayer('invalid'), group: 'nowhere', opacity: 7 }),
    }));
    const byId = new Map(result.layers.map((layer) => [layer.id, layer]));
    expect(byId.get('good')?.def?.title.fr).toBe('Couche good');
    expect(byId.get('not-json')?.error?.kind).toBe('json');
    expect(byId.get('missing')?.error).toMatchObject({ kind: 'fetch', message: 'HTTP 404' });
    const invalid = byId.get('invalid')?.error;
    expect(invalid?.kind).toBe('invalid');
    expect(invalid?.problems?.length).toBeGreaterThanOrEqual(2);
  });

  it('should put locally imported layers first when layers/local/catalogue.json exists', async () => {
    const result = await loadCatalogue(BASE, fakeFetch({
      'catalogue.json': catalogueOf(['good']),
      'good.json': JSON.stringify(goodLayer('good')),
      'local/catalogue.json': JSON.stringify({ layers: ['mine'] }),
      'local/mine.json': JSON.stringify(goodLayer('mine')),
    }));
    expect(result.layers.map((layer) => [layer.id, layer.file])).toEqual([
      ['mine', 'local/mine.json'],
      ['good', 'good.json'],
    ]);
  });

  it('should refuse a catalogue that is not valid, with the reason', async () => {
    await expect(loadCatalogue(BASE, fakeFetch({ 'catalogue.json': '{"groups": 3}' }))).rejects.toThrow(/groups/);
  });
});
