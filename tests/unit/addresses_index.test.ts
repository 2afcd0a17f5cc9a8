// The static address index (format 2): built by the streaming builder into a temporary folder, read
// through a fetcher that counts the files asked for. Every lookup costs at most three files
// (manifest, one directory, one shard); municipalities come from the index's own list.
import { mkdtempSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAddressIndex } from '../../src/cli/import/address_index_build';
import { indexedWords, type AddressRecord } from '../../src/queries/search/address_format';
import { AddressIndex } from '../../src/queries/search/address_reader';

/** A reader over an index folder that records the files it was asked for. */
function reader(dir: string): { index: AddressIndex; fetched: string[] } {
  const fetched: string[] = [];
  const index = new AddressIndex(async (file) => {
    fetched.push(file);
    return JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
  });
  return { index, fetched };
}

const TOWNS = ['Rivière-Claire', 'Val-des-Méandres', 'Saint-Ours', 'Granby', 'Bromont', 'Cowansville', 'Farnham'];

/** rue Principale in every town (numbers 2–600 step 2, and 120–125 in Granby), a few distinct streets. */
function records(): AddressRecord[] {
  const list: AddressRecord[] = [];
  for (const [t, town] of TOWNS.entries()) {
    for (let n = 2; n <= 600; n += 2) list.push({ address: `${n}, rue Principale`, municipality: town, lon: -72 - t / 10, lat: 46 + n / 1e5 });
  }
  for (const n of [120, 121, 122, 123, 124, 125]) list.push({ address: `${n}, rue du Lac`, municipality: 'Granby', lon: -72.7, lat: 45.4 });
  list.push({ address: '4, rue du Lac', municipality: 'Granby', lon: -72.71, lat: 45.41 });
  list.push({ address: '30, rue du Lac', municipality: 'Granby', lon: -72.72, lat: 45.42 });
  list.push({ address: '138, route 132', municipality: 'Farnham', lon: -72.9, lat: 45.3 });
  list.push({ address: '34, rue Côté', municipality: 'Bromont', lon: -72.6, lat: 45.3 });
  list.push({ address: '8, rue Saint-Denis', municipality: 'Cowansville', lon: -72.75, lat: 45.2 });
  list.push({ address: '124, rue du Lac-Vert', municipality: 'Farnham', lon: -72.95, lat: 45.31 });
  list.push({ address: '7, rue Marteau', municipality: 'Bromont', lon: -72.61, lat: 45.31 });
  list.push({ address: '7, rue Marthe', municipality: 'Bromont', lon: -72.62, lat: 45.32 });
  return list;
}

const label = (hit: { address: string; municipality: string }) => `${hit.address} | ${hit.municipality}`;

describe('indexed words', () => {
  it('should file an address under its street words, civic number excluded, numbers of the street kept', () => {
    expect(indexedWords('123, rue des Érables')).toEqual(['erables']);
    expect(indexedWords('8, rue Saint-Denis')).toEqual(['denis']);
    expect(indexedWords('138, route 132')).toEqual(['132']);
    expect(indexedWords('34, rue Côté')).toEqual(['cote']);
  });
});

