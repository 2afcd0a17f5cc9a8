// `cli geocode --index <folder|url> "<text>" [--limit 5] [--near <lon,lat>]`: the address search of
// the app, from a static address index on disk or on a web server; prints
// [{label, municipality, lon, lat, score, group?}]. A grouped result (the same address in more
// municipalities than the list has room for) lists them all in `group` [{municipality, lon, lat}],
// largest first or nearest to --near first; its municipality, lon and lat are those of the first.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AddressIndex, type FetchJson, type GroupedTown } from '../../queries/search/address_reader';
import { fetchWithRetry } from '../../sources/http_retry';
import { requireNumber, requireOption } from './args';

export interface GeocodeResult { label: string; municipality: string; lon: number; lat: number; score: number; group?: GroupedTown[] }

/** Reads index files from a folder or below a URL. */
export function indexFetcher(location: string): FetchJson {
  if (/^https?:\/\//.test(location)) {
    const base = location.endsWith('/') ? location : `${location}/`;
    return async (file) => {
      const url = new URL(file, base).href;
      const response = await fetchWithRetry(url);
      if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
      return response.json();
    };
  }
  return async (file) => {
    const full = path.join(location, file);
    const text = await readFile(full, 'utf8').catch(() => { throw new Error(`${full}: not found (is --index an address index folder?)`); });
    return JSON.parse(text);
  };
}

export async function geocode(index: AddressIndex, text: string, limit: number, near?: [number, number]): Promise<GeocodeResult[]> {
  const answer = await index.search(text, limit, near ? { near } : {});
  const addresses = answer.hits.map(({ address, municipality, lon, lat, score, group }) => ({ label: address, municipality, lon, lat, score, ...(group ? { group } : {}) }));
  const towns = answer.municipalities.map(({ name, lon, lat, score }) => ({ label: name, municipality: name, lon, lat, score }));
  return [...addresses, ...towns].sort((a, b) => b.score - a.score).slice(0, limit);
}

export async function run(options: Map<string, string>): Promise<GeocodeResult[]> {
  const location = requireOption(options, 'index');
  const text = requireOption(options, 'text');
  const limit = options.has('limit') ? requireNumber(options, 'limit') : 5;
  return geocode(new AddressIndex(indexFetcher(location), `address index ${location}`), text, limit, readNear(options.get('near')));
}

/** `--near -72.5,46.3`: a point to rank equal results by (longitude first, as everywhere in the CLI). */
function readNear(text: string | undefined): [number, number] | undefined {
  if (text === undefined) return undefined;
  const [lon, lat] = text.split(',').map(Number);
  if (text.split(',').length !== 2 || !Number.isFinite(lon) || !Number.isFinite(lat) || Math.abs(lon!) > 180 || Math.abs(lat!) > 90) {
    throw new Error(`--near must be "longitude,latitude" (e.g. -72.5,46.3), got "${text}"`);
  }
  return [lon!, lat!];
}
