// `cli geocode --index <folder|url> "<text>" [--limit 5]`: the address search of the app, from a
// static address index on disk or on a web server; prints [{label, municipality, lon, lat, score}].
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { AddressIndex, type FetchJson } from '../../queries/search/address_reader';
import { fetchWithRetry } from '../../sources/http_retry';
import { requireNumber, requireOption } from './args';

export interface GeocodeResult { label: string; municipality: string; lon: number; lat: number; score: number }

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

export async function geocode(index: AddressIndex, text: string, limit: number): Promise<GeocodeResult[]> {
  const answer = await index.search(text, limit);
  const addresses = answer.hits.map(({ address, municipality, lon, lat, score }) => ({ label: address, municipality, lon, lat, score }));
  const towns = answer.municipalities.map(({ name, lon, lat, score }) => ({ label: name, municipality: name, lon, lat, score }));
  return [...addresses, ...towns].sort((a, b) => b.score - a.score).slice(0, limit);
}

export async function run(options: Map<string, string>): Promise<GeocodeResult[]> {
  const location = requireOption(options, 'index');
  const text = requireOption(options, 'text');
  const limit = options.has('limit') ? requireNumber(options, 'limit') : 5;
  return geocode(new AddressIndex(indexFetcher(location), `address index ${location}`), text, limit);
}