describe('address index (format 2)', () => {
  let dir: string;
  let smallShards: string;

  beforeAll(async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'address-index-'));
    dir = path.join(root, 'one');
    await buildAddressIndex(records(), { id: 'test', dir });
    // Tiny shards and sort chunks: rue Principale spreads over many shards, the sort over many temporary files.
    smallShards = path.join(root, 'small');
    await buildAddressIndex(records(), { id: 'test', dir: smallShards, shardBytes: 2_000, chunkLines: 300 });
  });

  it('should find "300 rue Principale, Rivière-Claire" with the manifest, the town directory and one shard', async () => {
    const { index, fetched } = reader(smallShards);
    const { hits } = await index.search('300 rue Principale, Rivière-Claire');
    expect(hits.map(label)[0]).toBe('300, rue Principale | Rivière-Claire');
    expect(hits[0]!.score).toBe(1);
    expect(fetched).toHaveLength(3);
    expect(fetched[0]).toBe('manifest.json');
    expect(fetched[1]).toMatch(/^towns\/\d+\.json$/);
    expect(fetched[2]).toMatch(/^by-town\/\d+\.json$/);
  });

  it('should find an address without its municipality with the manifest, the word directory and one shard', async () => {
    const { index, fetched } = reader(smallShards);
    const { hits } = await index.search('300 rue Principale', 10);
    expect(new Set(hits.filter((h) => h.score === 1).map((h) => h.municipality))).toEqual(new Set(TOWNS));
    expect(hits.every((h) => h.address === '300, rue Principale')).toBe(true);
    expect(fetched).toEqual(['manifest.json', 'words/pr.json', expect.stringMatching(/^by-word\/\d+\.json$/)]);
  });

  it('should match the civic number exactly, or offer the nearest numbers of that street, never 120–125 for 12', async () => {
    const { index } = reader(dir);
    expect((await index.search('12 rue du Lac Granby')).hits.map((h) => h.address)).toEqual(['4, rue du Lac', '30, rue du Lac']);
    // without a municipality: the nearest numbers of each street holding the word "lac"
    expect((await index.search('12 rue du Lac')).hits.map((h) => h.address)).toEqual(['4, rue du Lac', '30, rue du Lac', '124, rue du Lac-Vert']);
    const exact = (await index.search('123 rue du Lac')).hits;
    expect(exact[0]).toMatchObject({ address: '123, rue du Lac', score: 1 });
    expect(exact.filter((h) => h.address.endsWith('rue du Lac')).map((h) => h.address)).toEqual(['123, rue du Lac']);
    const near = (await index.search('12 rue du Lac')).hits;
    expect(near.every((h) => h.score < 1)).toBe(true);
  });

  it('should tolerate a typo in the street and in the municipality', async () => {
    const { index, fetched } = reader(smallShards);
    expect((await index.search('300 rue Principael, Riviere-Clarie')).hits.map(label)[0]).toBe('300, rue Principale | Rivière-Claire');
    expect(fetched.length).toBeLessThanOrEqual(3);
    expect((await index.search('8 rue Saint-Dnis Cowansvile')).hits.map(label)).toEqual(['8, rue Saint-Denis | Cowansville']);
  });

  it('should find streets named by a number or by a word that reads as a street type', async () => {
    const { index } = reader(dir);
    expect((await index.search('138 route 132, Farnham')).hits.map(label)).toEqual(['138, route 132 | Farnham']);
    expect((await index.search('138 route 132')).hits.map(label)).toEqual(['138, route 132 | Farnham']);
    expect((await index.search('34 rue Côté, Bromont')).hits.map(label)).toEqual(['34, rue Côté | Bromont']);
  });

  it('should rank the street as typed before a longer street holding the same word', async () => {
    const { index } = reader(dir);
    const hits = (await index.search('124 rue du Lac')).hits;
    expect(hits.map(label)).toEqual(['124, rue du Lac | Granby', '124, rue du Lac-Vert | Farnham']);
    expect(hits[0]!.score).toBeGreaterThan(hits[1]!.score);
  });

  it('should complete the word being typed, but read a finished word with a typo first', async () => {
    const { index } = reader(dir);
    expect((await index.search('7 rue Marte')).hits.map((h) => h.address)).toEqual(['7, rue Marteau']);
    expect((await index.search('7 rue Marte, Bromont')).hits.map((h) => h.address)).toEqual(['7, rue Marthe']);
  });

  it('should read the start of a municipality name only after a comma', async () => {
    const { index, fetched } = reader(dir);
    expect((await index.search('300 rue Principale, Rivière-Cl')).hits.map(label)).toEqual(['300, rue Principale | Rivière-Claire']);
    expect(fetched.some((file) => file.startsWith('towns/'))).toBe(true);
    const other = reader(dir);
    expect((await other.index.search('300 rue Principale Rivière-Cl')).hits.map(label)).toEqual(['300, rue Principale | Rivière-Claire']);
    expect(other.fetched).toEqual(['manifest.json', 'words/pr.json', expect.stringMatching(/^by-word\//)]);
  });

  it('should offer municipality names from the manifest alone', async () => {
    const { index, fetched } = reader(dir);
    const answer = await index.search('Rivière-Cl');
    expect(answer.municipalities.map((m) => m.name)).toEqual(['Rivière-Claire']);
    expect(answer.municipalities[0]).toMatchObject({ lon: expect.any(Number), lat: expect.any(Number), count: 300 });
    expect((await index.search('Cowansvile')).municipalities.map((m) => m.name)).toEqual(['Cowansville']);
    expect(fetched).toEqual(['manifest.json']);
  });

  it('should fetch the manifest once and each file once', async () => {
    const { index, fetched } = reader(smallShards);
    await index.search('300 rue Principale, Granby');
    await index.search('302 rue Principale, Granby');
    await index.search('300 rue Principale');
    expect(fetched.filter((f) => f === 'manifest.json')).toHaveLength(1);
    expect(new Set(fetched).size).toBe(fetched.length);
  });

  it('should keep shards near their budget and give the same index whatever the sort chunk size', async () => {
    const sizes = ['by-town', 'by-word'].flatMap((folder) => readdirSync(path.join(smallShards, folder)).map((f) => statSync(path.join(smallShards, folder, f)).size));
    expect(sizes.length).toBeGreaterThan(40);
    expect(Math.max(...sizes)).toBeLessThan(2_000 * 1.5);
    const again = path.join(path.dirname(smallShards), 'again');
    await buildAddressIndex(records(), { id: 'test', dir: again, shardBytes: 2_000, chunkLines: 100_000 });
    for (const file of ['manifest.json', 'words/pr.json', 'towns/0.json', 'by-word/3.json', 'by-town/5.json']) {
      expect(readFileSync(path.join(again, file), 'utf8')).toBe(readFileSync(path.join(smallShards, file), 'utf8'));
    }
  });
});
