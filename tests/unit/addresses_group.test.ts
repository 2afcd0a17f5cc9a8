// The same address in many municipalities, typed without one: a grouped hit listing every town
// that has it (largest first, or nearest to the map centre), so it stays reachable in the top 5.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildAddressIndex } from '../../src/cli/import/address_index_build';
import type { AddressRecord } from '../../src/queries/search/address_format';
import { AddressIndex, type AddressHit } from '../../src/queries/search/address_reader';
import { addressesOfGroup, addressSuggestions } from '../../src/queries/search/suggest';
import { REPO_ROOT as repoRoot } from '../support/shared_data';

/** Town, its extra addresses (so sizes differ and are not in name order), where it lies. */
const TOWNS: Array<[name: string, extra: number, lon: number, lat: number]> = [
  ['Amos', 5, -78.1, 48.57], ['Bromont', 60, -72.65, 45.32], ['Chibougamau', 20, -74.35, 49.91], ['Dolbeau', 80, -72.23, 48.88],
  ['Granby', 100, -72.73, 45.4], ['Farnham', 40, -72.98, 45.28], ['Gaspé', 10, -64.48, 48.83],
];
/** Largest first: 100 + 21, 80 + 21… */
const BY_SIZE = ['Granby', 'Dolbeau', 'Bromont', 'Farnham', 'Chibougamau', 'Gaspé', 'Amos'];

/** In every town: rue Principale 2–40 and 300; 302 only in the first three; 8 rue Saint-Martin in the first five; Gaspé's rue Principale Est and rue Martin. */
function records(): AddressRecord[] {
  const list: AddressRecord[] = [];
  for (const [t, [town, extra, lon, lat]] of TOWNS.entries()) {
    for (const n of [...Array.from({ length: 20 }, (_, i) => 2 + 2 * i), 300]) list.push({ address: `${n}, rue Principale`, municipality: town, lon: lon + n / 1e4, lat });
    if (t < 3) list.push({ address: '302, rue Principale', municipality: town, lon: lon + 0.0302, lat });
    if (t < 5) list.push({ address: '8, rue Saint-Martin', municipality: town, lon, lat: lat + 0.002 });
    for (let n = 1; n <= extra; n++) list.push({ address: `${n}, rue du Moulin`, municipality: town, lon, lat: lat + 0.001 });
  }
  list.push({ address: '300, rue Principale Est', municipality: 'Gaspé', lon: -64.5, lat: 48.84 });
  list.push({ address: '8, rue Martin', municipality: 'Gaspé', lon: -64.49, lat: 48.85 });
  return list;
}

const at = (town: string) => TOWNS.find(([name]) => name === town)!;
const label = (hit: AddressHit) => `${hit.address} | ${hit.group ? `group of ${hit.group.length}` : hit.municipality}`;

