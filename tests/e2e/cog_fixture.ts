// Shared by the cog_*.test.ts browser tests: declare COG layers through the user catalogue
// (layers/local/…, intercepted), serve files from ../shared/data without copying them (with HTTP
// Range support), and compute the colour a pixel must show from its value read in Node with the
// project's identify (itself checked equal to GDAL in tests/unit/cli_cog.test.ts).
import { closeSync, existsSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Page, Route } from 'playwright-core';
import type { CogRendering, LayerDefinition } from '../../src/catalogue/types';
import { parseColour } from '../../src/sources/cog/colour';
import { openCog, type Cog } from '../../src/sources/cog/open';
import { pixelToCrs } from '../../src/sources/cog/georef';
import { FileRangeSource } from '../../src/sources/file_source';
import type { Rgb } from './pixels';
import { SHARED_DATA as sharedData } from '../support/shared_data';

export { REPO_ROOT as repoRoot, SHARED_DATA as sharedData, hasShared as hasSharedData } from '../support/shared_data';

export function openLocalCog(file: string): Promise<Cog> {
  return openCog(new FileRangeSource(file));
}

/** A user layer file for a COG served at `url`. */
export function cogLayer(id: string, url: string, cog: CogRendering): LayerDefinition {
  return {
    id, group: 'reference', source: { kind: 'cog', url, cog },
    title: { fr: id, en: id }, description: { fr: id, en: id },
    style: [{ type: 'raster', paint: { 'raster-resampling': 'nearest' } }],
    legend: { type: 'categories', items: [{ label: { fr: id, en: id }, color: '#000000', shape: 'raster' }] },
    attribution: { organisation: { fr: 'test', en: 'test' }, licence: 'test', date: '2024' },
    opacity: 1,
  };
}

/** Serves layers/local/catalogue.json + <id>.json for these layers, and /shared/<path> from ../shared/data. */
export async function routeLocalLayers(page: Page, layers: LayerDefinition[]): Promise<void> {
  await page.route('**/layers/local/catalogue.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ layers: layers.map((l) => l.id) }) }));
  for (const layer of layers) {
    await page.route(`**/layers/local/${layer.id}.json`, (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(layer) }));
  }
  await page.route('**/shared/**', (route) => serveShared(route));
}

/** A static file with single Range support (what COG readers ask for). */
async function serveShared(route: Route): Promise<void> {
  const relative = decodeURIComponent(new URL(route.request().url()).pathname.replace(/^.*\/shared\//, ''));
  const file = path.resolve(sharedData, relative);
  if (!file.startsWith(sharedData) || !existsSync(file)) return route.fulfill({ status: 404, body: 'not found' });
  return serveFileWithRanges(route, file);
}

/** Answers a request for one local file, honouring a single Range header. */
export async function serveFileWithRanges(route: Route, file: string): Promise<void> {
  const size = statSync(file).size;
  const range = /bytes=(\d+)-(\d*)/.exec((await route.request().headerValue('range')) ?? '');
  const headers = { 'Accept-Ranges': 'bytes', 'Content-Type': 'image/tiff', 'Access-Control-Allow-Origin': '*' };
  if (!range) return route.fulfill({ status: 200, headers, body: readFileSync(file) });
  const start = Number(range[1]);
  const end = Math.min(size - 1, range[2] ? Number(range[2]) : size - 1);
  // only the asked bytes: reading a 40 MB fixture whole per request would exhaust the test's memory
  const body = Buffer.alloc(end - start + 1);
  const fd = openSync(file, 'r');
  try {
    readSync(fd, body, 0, body.length, start);
  } finally {
    closeSync(fd);
  }
  return route.fulfill({ status: 206, headers: { ...headers, 'Content-Range': `bytes ${start}-${end}/${size}` }, body });
}

/** The colour the COG renderer gives these band values (nearest sampling, so no blending). */
export function expectedColour(cog: CogRendering, values: number[]): Rgb | null {
  if (cog.mode === 'categorical') {
    const colour = cog.categories?.[String(values[0])];
    return colour ? (parseColour(colour).slice(0, 3) as Rgb) : null;
  }
  if (cog.mode === 'rgb') {
    return [0, 1, 2].map((b) => {
      const [lo, hi] = cog.stretch![b]!;
      return Math.max(0, Math.min(255, ((values[b]! - lo) * 255) / (hi - lo)));
    }) as Rgb;
  }
  const stops = cog.ramp!;
  const v = values[0]!;
  let i = 0;
  while (i < stops.length - 2 && v > stops[i + 1]![0]) i++;
  const [v0, c0] = stops[i]!;
  const [v1, c1] = stops[i + 1]!;
  const t = Math.max(0, Math.min(1, (v - v0) / (v1 - v0)));
  const [a, b] = [parseColour(c0), parseColour(c1)];
  return [0, 1, 2].map((k) => a[k]! + (b[k]! - a[k]!) * t) as Rgb;
}

/** Lon/lat of the centre of full-resolution pixel (col, row). */
export function pixelCentre(cog: Cog, col: number, row: number): [number, number] {
  return cog.proj.inverse(pixelToCrs(cog.georef, col + 0.5, row + 0.5)) as [number, number];
}

/** Web Mercator zoom at which one source pixel spans about `screenPx` screen pixels. */
export function zoomForPixel(cog: Cog, lat: number, screenPx: number): number {
  const [lon0, lat0] = pixelCentre(cog, Math.floor(cog.width / 2), Math.floor(cog.height / 2));
  const [lon1, lat1] = pixelCentre(cog, Math.floor(cog.width / 2) + 1, Math.floor(cog.height / 2) + 1);
  const metres = Math.min(Math.abs(lon1 - lon0) * 111320 * Math.cos((lat0 * Math.PI) / 180), Math.abs(lat1 - lat0) * 110574);
  const metresPerScreenPx = metres / screenPx;
  return Math.min(20, Math.log2((156543.03 * Math.cos((lat * Math.PI) / 180)) / metresPerScreenPx));
}
