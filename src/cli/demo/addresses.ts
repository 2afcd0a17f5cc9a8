// ~2,000 synthetic civic addresses in the demo flood area (streets along and across the synthetic
// river, 6.5 km upstream of lon -72.55, lat 46.35 so that every house stands on the basemap's land),
// in invented municipalities marked "(démo)", turned into the "demo" address index with the same
// code as `npm run import -- addresses`. The demo street basemap (street_basemap.ts) draws the
// same streets and a building at each address.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { INDEX_VERSION, MANIFEST_FILE, type AddressRecord } from '../../queries/search/address_format';
import { buildAddressIndex } from '../import/address_index_build';
import { listAddressIndex } from '../import/addresses_write';
import { streamFor, uniform, type Random } from './prng';
import { makeValley, valleyPoint, type Valley } from './river';

export const DEMO_ADDRESS_INDEX = 'demo';

/**
 * The street grid below is laid out around s = 0; it is moved this far upstream (km along the
 * valley axis) so that no street or house lies past the river mouth, in the St. Lawrence as the
 * Natural Earth land of the embedded basemap draws it.
 */
export const STREETS_SHIFT_KM = -6.5;
/** Upstream to downstream (km along the grid, before the shift): which invented town a stretch belongs to. */
export const TOWNS: Array<[number, string]> = [[-2.5, 'Val-des-Méandres (démo)'], [2.5, 'Saint-Ours-des-Crues (démo)'], [Infinity, 'Rivière-Claire (démo)']];
/** Streets parallel to the river: name, offset from the valley centre (km, + = left bank), stretch [s0, s1] (km). */
export const ALONG: Array<[string, number, number, number]> = [
  ['rue des Érables', 0.35, -5, 1], ['rue des Saules', -0.35, -3, 3], ['chemin de la Rivière', 0.7, -6, 6],
  ['rue Principale', -0.7, -6, 6], ['rue des Bouleaux', 1.1, -4, 2], ['avenue des Pins', -1.1, -2, 4],
  ['rang Saint-Joseph', 1.7, -6, 6], ['montée des Pionniers', -1.7, -5, 5],
];
/** Streets across the valley: name and position along it (km). */
export const ACROSS: Array<[string, number]> = [
  ['rue du Moulin', -4.5], ['avenue des Trembles', -3], ['rue Notre-Dame', -1.5], ['rue de l’Église', -0.4],
  ['avenue des Cèdres', 1], ['rue des Merisiers', 2.2], ['boulevard des Ormes', 3.5], ['rue des Épinettes', 5],
];
const SPACING_KM = 0.1;
export const SETBACK_KM = 0.015;
/** No houses in the channel itself. */
const CHANNEL_CLEARANCE_KM = 0.1;

function townAt(s: number): string {
  return TOWNS.find(([upTo]) => s < upTo)![1];
}

/** An address with where it sits in the valley frame: s along the axis, `offset` from the valley centre (km). */
export interface PlacedAddress extends AddressRecord { s: number; offset: number }

function placed(valley: Valley, s: number, offset: number, address: string, town: string): PlacedAddress {
  const [lon, lat] = valleyPoint(s, valley.meander(s) + offset) as [number, number];
  return { address, municipality: town, lon, lat, s, offset };
}

function alongStreet(valley: Valley, rand: Random, [name, offset, s0, s1]: (typeof ALONG)[number]): PlacedAddress[] {
  const records: PlacedAddress[] = [];
  for (let i = 0, s = s0; s <= s1; i++, s += SPACING_KM) {
    for (const side of [1, -1] as const) {
      const t = offset + side * SETBACK_KM + uniform(rand, -0.004, 0.004);
      records.push(placed(valley, s + STREETS_SHIFT_KM, t, `${101 + 2 * i + (side === 1 ? 0 : 1)}, ${name}`, townAt(s)));
    }
  }
  return records;
}

function acrossStreet(valley: Valley, rand: Random, [name, s]: (typeof ACROSS)[number]): PlacedAddress[] {
  const records: PlacedAddress[] = [];
  for (let i = 0, offset = -2; offset <= 2; i++, offset += SPACING_KM) {
    if (Math.abs(offset) < CHANNEL_CLEARANCE_KM) continue;
    for (const side of [1, -1] as const) {
      const along = s + side * SETBACK_KM + uniform(rand, -0.004, 0.004);
      records.push(placed(valley, along + STREETS_SHIFT_KM, offset, `${11 + 2 * i + (side === 1 ? 0 : 1)}, ${name}`, townAt(s)));
    }
  }
  return records;
}

/** Every demo address with its place in the valley frame (the street basemap puts a building there). */
export function placedDemoAddresses(seed: number): PlacedAddress[] {
  const valley = makeValley(seed);
  const rand = streamFor(seed, 'addresses');
  return [...ALONG.flatMap((street) => alongStreet(valley, rand, street)), ...ACROSS.flatMap((street) => acrossStreet(valley, rand, street))];
}

export function demoAddresses(seed: number): AddressRecord[] {
  return placedDemoAddresses(seed).map(({ address, municipality, lon, lat }) => ({ address, municipality, lon, lat }));
}

/** Writes public/data/addresses/demo/ and lists it in addresses/index.json (skipped when present, current and `ifMissing`). */
export async function writeDemoAddresses(outDir: string, seed: number, ifMissing = false): Promise<void> {
  const root = path.join(outDir, 'addresses');
  if (ifMissing && currentVersion(path.join(root, DEMO_ADDRESS_INDEX, MANIFEST_FILE))) return;
  mkdirSync(root, { recursive: true });
  // Small shards, so the demo shows the sharding at work.
  const report = await buildAddressIndex(demoAddresses(seed), { id: DEMO_ADDRESS_INDEX, dir: path.join(root, DEMO_ADDRESS_INDEX), shardBytes: 16_000 });
  listAddressIndex(root, {
    id: DEMO_ADDRESS_INDEX, title: { fr: 'Adresses de démonstration (synthétiques)', en: 'Demo addresses (synthetic)' },
    count: report.manifest.count, synthetic: true,
  });
}

/** True when the manifest exists and is of the format this code writes (an older one is rebuilt). */
function currentVersion(manifest: string): boolean {
  try {
    return (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: number }).version === INDEX_VERSION;
  } catch {
    return false;
  }
}