describe('grouped address hits', () => {
  let dir: string;
  beforeAll(async () => {
    dir = path.join(mkdtempSync(path.join(tmpdir(), 'address-group-')), 'grouped');
    await buildAddressIndex(records(), { id: 'grouped', dir });
  });

  function reader() {
    const fetched: string[] = [];
    const index = new AddressIndex(async (file) => {
      fetched.push(file);
      return JSON.parse(readFileSync(path.join(dir, file), 'utf8'));
    });
    return { index, fetched };
  }

  it('should group "300 rue Principale" in 7 towns into one hit listing all 7, largest first, in the top 5', async () => {
    const { index, fetched } = reader();
    const { hits } = await index.search('300 rue Principale', 5);
    expect(hits.map(label)).toEqual(['300, rue Principale | group of 7', '300, rue Principale Est | Gaspé']);
    expect(hits[0]!.group).toEqual(BY_SIZE.map((town) => ({ municipality: town, lon: at(town)[2] + 0.03, lat: at(town)[3] })));
    expect(hits[0]).toMatchObject({ municipality: 'Granby', lon: at('Granby')[2] + 0.03, lat: at('Granby')[3], score: 1 });
    expect(hits[1]!.score).toBe(0.99); // "Est" was not typed: the street as typed comes first
    expect(fetched).toEqual(['manifest.json', 'words/pr.json', expect.stringMatching(/^by-word\/\d+\.json$/)]);
  });

  it('should list the towns one by one when the list has room for them all', async () => {
    const { index } = reader();
    const { hits } = await index.search('300 rue Principale', 8);
    expect(hits.map(label)).toEqual([...BY_SIZE.map((town) => `300, rue Principale | ${town}`), '300, rue Principale Est | Gaspé']);
  });

  it('should group only when the towns outnumber the room left', async () => {
    const { index } = reader();
    expect((await index.search('302 rue Principale', 3)).hits.map(label)).toEqual(['302, rue Principale | Bromont', '302, rue Principale | Chibougamau', '302, rue Principale | Amos']);
    // two places: 302 in 3 towns, then the nearest number (300) in the 4 towns without a 302
    const grouped = (await index.search('302 rue Principale', 2)).hits;
    expect(grouped.map(label)).toEqual(['302, rue Principale | group of 3', '300, rue Principale | group of 4']);
    expect(grouped[0]!.group!.map((town) => town.municipality)).toEqual(['Bromont', 'Chibougamau', 'Amos']);
    expect(grouped[1]!.group!.map((town) => town.municipality)).toEqual(['Granby', 'Dolbeau', 'Farnham', 'Gaspé']);
    expect(grouped.map((hit) => hit.score)).toEqual([1, 0.8]);
  });

  it('should order the towns of a group nearest first when given the map centre', async () => {
    const { index } = reader();
    const { hits } = await index.search('300 rue Principale', 5, { near: [-64.6, 48.8] });
    expect(hits.map(label)).toEqual(['300, rue Principale | group of 7', '300, rue Principale Est | Gaspé']);
    expect(hits[0]!.group!.map((town) => town.municipality)).toEqual(['Gaspé', 'Dolbeau', 'Bromont', 'Granby', 'Chibougamau', 'Farnham', 'Amos']);
    expect(hits[0]!.municipality).toBe('Gaspé');
  });

  it('should rank the street as typed before one with a saint or a direction nobody typed', async () => {
    const { index } = reader();
    // 8 rue Saint-Martin is in five larger towns: "rue Martin" must not be lost among them
    expect((await index.search('8 rue Martin', 5)).hits.map(label)).toEqual(['8, rue Martin | Gaspé', '8, rue Saint-Martin | group of 5']);
  });

  it('should give the one address when the municipality is typed', async () => {
    const { index } = reader();
    expect((await index.search('300 rue Principale, Farnham', 5)).hits.map(label)).toEqual(['300, rue Principale | Farnham']);
  });

  it('should make a grouped hit one suggestion that opens into the address in each town, in the same order', async () => {
    const { index } = reader();
    const [group, single] = addressSuggestions((await index.search('300 rue Principale', 5)).hits, true);
    expect(single).toMatchObject({ kind: 'address', address: '300, rue Principale Est', municipality: 'Gaspé' });
    if (group?.kind !== 'address-group') throw new Error(`expected a grouped suggestion, got ${group?.kind}`);
    expect(addressesOfGroup(group)).toEqual(BY_SIZE.map((town) => ({
      kind: 'address', address: '300, rue Principale', municipality: town, lon: at(town)[2] + 0.03, lat: at(town)[3], synthetic: true, inGroup: true,
    })));
  });

  it('should print the group with cli geocode', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'src/cli/main.ts'), 'geocode', '--index', dir, '300 rue Principale', '--limit', '3'], { cwd: repoRoot });
    const results = JSON.parse(stdout);
    expect(results).toHaveLength(2);
    expect(results[0]).toEqual({
      label: '300, rue Principale', municipality: 'Granby', lon: -72.7, lat: 45.4, score: 1,
      group: BY_SIZE.map((town) => ({ municipality: town, lon: at(town)[2] + 0.03, lat: at(town)[3] })),
    });
  }, 60_000);
});
