// Where the raster sits: the affine grid (north-up only) and the EPSG code from the GeoKeys.
import type { GeoTIFFImage } from 'geotiff';
import { isSupportedEpsg } from './crs';

export interface Georeference {
  epsg: number;
  /** Source-CRS coordinates of the outer corner of pixel (0, 0). */
  originX: number;
  originY: number;
  /** Pixel size in CRS units, both positive (rows go south). */
  resX: number;
  resY: number;
}

const USER_DEFINED = 32767;

export function readGeoreference(img: GeoTIFFImage): Georeference {
  const dir = img.fileDirectory;
  const hasGrid = (dir.hasTag('ModelPixelScale') && dir.hasTag('ModelTiepoint')) || dir.hasTag('ModelTransformation');
  const keys = img.getGeoKeys();
  if (!hasGrid || !keys) throw new Error('the file has no georeference');
  const epsg = epsgFromKeys(keys);
  const [originX, originY] = img.getOrigin() as [number, number];
  const [resX, resY] = img.getResolution() as [number, number];
  const transform = dir.getValue('ModelTransformation') as number[] | undefined;
  if (transform && (transform[1] !== 0 || transform[4] !== 0)) throw new Error('rotated rasters are not supported');
  if (!(resX > 0) || !(resY < 0)) throw new Error(`unsupported pixel size ${resX} × ${resY} (north-up rasters only)`);
  // PixelIsPoint: the tie point is a pixel centre; GDAL shifts it by half a pixel, so do we.
  const isPoint = keys.GTRasterTypeGeoKey === 2;
  return {
    epsg,
    originX: isPoint ? originX - resX / 2 : originX,
    originY: isPoint ? originY - resY / 2 : originY,
    resX,
    resY: -resY,
  };
}

function epsgFromKeys(keys: Record<string, unknown>): number {
  const projected = Number(keys.ProjectedCSTypeGeoKey ?? 0);
  const geographic = Number(keys.GeographicTypeGeoKey ?? 0);
  const model = Number(keys.GTModelTypeGeoKey ?? 0);
  const code = model === 2 ? geographic : projected || geographic;
  if (code === USER_DEFINED) throw new Error('the file has a user-defined CRS (no EPSG code); reproject it with `npm run import`');
  if (!code) throw new Error('the file has no CRS in its GeoKeys');
  if (!isSupportedEpsg(code)) throw new Error(`EPSG:${code} is not a supported CRS`);
  return code;
}
