// What the importer needs from a GeoTIFF's gdalinfo: size, bands, compression, CRS, bounds in degrees.

import { ImportError } from './errors';
import type { InputFormat } from './formats';
import type { RasterMetadata } from './layer_defaults';
import { rasterInfo } from './raster_gdal';

interface GdalInfoBand {
  type: string;
  description?: string;
  noDataValue?: number | string;
  colorTable?: { entries?: Array<[number, number, number, number]> };
  scale?: number;
  offset?: number;
  unit?: string;
}
interface GdalInfo {
  size: [number, number];
  geoTransform?: number[];
  coordinateSystem?: { wkt?: string };
  metadata?: { IMAGE_STRUCTURE?: { COMPRESSION?: string }; ''?: Record<string, string> };
  wgs84Extent?: { coordinates: number[][][] };
  bands: GdalInfoBand[];
}

export interface RasterBand {
  type: string;
  noData: number | null;
  colorTable?: Array<[number, number, number, number]>;
  /** GDAL's scale/offset and unit, when the band has any. */
  scaling?: { scale: number; offset: number; unit: string | null };
}

export interface RasterFacts {
  width: number;
  height: number;
  bands: RasterBand[];
  /** Compression of the input as GDAL names it (DEFLATE, LZW, JPEG…), or NONE. */
  compression: string;
  bounds: [number, number, number, number];
  /** What the file says about itself: name, band descriptions, date. */
  metadata: RasterMetadata;
}

/** gdalinfo writes nodata as a number, or as a string for NaN/Infinity. */
function parseNoData(value: number | string | undefined): number | null {
  if (value === undefined) return null;
  return typeof value === 'number' ? value : Number(value);
}

/** `readable` is read; `file` (the input as given) names it in messages. */
export async function inspectRaster(readable: string, format: InputFormat, file: string): Promise<RasterFacts> {
  const info = (await rasterInfo(readable, format)) as GdalInfo;
  if (!info.coordinateSystem?.wkt) {
    throw new ImportError(file, 'has no coordinate reference system; assign one (e.g. gdal_edit -a_srs EPSG:32198) and import again');
  }
  const [width, height] = info.size;
  if (!info.geoTransform || !info.wgs84Extent || info.bands.length === 0 || width === 0 || height === 0) {
    throw new ImportError(file, 'has no usable georeferencing or no bands');
  }
  const ring = info.wgs84Extent.coordinates[0] ?? [];
  const lons = ring.map((point) => point[0] as number);
  const lats = ring.map((point) => point[1] as number);
  return {
    width,
    height,
    bands: info.bands.map((band) => ({
      type: band.type,
      noData: parseNoData(band.noDataValue),
      ...(band.colorTable?.entries?.length ? { colorTable: band.colorTable.entries } : {}),
      ...(band.scale !== undefined || band.offset !== undefined || band.unit
        ? { scaling: { scale: band.scale ?? 1, offset: band.offset ?? 0, unit: band.unit || null } } : {}),
    })),
    compression: info.metadata?.IMAGE_STRUCTURE?.COMPRESSION ?? 'NONE',
    metadata: metadataOf(info),
    bounds: [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)],
  };
}

function metadataOf(info: GdalInfo): RasterMetadata {
  const tags = info.metadata?.[''] ?? {};
  const name = tags.TIFFTAG_DOCUMENTNAME ?? tags.TIFFTAG_IMAGEDESCRIPTION;
  return {
    ...(name ? { name } : {}),
    bandDescriptions: info.bands.map((band) => band.description ?? ''),
    ...(tags.TIFFTAG_DATETIME ? { datetime: tags.TIFFTAG_DATETIME } : {}),
  };
}
