// Opening a (Cloud Optimized) GeoTIFF: one header request, checks that turn bad files into
// clear errors, the CRS and the pyramid of images (full resolution first).
import { GeoTIFF, type GeoTIFFImage } from 'geotiff';
import type { Converter } from 'proj4';
import type { RangeSource } from '../source';
import { ByteCache, type ByteCacheOptions, type ByteRange, type ByteStats } from './byte_cache';
import { converterFor, type Crs } from './crs';
import { readGeoreference, type Georeference } from './georef';
import { checkFirstIfdInside, checkImage, checkNotHtml, checkTagCounts } from './checks';
import { loadBlockTable } from './blocks';
import { FormatError, SizeError, withFile } from '../errors';

export interface CogLevel {
  image: GeoTIFFImage;
  /** Internal mask (GDAL: 0 = transparent) of the same size, if any. */
  mask: GeoTIFFImage | null;
  /** 0-based sample of an alpha band (ExtraSamples), drawn as transparency where 0; null if none. */
  alpha: number | null;
  width: number;
  height: number;
  /** Source CRS units per pixel (x, y positive). */
  resX: number;
  resY: number;
}

/** What a COG reads its bytes through: a ByteCache, or in a tile worker the main thread's cache. */
export interface ByteReader {
  readonly stats: ByteStats;
  readonly fileSize: number | null;
  /** true while the file is opened (header reads). */
  headerMode: boolean;
  fetch(slices: ByteRange[], signal?: AbortSignal): Promise<ArrayBuffer[]>;
  fetchSlice(slice: ByteRange, signal?: AbortSignal): Promise<ByteRange & { data: ArrayBuffer }>;
  prefetch(wanted: ByteRange[], signal?: AbortSignal): Promise<void>;
  isCached(range: ByteRange): boolean;
  close(): Promise<void>;
}

export interface Cog {
  key: string;
  bytes: ByteReader;
  tiff: GeoTIFF;
  /** Full resolution first, then overviews by decreasing size. */
  levels: CogLevel[];
  width: number;
  height: number;
  bands: number;
  dtype: string;
  nodata: number | null;
  /** The file's CRS (or the layer's override). */
  crs: Crs;
  georef: Georeference;
  /** lon/lat ⇄ source CRS. */
  proj: Converter;
  close(): Promise<void>;
}

type TiffSource = Parameters<typeof GeoTIFF.fromSource>[0];

export interface OpenOptions {
  /** "EPSG:n" or a proj4 definition replacing the file's own CRS (a layer's `cog.crs`). */
  crs?: string;
}

export async function openCog(source: RangeSource, options: ByteCacheOptions & OpenOptions = {}, signal?: AbortSignal): Promise<Cog> {
  return openCogFrom(new ByteCache(source, options), source.getKey(), signal, options);
}

/** Opens a COG over a byte reader that is in header mode. */
export async function openCogFrom(bytes: ByteReader, key: string, signal?: AbortSignal, options: OpenOptions = {}): Promise<Cog> {
  try {
    const [first] = await bytes.fetch([{ offset: 0, length: 1024 }], signal);
    const head = new Uint8Array(first as ArrayBuffer);
    if (bytes.fileSize === 0 || head.every((b) => b === 0)) throw new FormatError('empty', 'the file is empty');
    checkNotHtml(head);
    checkFirstIfdInside(head, bytes.fileSize);
    checkTagCounts(head, bytes.fileSize);
    const tiff = await GeoTIFF.fromSource(bytes as unknown as TiffSource, {}, signal).catch((error: unknown) => {
      const detail = error instanceof Error ? error.message : String(error);
      throw new FormatError('not-tiff', `not a TIFF file (${detail})`, undefined, detail);
    });
    const levels = await readLevels(tiff, bytes.fileSize);
    bytes.headerMode = false;
    await readSmallStripedWhole(levels, bytes, signal);
    const georef = await readGeoreference((levels[0] as CogLevel).image, options.crs);
    return describe(key, bytes, tiff, levels, georef);
  } catch (error) {
    await bytes.close().catch(() => undefined);
    throw withFile(error, key);
  }
}

/** Striped (not tiled) files up to this size are read whole when opened. */
export const SMALL_STRIPED_BYTES = 8 * 1024 * 1024;

/** A small striped file in one request: any view or statistic then reads no strip on its own. */
async function readSmallStripedWhole(levels: CogLevel[], bytes: ByteReader, signal?: AbortSignal): Promise<void> {
  const size = bytes.fileSize;
  if (levels[0]?.image.isTiled !== false || size === null || size > SMALL_STRIPED_BYTES) return;
  await bytes.prefetch([{ offset: 0, length: size }], signal);
}

/** Full-resolution image, overviews and masks, with their tile tables loaded while in header mode. */
async function readLevels(tiff: GeoTIFF, fileSize: number | null): Promise<CogLevel[]> {
  const count = await tiff.getImageCount();
  if (count > 64) throw new SizeError('absurd-size', `too many images in the file (${count})`);
  const images: GeoTIFFImage[] = [];
  for (let i = 0; i < count; i++) images.push(await tiff.getImage(i));
  const isMask = (img: GeoTIFFImage) => (Number(img.fileDirectory.getValue('NewSubfileType') ?? 0) & 4) !== 0;
  const data = images.filter((img) => !isMask(img));
  const masks = images.filter(isMask);
  const first = data[0];
  if (!first) throw new FormatError('corrupt', 'the file holds no image');
  const pyramid = data.filter((img) => img.getSamplesPerPixel() === first.getSamplesPerPixel());
  for (const img of [...pyramid, ...masks]) {
    checkImage(img, fileSize);
    await loadBlockTable(img);
  }
  const levels = pyramid.map((image) => ({
    image,
    mask: masks.find((m) => m.getWidth() === image.getWidth() && m.getHeight() === image.getHeight()) ?? null,
    alpha: alphaSample(image),
    width: image.getWidth(),
    height: image.getHeight(),
    resX: 0,
    resY: 0,
  }));
  return levels.sort((a, b) => b.width - a.width);
}

function describe(key: string, bytes: ByteReader, tiff: GeoTIFF, levels: CogLevel[], georef: Georeference): Cog {
  const full = levels[0] as CogLevel;
  for (const level of levels) {
    level.resX = (georef.resX * full.width) / level.width;
    level.resY = (georef.resY * full.height) / level.height;
  }
  return {
    key,
    bytes,
    tiff,
    levels,
    width: full.width,
    height: full.height,
    bands: full.image.getSamplesPerPixel(),
    dtype: dtypeOf(full.image),
    nodata: full.image.getGDALNoData(),
    crs: georef.crs,
    georef,
    proj: converterFor(georef.crs),
    close: () => bytes.close(),
  };
}

/** numpy-style data type name of the first sample. */
export function dtypeOf(img: GeoTIFFImage): string {
  const bits = img.getBitsPerSample(0);
  const format = img.getSampleFormat(0);
  const kind = format === 3 ? 'float' : format === 2 ? 'int' : 'uint';
  return `${kind}${bits}`;
}

/** The sample holding alpha (ExtraSamples 1 = associated, 2 = unassociated), as GDAL reads it. */
function alphaSample(image: GeoTIFFImage): number | null {
  const extra = image.fileDirectory.getValue('ExtraSamples') as number | ArrayLike<number> | undefined;
  if (extra === undefined) return null;
  const kinds = typeof extra === 'number' ? [extra] : Array.from(extra);
  const k = kinds.findIndex((kind) => kind === 1 || kind === 2);
  return k < 0 ? null : image.getSamplesPerPixel() - kinds.length + k;
}
