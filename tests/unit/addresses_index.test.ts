// The static address index: built from records, queried by prefix through a counting fetcher,
// with bounded shards and at most three files per query, up to a synthetic 200,000-address CSV.
import { describe, expect, it } from 'vitest';
import { buildAddressIndex, type BuiltIndex } from '../../src/queries/search/address_build';
import { indexedWords, lookupWords, type AddressRecord } from '../../src/queries/search/address_format';
import { AddressIndex } from '../../src/queries/search/address_reader';
import { parseAddressCsv } from '../../src/cli/import/addresses_csv';
import { tokens } from '../../src/queries/search/normalize';

/** A reader over the built files in memory that counts the files it was asked for. */
function reader(built: BuiltIndex): { index: AddressIndex; fetched: string[] } {
  const fetched: string[] = [];
  const index = new AddressIndex(async (file) => {
    fetched.push(file);
    const text = file === 'manifest.json' ? JSON.stringify(built.manifest) : built.shards.get(file);
    if (text === undefined) throw new Error(`no file ${file}`);
    return JSON.parse(text);
  });
  return { index, fetched };
}

const SMALL: AddressRecord[] = [
  { address: '123, rue des Érables', municipality: 'Val-des-Méandres', lon: -72.55, lat: 46.35 },
  { address: '125, rue des Érables', municipality: 'Val-des-Méandres', lon: -72.551, lat: 46.351 },
  { address: '12, avenue des Érablières', municipality: 'Bécancour', lon: -72.4, lat: 46.3 },
  { address: '8, rue Saint-Denis', municipality: 'Montréal', lon: -73.56, lat: 45.51 },
  { address: '3, rue Principale', municipality: 'Granby', lon: -72.73, lat: 45.4 },
];

describe('indexed and lookup words', () => {
  it('should file an address under its distinctive street words only', () => {
    expect(indexedWords('123, rue des Érables')).toEqual(['erables']);
    expect(indexedWords('8, rue Saint-Denis')).toEqual(['denis']);
    expect(indexedWords('4, rue du Saint-Esprit')).toEqual(['esprit']);
  });

  it('should look a query up by its longest distinctive word', () => {
    expect(lookupWords(tokens('123 rue des era'))).toEqual(['era']);
    expect(lookupWords(tokens('erables becancour'))).toEqual(['becancour', 'erables']);
    expect(lookupWords(tokens('rue'))).toEqual([]);
    expect(lookupWords(tokens('12 er'))).toEqual([]);
    expect(lookupWords(tokens('1re avenue'))).toEqual(['1re']);
  });
});

describe('AddressIndex', () => {
  it('should find addresses by a prefix of the street, ignoring accents and case', async () => {
    const { index } = reader(buildAddressIndex(SMALL, { id: 'test' }));
    const answer = await index.search('ERAB');
    expect(answer.hits.map((h) => h.address)).toEqual(['12, avenue des Érablières', '123, rue des Érables', '125, rue des Érables']);
  });

  it('should narrow by number, street type and municipality words', async () => {
    const { index } = reader(buildAddressIndex(SMALL, { id: 'test' }));
    expect((await index.search('123 rue des érables')).hits.map((h) => h.address)).toEqual(['123, rue des Érables']);
    expect((await index.search('erab becancour')).hits.map((h) => h.municipality)).toEqual(['Bécancour']);
    expect((await index.search('st-denis montreal')).hits).toEqual([
      { address: '8, rue Saint-Denis', municipality: 'Montréal', lon: -73.56, lat: 45.51 },
    ]);
    expect((await index.search('999 principale')).hits).toEqual([]);
  });

  it('should fetch the manifest once and each shard once', async () => {
    const { index, fetched } = reader(buildAddressIndex(SMALL, { id: 'test' }));
    await index.search('erables');
    await index.search('erables 125');
    expect(fetched.filter((f) => f === 'manifest.json')).toHaveLength(1);
    expect(new Set(fetched).size).toBe(fetched.length);
  });

  it('should spread a word too frequent for one shard over consecutive shards and narrow it by municipality', async () => {
    const towns = ['Alma', 'Bromont', 'Cowansville', 'Danville', 'Eastman', 'Farnham', 'Granby'];
    const many = Array.from({ length: 3000 }, (_, i): AddressRecord => ({
      address: `${i + 1}, rue Principale`, municipality: towns[i % towns.length]!, lon: -72, lat: 46,
    }));
    const built = buildAddressIndex([...many, ...SMALL], { id: 'big', maxShardBytes: 20_000 });
    const sizes = [...built.shards.values()].map((text) => Buffer.byteLength(text));
    expect(sizes.length).toBeGreaterThan(5);
    expect(Math.max(...sizes)).toBeLessThanOrEqual(20_000);
    expect(built.manifest.shards.reduce((sum, [, , rows]) => sum + rows, 0)).toBe(3000 + SMALL.length);
    for (const query of ['1428 rue principale granby', 'principale granby 1428']) {
      const { index, fetched } = reader(built);
      const answer = await index.search(query);
      expect(fetched.length).toBeLessThanOrEqual(3);
      expect(answer.hits.map((hit) => `${hit.address} ${hit.municipality}`)).toEqual(['1428, rue Principale Granby']);
    }
    const small = reader(built);
    expect((await small.index.search('saint-denis')).hits.map((h) => h.address)).toEqual(['8, rue Saint-Denis']);
    expect(small.fetched.length).toBe(2);
  });
});

