// Where identify and the flood verdict read layer data from: one small interface, opened
// once per file and cached. The browser passes fetch-based I/O, Node passes files
// (see identify_data_node.ts); the queries themselves never know which.
import { PMTiles } from 'pmtiles';
import type { Feature } from 'geojson';
import { geometryFeatures } from './geojson_text';
import { NetworkError } from '../sources/errors';
import { FetchRangeSource, type RangeSource } from '../sources/source';
import type { Cog } from '../sources/cog/open';

export interface DataAccess {
  /** A PMTiles archive for a catalogue URL (relative URLs resolved by the I/O). */
  pmtiles(url: string): PMTiles;
  /** The features of a GeoJSON file (Feature or FeatureCollection). */
  geojson(url: string): Promise<Feature[]>;
  /** An opened Cloud Optimized GeoTIFF. */
  /** `crs`: the layer's CRS override (CogRendering.crs). */
  cog(url: string, crs?: string): Promise<Cog>;
}

export interface DataIo {
  /** Catalogue URL → absolute URL or file path. */
  resolve(url: string): string;
  rangeSource(resolved: string): RangeSource;
  readText(resolved: string): Promise<string>;
}

export function makeDataAccess(io: DataIo): DataAccess {
  const archives = new Map<string, PMTiles>();
  const geojsons = new Map<string, Promise<Feature[]>>();
  const cogs = new Map<string, Promise<Cog>>();
  return {
    pmtiles(url) {
      const resolved = io.resolve(url);
      let archive = archives.get(resolved);
      if (!archive) {
        archive = new PMTiles(io.rangeSource(resolved));
        archives.set(resolved, archive);
      }
      return archive;
    },
    geojson(url) {
      const resolved = io.resolve(url);
      return remember(geojsons, resolved, async () => parseGeojson(await io.readText(resolved), resolved));
    },
    cog(url, crs) {
      const resolved = io.resolve(url);
      return remember(cogs, crs ? `${resolved}\n${crs}` : resolved, async () => {
        // geotiff and proj4 load with the first COG read, not with the page
        const { openCog } = await import('../sources/cog/open');
        return openCog(io.rangeSource(resolved), { crs });
      });
    },
  };
}

/** Over HTTP: what the browser uses (fetch exists in Node too). */
export function fetchDataAccess(resolve: (url: string) => string): DataAccess {
  return makeDataAccess({
    resolve,
    rangeSource: (resolved) => new FetchRangeSource(resolved),
    readText: async (resolved) => {
      const response = await fetch(resolved);
      if (!response.ok) throw new NetworkError({ code: 'http', url: resolved, status: response.status }, `HTTP ${response.status}`);
      return response.text();
    },
  });
}

/** Caches a promise, but forgets failures so a later attempt can succeed. */
function remember<T>(cache: Map<string, Promise<T>>, key: string, make: () => Promise<T>): Promise<T> {
  const cached = cache.get(key);
  if (cached) return cached;
  const pending = make();
  pending.catch(() => cache.delete(key));
  cache.set(key, pending);
  return pending;
}

/** Text → the features with a geometry, with errors that name the file (see geojson_text.ts). */
export const parseGeojson = geometryFeatures;
