// Which inputs the importer accepts, recognised by file extension (pure).

import path from 'node:path';

export type InputKind = 'vector' | 'raster';

export interface InputFormat {
  kind: InputKind;
  /** Human name used in messages. */
  name: string;
  /** GDAL virtual file system prefixes to open the file through (e.g. a zipped Shapefile). */
  vfs: string[];
  /** GDAL open options. */
  openOptions: string[];
}

const FORMATS: Record<string, InputFormat> = {
  '.geojson': { kind: 'vector', name: 'GeoJSON', vfs: [], openOptions: [] },
  '.json': { kind: 'vector', name: 'GeoJSON', vfs: [], openOptions: [] },
  '.gpkg': { kind: 'vector', name: 'GeoPackage', vfs: [], openOptions: [] },
  '.shp': { kind: 'vector', name: 'Shapefile', vfs: [], openOptions: [] },
  '.zip': { kind: 'vector', name: 'zipped Shapefile', vfs: ['vsizip'], openOptions: [] },
  // The input folder may be read-only: never write a .gfs schema file next to it.
  '.gml': { kind: 'vector', name: 'GML', vfs: [], openOptions: ['WRITE_GFS=NO'] },
  '.kml': { kind: 'vector', name: 'KML', vfs: [], openOptions: [] },
  '.tif': { kind: 'raster', name: 'GeoTIFF', vfs: [], openOptions: [] },
  '.tiff': { kind: 'raster', name: 'GeoTIFF', vfs: [], openOptions: [] },
};

export const SUPPORTED_EXTENSIONS = Object.keys(FORMATS);

/** The format of a file from its extension, or undefined when the importer does not know it. */
export function detectFormat(file: string): InputFormat | undefined {
  return FORMATS[path.extname(file).toLowerCase()];
}

/** Shapefiles carry their text encoding outside the .dbf (a .cpg file) or not at all. */
export function isShapefile(format: InputFormat): boolean {
  return format.name.includes('Shapefile');
}

/** "mrnf_fires_by_decade_1880-2029.geojson" → "Mrnf fires by decade 1880-2029": a starter title. */
export function titleFromFileName(file: string): string {
  const base = path.basename(file, path.extname(file)).replace(/[_\s]+/g, ' ').trim();
  return base.charAt(0).toUpperCase() + base.slice(1);
}
