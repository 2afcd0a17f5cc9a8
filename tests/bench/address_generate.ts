// Synthetic Québec-like civic addresses for the address-search benchmark: `count` addresses over
// `towns` municipalities whose sizes follow Zipf's law, streets named as in Québec (many towns have
// a rue Principale, a chemin du Lac, a rue Saint-Joseph…), civic numbers in steps along each street.
// Seeded: the same arguments give the same CSV. Also returns a seeded random sample of addresses.
//   npx tsx tests/bench/address_generate.ts <out.csv> [count] [towns]
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { mulberry32, pick, type Random } from '../../src/cli/demo/prng';
import { searchForm } from '../../src/queries/search/normalize';
import type { AddressRecord } from '../../src/queries/search/address_format';
import { municipalityName, streetName } from './address_names';

export interface GenerateOptions { count: number; towns: number; seed: number; sampleSize: number }

function townNames(rand: Random, count: number): string[] {
  const seen = new Set<string>();
  const names: string[] = [];
  while (names.length < count) {
    const name = municipalityName(rand);
    if (seen.has(searchForm(name))) continue;
    seen.add(searchForm(name));
    names.push(name);
  }
  return names;
}

/** Zipf sizes (exponent 1) summing to `total`, largest first; every town gets at least 20 addresses. */
function zipfSizes(total: number, towns: number): number[] {
  const weights = Array.from({ length: towns }, (_, i) => 1 / (i + 1));
  const sum = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(20, Math.floor((w / sum) * total)));
  sizes[0]! += total - sizes.reduce((a, b) => a + b, 0);
  return sizes;
}

const csvField = (text: string) => (/[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);

/** One town's addresses: streets of 10–300 doors with distinct names, numbered from 1, 10, 100 or 1000 in steps of 2 or 4. */
function* townAddresses(rand: Random, name: string, size: number, centre: [number, number]): Generator<AddressRecord> {
  const used = new Set<string>();
  const radius = 0.004 * Math.sqrt(size / 100);
  let made = 0;
  for (let attempts = 0; made < size && attempts < 100_000; attempts++) {
    const street = streetName(rand);
    if (used.has(street)) continue;
    used.add(street);
    const doors = Math.min(size - made, 10 + Math.floor(rand() * rand() * 290));
    const start = pick(rand, [1, 2, 10, 100, 101, 1000]);
    const step = rand() < 0.7 ? 2 : 4;
    const [lon0, lat0] = [centre[0] + (rand() - 0.5) * radius * 2, centre[1] + (rand() - 0.5) * radius * 1.4];
    const angle = rand() * Math.PI;
    for (let i = 0; i < doors; i++) {
      const suffix = rand() < 0.01 ? 'A' : '';
      const along = i * 0.00012;
      yield { address: `${start + i * step}${suffix}, ${street}`, municipality: name, lon: lon0 + Math.cos(angle) * along, lat: lat0 + Math.sin(angle) * along * 0.7 };
    }
    made += doors;
  }
}

/** Writes the CSV (address,municipality,lon,lat) and returns `sampleSize` addresses drawn uniformly (reservoir sampling). */
export async function generateAddresses(file: string, options: GenerateOptions): Promise<AddressRecord[]> {
  const rand = mulberry32(options.seed);
  const names = townNames(rand, options.towns);
  const sizes = zipfSizes(options.count, options.towns);
  const out = createWriteStream(file);
  out.write('address,municipality,lon,lat\n');
  const sample: AddressRecord[] = [];
  let seen = 0;
  let buffer: string[] = [];
  for (const [t, name] of names.entries()) {
    const centre: [number, number] = [-79 + rand() * 15, 45 + rand() * 4.5];
    for (const record of townAddresses(rand, name, sizes[t]!, centre)) {
      seen++;
      if (sample.length < options.sampleSize) sample.push(record);
      else {
        const slot = Math.floor(rand() * seen);
        if (slot < options.sampleSize) sample[slot] = record;
      }
      buffer.push(`${csvField(record.address)},${csvField(record.municipality)},${record.lon.toFixed(6)},${record.lat.toFixed(6)}`);
      if (buffer.length >= 10_000) {
        if (!out.write(`${buffer.join('\n')}\n`)) await once(out, 'drain');
        buffer = [];
      }
    }
  }
  out.end(buffer.length ? `${buffer.join('\n')}\n` : '');
  await once(out, 'finish');
  return sample;
}

if (process.argv[1]?.endsWith('address_generate.ts')) {
  const [file, count = '4000000', towns = '1100'] = process.argv.slice(2);
  if (!file) throw new Error('usage: npx tsx tests/bench/address_generate.ts <out.csv> [count] [towns]');
  const started = performance.now();
  await generateAddresses(file, { count: Number(count), towns: Number(towns), seed: 15, sampleSize: 0 });
  console.log(`${file}: ${count} addresses in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
