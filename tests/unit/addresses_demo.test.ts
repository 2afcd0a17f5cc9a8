// The demo addresses: about 2,000, deterministic, around the synthetic river, some inside the
// mapped 0–20 yr zone and some outside it, in invented municipalities marked as demo.
import { describe, expect, it } from 'vitest';
import { booleanPointInPolygon } from '@turf/turf';
import { demoAddresses } from '../../src/cli/demo/addresses';
import { floodZones } from '../../src/cli/demo/flood_zones';
import { makeValley } from '../../src/cli/demo/river';
import { DEFAULT_SEED } from '../../src/cli/demo/outputs';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildAddressIndex } from '../../src/cli/import/address_index_build';

describe('demo addresses', () => {
  const records = demoAddresses(DEFAULT_SEED);

  it('should make about 2,000 distinct addresses, the same each time', () => {
    expect(records.length).toBeGreaterThan(1500);
    expect(records.length).toBeLessThan(2500);
    expect(new Set(records.map((r) => `${r.address}|${r.municipality}`)).size).toBe(records.length);
    expect(demoAddresses(DEFAULT_SEED)).toEqual(records);
    expect(records.map((r) => r.address)).toContain('123, rue des Érables');
  });

  it('should mark every municipality as demo and stay within ~15 km of the demo river anchor', () => {
    expect(records.every((r) => r.municipality.endsWith('(démo)'))).toBe(true);
    const far = records.filter((r) => Math.hypot((r.lon + 72.55) * 76.9, (r.lat - 46.35) * 110.6) > 15);
    expect(far).toEqual([]);
  });

  it('should put some addresses in the 0–20 yr zone and most outside it', () => {
    const zones = floodZones(makeValley(DEFAULT_SEED)).features.filter((f) => f.properties.classe === '0-20');
    const inside = records.filter((r) => zones.some((zone) => booleanPointInPolygon([r.lon, r.lat], zone)));
    expect(inside.length).toBeGreaterThan(20);
    expect(inside.length).toBeLessThan(records.length / 2);
  });

  it('should build an index with small shards and its three municipalities', async () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'demo-addresses-')), 'demo');
    const report = await buildAddressIndex(records, { id: 'demo', dir, shardBytes: 16_000 });
    expect(report.manifest.count).toBe(records.length);
    expect(report.manifest.towns.map(([name]) => name).sort()).toEqual(['Rivière-Claire (démo)', 'Saint-Ours-des-Crues (démo)', 'Val-des-Méandres (démo)']);
    const sizes = readdirSync(path.join(dir, 'by-town')).map((file) => statSync(path.join(dir, 'by-town', file)).size);
    expect(Math.max(...sizes)).toBeLessThan(24_000);
  });
});