/** Street names from syllables, so 200k addresses spread over thousands of distinct words. */
function syntheticCsv(count: number): string {
  const syllables = ['ma', 'ri', 'bo', 'ché', 'lan', 'tou', 'vi', 'gné', 'per', 'sa', 'lo', 'dé', 'fon', 'cur', 'bel', 'mon'];
  const types = ['rue', 'avenue', 'chemin', 'boulevard', 'rang'];
  const lines = ['address;municipality;lon;lat'];
  let seed = 42;
  const next = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 4294967296;
  const streets = Array.from({ length: 4000 }, () => {
    const word = Array.from({ length: 2 + Math.floor(next() * 2) }, () => syllables[Math.floor(next() * syllables.length)]).join('');
    return `${types[Math.floor(next() * types.length)]} des ${word[0]!.toUpperCase()}${word.slice(1)}`;
  });
  for (let i = 0; i < count; i++) {
    const street = streets[Math.floor(next() * streets.length)];
    const lon = (-79 + next() * 15).toFixed(6).replace('.', ',');
    const lat = (45 + next() * 10).toFixed(6).replace('.', ',');
    lines.push(`"${1 + Math.floor(next() * 9000)}, ${street}";Municipalité ${Math.floor(next() * 900)};${lon};${lat}`);
  }
  return lines.join('\n');
}

describe('address index at scale (200,000 addresses from a synthetic CSV)', () => {
  it('should keep every shard under 200 KB and answer any query with at most 3 files', async () => {
    const { records } = parseAddressCsv(syntheticCsv(200_000));
    expect(records).toHaveLength(200_000);
    const built = buildAddressIndex(records, { id: 'synthetic' });
    const sizes = [...built.shards.values()].map((text) => Buffer.byteLength(text));
    expect(Math.max(...sizes)).toBeLessThan(200_000);
    expect(Buffer.byteLength(JSON.stringify(built.manifest))).toBeLessThan(200_000);
    const rows = built.manifest.shards.reduce((sum, [, , count]) => sum + count, 0);
    expect(rows).toBeGreaterThanOrEqual(200_000);

    for (const record of [records[0]!, records[99_999]!, records[199_999]!]) {
      const { index, fetched } = reader(built);
      const street = record.address.replace(/^\d+, /, '');
      const answer = await index.search(`${record.address.split(',')[0]} ${street} ${record.municipality}`);
      expect(fetched.length).toBeLessThanOrEqual(3);
      expect(answer.hits).toContainEqual(expect.objectContaining({ address: record.address, municipality: record.municipality }));
      const prefix = reader(built);
      const partial = await prefix.index.search(street.split(' ').pop()!.slice(0, 4));
      expect(prefix.fetched.length).toBeLessThanOrEqual(3);
      expect(partial.hits.length).toBeGreaterThan(0);
    }
  }, 120_000);
});
