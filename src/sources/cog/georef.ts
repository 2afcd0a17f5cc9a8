// Where the raster sits: the affine grid (north-up, or rotated/sheared by a ModelTransformation,
// as GDAL's geotransform) and the CRS from the GeoKeys (or the layer's override).
import type { GeoTIFFImage } from 'geotiff';
import { crsFromProj4, type Crs } from './crs';
import { crsFromEpsg } from './crs_epsg';
import { crsFromGeoKeys } from './crs_geokeys';
import { CrsError } from '../errors';

/** GDAL's geotransform: x = t0 + col·t1 + row·t2, y = t3 + col·t4 + row·t5 (pixel corners). */
export type Affine = [number, number, number, number, number, number];

export interface Georeference {
  crs: Crs;
  transform: Affine;
  /** Source-CRS coordinates of the outer corner of pixel (0, 0). */
  originX: number;
  originY: number;
  /** Pixel size in CRS units, both positive (the length of a pixel's sides when rotated). */
  resX: number;
  resY: number;
  /** The grid is rotated or sheared: use pixelToCrs / crsToPixel, never origin + res. */
  rotated: boolean;
}

/** CRS coordinates of a (fractional) full-resolution pixel position. */
export function pixelToCrs(g: Georeference, col: number, row: number): [number, number] {
  const t = g.transform;
  return [t[0] + col * t[1] + row * t[2], t[3] + col * t[4] + row * t[5]];
}

/** Fractional full-resolution pixel position of CRS coordinates. */
export function crsToPixel(g: Georeference, x: number, y: number): [number, number] {
  const t = g.transform;
  const det = t[1] * t[5] - t[2] * t[4];
  const dx = x - t[0], dy = y - t[3];
  return [(t[5] * dx - t[2] * dy) / det, (t[1] * dy - t[4] * dx) / det];
}

/** `crsOverride`: "EPSG:n" or a proj4 definition that replaces what the file declares. */
export async function readGeoreference(img: GeoTIFFImage, crsOverride?: string): Promise<Georeference> {
  const dir = img.fileDirectory;
  const hasGrid = (dir.hasTag('ModelPixelScale') && dir.hasTag('ModelTiepoint')) || dir.hasTag('ModelTransformation');
  const keys = img.getGeoKeys();
  if (!hasGrid || (!keys && !crsOverride)) throw new CrsError('no-georef', 'the file has no georeference');
  const crs = crsOverride ? await crsFromText(crsOverride) : await crsFromGeoKeys(keys as Record<string, unknown>);
  // PixelIsPoint: the tie point is a pixel centre; GDAL shifts it by half a pixel, so do we.
  const transform = affineOf(img, keys?.GTRasterTypeGeoKey === 2);
  const det = transform[1] * transform[5] - transform[2] * transform[4];
  if (!Number.isFinite(det) || det === 0) throw new CrsError('bad-georef', 'the file has a degenerate georeference (zero pixel size)');
  const rotated = transform[2] !== 0 || transform[4] !== 0;
  if (!rotated && !(transform[1] > 0 && transform[5] < 0)) {
    throw new CrsError('bad-georef', `unsupported pixel size ${transform[1]} × ${transform[5]} (rows must run north to south)`);
  }
  return {
    crs,
    transform,
    originX: transform[0],
    originY: transform[3],
    resX: Math.hypot(transform[1], transform[4]),
    resY: Math.hypot(transform[2], transform[5]),
    rotated,
  };
}

/** The geotransform from ModelTransformation, or from ModelTiepoint + ModelPixelScale. */
function affineOf(img: GeoTIFFImage, pixelIsPoint: boolean): Affine {
  const matrix = img.fileDirectory.getValue('ModelTransformation') as number[] | undefined;
  let t: Affine;
  if (matrix && matrix.length >= 8) {
    t = [matrix[3] as number, matrix[0] as number, matrix[1] as number, matrix[7] as number, matrix[4] as number, matrix[5] as number];
  } else {
    const [originX, originY] = img.getOrigin() as [number, number];
    const [resX, resY] = img.getResolution() as [number, number];
    t = [originX, resX, 0, originY, 0, resY];
  }
  if (!pixelIsPoint) return t;
  return [t[0] - 0.5 * (t[1] + t[2]), t[1], t[2], t[3] - 0.5 * (t[4] + t[5]), t[4], t[5]];
}

/** A layer's CRS override: "EPSG:n" (looked up like a file's code) or a proj4 definition. */
export function crsFromText(text: string): Promise<Crs> {
  const epsg = /^\s*EPSG:(\d+)\s*$/i.exec(text);
  if (epsg) return crsFromEpsg(Number(epsg[1]));
  return Promise.resolve(crsFromProj4(text));
}
