// Which files an offline area needs, and their plans. Range-read files (PMTiles, COG) get the
// area's bytes only; small whole files (layer JSON, catalogue, GeoJSON) are kept whole by the
// service worker's cache (file_cache.ts). DOM-free.
import type { CogRendering, LayerDefinition, LayerSource } from '../catalogue/types';
import { planCog } from './cog_plan';
import { planPmtiles } from './pmtiles_plan';
import type { FilePlan, RangeReader } from './plan_types';
import type { Bbox } from './tiles';

export interface RangedFile {
  url: string;
  kind: 'pmtiles' | 'cog';
  rendering?: CogRendering;
}

export interface AreaFiles {
  ranged: RangedFile[];
  /** Whole files (absolute URLs). */
  whole: string[];
}

/**
 * The files of the layers to take along (every date of a series, a flood layer's coverage),
 * the basemaps, and the catalogue files the app reads at start.
 */
export function areaFiles(defs: LayerDefinition[], basemapUrls: string[], resolve: (url: string) => string, catalogueUrls: string[]): AreaFiles {
  const ranged = new Map<string, RangedFile>(basemapUrls.map((url) => [url, { url, kind: 'pmtiles' }]));
  const whole = new Set(catalogueUrls);
  for (const def of defs) {
    const urls = [def.source.url, ...(def.source.series ?? []).map((entry) => entry.url)].map(resolve);
    for (const url of urls) addFile(def.source, url, ranged, whole);
    if (def.coverage) whole.add(resolve(def.coverage));
  }
  return { ranged: [...ranged.values()], whole: [...whole] };
}

/** How a layer's file is taken along: whole (GeoJSON) or as the byte ranges of the area (a new kind must say). */
function addFile(source: LayerSource, url: string, ranged: Map<string, RangedFile>, whole: Set<string>): void {
  switch (source.kind) {
    case 'geojson':
      whole.add(url);
      return;
    case 'cog':
      ranged.set(url, { url, kind: 'cog', ...(source.cog ? { rendering: source.cog } : {}) });
      return;
    case 'pmtiles-vector':
    case 'pmtiles-raster':
      ranged.set(url, { url, kind: 'pmtiles' });
      return;
    default:
      return unknownKind(source);
  }
}

function unknownKind(source: never): never {
  throw new Error(`no offline plan for the source kind of ${JSON.stringify(source)}`);
}

/** Plans every ranged file (a few at a time: each reads only headers and directories). */
export async function planArea(files: RangedFile[], reader: (url: string) => RangeReader, bbox: Bbox,
  minZoom: number, maxZoom: number, signal?: AbortSignal): Promise<FilePlan[]> {
  const plans: FilePlan[] = [];
  const queue = [...files];
  const worker = async () => {
    for (let file = queue.shift(); file; file = queue.shift()) {
      signal?.throwIfAborted();
      plans.push(file.kind === 'cog'
        ? await planCog(file.url, reader(file.url), file.rendering ?? { mode: 'continuous' }, bbox, minZoom, maxZoom, signal)
        : await planPmtiles(file.url, reader(file.url), bbox, minZoom, maxZoom, signal));
    }
  };
  await Promise.all([worker(), worker(), worker()]);
  return plans.sort((a, b) => a.url.localeCompare(b.url));
}
