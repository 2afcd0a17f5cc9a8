// shpjs ships no typings; the zip entry point and the part readers used here.
declare module 'shpjs' {
  import type { FeatureCollection } from 'geojson';

  /** Reads a zipped Shapefile (one or more layers); reprojects with the .prj when present. */
  export function parseZip(
    buffer: ArrayBuffer | Uint8Array,
    whiteList?: string[],
  ): Promise<FeatureCollection | FeatureCollection[]>;

  /** The shapes of a .shp, reprojected to WGS84 with the .prj's text when given. */
  export function parseShp(shp: ArrayBuffer | Uint8Array, prj?: string): unknown[];

  /** The records of a .dbf, text decoded with the .cpg's encoding name when given (UTF-8 otherwise). */
  export function parseDbf(dbf: ArrayBuffer | Uint8Array, cpg?: string): Array<Record<string, unknown>>;

  /** Shapes and records joined into features. */
  export function combine(parts: [unknown[], Array<Record<string, unknown>> | undefined]): FeatureCollection;
}
