// shpjs ships no typings; only the zip entry point is used here.
declare module 'shpjs' {
  import type { FeatureCollection } from 'geojson';

  /** Reads a zipped Shapefile (one or more layers); reprojects with the .prj when present. */
  export function parseZip(
    buffer: ArrayBuffer | Uint8Array,
    whiteList?: string[],
  ): Promise<FeatureCollection | FeatureCollection[]>;
}
