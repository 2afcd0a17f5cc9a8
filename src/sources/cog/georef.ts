// Where the raster sits: the affine grid (north-up only) and the CRS from the GeoKeys (or the
// layer's override).
import type { GeoTIFFImage } from 'geotiff';
import { crsFromProj4, type Crs } from './crs';
import { crsFromEpsg } from './crs_epsg';
import { crsFromGeoKeys } from './crs_geokeys';

export interface Georeference {
  crs: Crs;
  /** Source-CRS coordinates of the outer corner of pixel (0, 0). */
  originX: number;
  originY: number;
  /** Pixel size in CRS units, both positive (rows go south). */
  resX: number;
  resY: number;
}

/** `crsOverride`: "EPSG:n" or a proj4 definition that replaces what the file declares. */
export async function readGeoreference(img: GeoTIFFImage, crsOverride?: string): Promise<Georeference> {
  const dir = img.fileDirectory;
  const hasGrid = (dir.hasTag('ModelPixelScale') && dir.hasTag('ModelTiepoint')) || dir.hasTag('ModelTransformation');
  const keys = img.getGeoKeys();
  if (!hasGrid || (!keys && !crsOverride)) throw new Error('the file has no georeference');
  const crs = crsOverride ? await crsFromText(crsOverride) : await crsFromGeoKeys(keys as Record<string, unknown>);
  const [originX, originY] = img.getOrigin() as [number, number];
  const [resX, resY] = img.getResolution() as [number, number];
  const transform = dir.getValue('ModelTransformation') as number[] | undefined;
  if (transform && (transform[1] !== 0 || transform[4] !== 0)) throw new Error('rotated rasters are not supported');
  if (!(resX > 0) || !(resY < 0)) throw new Error(`unsupported pixel size ${resX} × ${resY} (north-up rasters only)`);
  // PixelIsPoint: the tie point is a pixel centre; GDAL shifts it by half a pixel, so do we.
  const isPoint = keys?.GTRasterTypeGeoKey === 2;
  return {
    crs,
    originX: isPoint ? originX - resX / 2 : originX,
    originY: isPoint ? originY - resY / 2 : originY,
    resX,
    resY: -resY,
  };
}

/** A layer's CRS override: "EPSG:n" (looked up like a file's code) or a proj4 definition. */
export function crsFromText(text: string): Promise<Crs> {
  const epsg = /^\s*EPSG:(\d+)\s*$/i.exec(text);
  if (epsg) return crsFromEpsg(Number(epsg[1]));
  return Promise.resolve(crsFromProj4(text));
}
