// GeoTIFF → Cloud Optimized GeoTIFF with GDAL's COG driver: tiled, with overviews, DEFLATE/LZW kept
// (anything else becomes DEFLATE), nodata and CRS kept. The app reprojects COGs itself, so no warp.

import fs from 'node:fs/promises';
import path from 'node:path';
import { fromFile } from 'geotiff';
import { ImportError } from './errors';
import { translateRaster } from './raster_gdal';
import type { InputFormat } from './formats';
import { inspectRaster, type RasterFacts } from './raster_inspect';
import { decodeJpegTiff, isJpegTiff } from './raster_decode';
import { chooseRasterStyle, type BandSample, type RasterStyle } from '../../queries/default_style_raster';
import { openCog, type Cog } from '../../sources/cog/open';
import { bounds4326 } from '../../sources/cog/info';
import { FileRangeSource } from '../../sources/file_source';

export interface RasterResult {
  facts: RasterFacts;
  style: RasterStyle;
  compression: string;
  blockSize: number;
  overviewResampling: string;
  bounds: [number, number, number, number];
}

export interface RasterJob {
  file: string;
  format: InputFormat;
  id: string;
  outDir: string;
  /** The compression to keep when the file read is not the original (a mosaic of parts). */
  compression?: string;
  /** The file read already holds every overview, made with this resampling (a mosaic of parts): they are copied, not recomputed. */
  premadeOverviews?: string;
  /** GDAL's compression threads (the merge of a `--jobs K` import uses K). */
  threads?: number;
}

/** Pixels read to choose colours: the largest image (full resolution or overview) under this size. */
const SAMPLE_PIXELS = 1_000_000;

interface CogChoices {
  /** Copy the input's overviews instead of computing them. */
  premadeOverviews?: boolean;
  threads?: number;
}

export function cogOptions(facts: Pick<RasterFacts, 'width' | 'height' | 'compression'>, resampling: string, choices: CogChoices = {}): { options: string[]; compression: string; blockSize: number } {
  const compression = ['DEFLATE', 'LZW'].includes(facts.compression.toUpperCase()) ? facts.compression.toUpperCase() : 'DEFLATE';
  const blockSize = Math.max(facts.width, facts.height) <= 2048 ? 256 : 512;
  const options = ['-of', 'COG', '-co', `COMPRESS=${compression}`, '-co', 'PREDICTOR=YES', '-co', `BLOCKSIZE=${blockSize}`,
    '-co', `RESAMPLING=${resampling}`, '-co', `OVERVIEWS=${choices.premadeOverviews ? 'FORCE_USE_EXISTING' : 'IGNORE_EXISTING'}`,
    ...(choices.threads && choices.threads > 1 ? ['-co', `NUM_THREADS=${choices.threads}`] : [])];
  return { options, compression, blockSize };
}

/** Classes must never be averaged into codes that do not exist: a colour table or one Byte band means classes. */
export const looksCategorical = (facts: RasterFacts): boolean =>
  facts.bands.some((band) => band.colorTable) || (facts.bands.length === 1 && facts.bands[0]?.type === 'Byte');

export async function importRaster(job: RasterJob): Promise<RasterResult> {
  const decoded = (await isJpegTiff(job.file)) ? path.join(job.outDir, `${job.id}.decoding.tif`) : null;
  try {
    if (decoded) await decodeJpegTiff(job.file, decoded);
    return await importReadable(job, decoded ?? job.file);
  } finally {
    if (decoded) await fs.rm(decoded, { force: true });
  }
}

/** `readable`: the input, or its decoded copy when gdal3.js lacks the input's codec. */
async function importReadable(job: RasterJob, readable: string): Promise<RasterResult> {
  const inspected = await inspectRaster(readable, job.format, job.file);
  const facts = job.compression ? { ...inspected, compression: job.compression } : inspected;
  let resampling = job.premadeOverviews ?? (looksCategorical(facts) ? 'NEAREST' : 'AVERAGE');
  let target = await writeCog(readable, job, cogOptions(facts, resampling, { premadeOverviews: Boolean(job.premadeOverviews), threads: job.threads }).options);
  const style = chooseRasterStyle(await sampleBands(target, facts));
  if (style.cog.mode === 'categorical' && resampling !== 'NEAREST') {
    resampling = 'NEAREST'; // a few integer values found only by reading: rebuild overviews without mixing classes
    target = await writeCog(readable, job, cogOptions(facts, resampling, { threads: job.threads }).options);
  }
  const { compression, blockSize } = cogOptions(facts, resampling);
  return { facts, style, compression, blockSize, overviewResampling: resampling, bounds: await appBounds(job.file, target) };
}

/**
 * The output as the app opens it: its CRS must be one the app reads, and its lon/lat bounds come
 * from 33 points along every edge (gdalinfo's wgs84Extent uses the 4 corners only, which cuts off
 * the bulge of a projected grid's edges).
 */
async function appBounds(input: string, cogFile: string): Promise<[number, number, number, number]> {
  let cog: Cog | null = null;
  try {
    cog = await openCog(new FileRangeSource(cogFile));
    return bounds4326(cog);
  } catch (error) {
    await fs.rm(cogFile, { force: true });
    throw new ImportError(input, `the converted file cannot be read by the app: ${error instanceof Error ? error.message : String(error)}`);
  } finally {
    await cog?.close();
  }
}

async function writeCog(readable: string, job: RasterJob, options: string[]): Promise<string> {
  // Written under a temporary name, then renamed: a failed import never leaves a half file in place.
  const temporary = path.join(job.outDir, `${job.id}.importing.tif`);
  const target = path.join(job.outDir, `${job.id}.tif`);
  await fs.rm(temporary, { force: true });
  try {
    await translateRaster(readable, job.format, options, temporary, 'conversion to COG failed');
    if ((await fs.stat(temporary)).size === 0) throw new ImportError(job.file, 'conversion to COG failed: no output written');
  } catch (error) {
    await fs.rm(temporary, { force: true });
    throw error instanceof ImportError && readable !== job.file ? new ImportError(job.file, error.problem) : error;
  }
  await fs.rename(temporary, target);
  return target;
}

/** Up to three bands of the largest image under SAMPLE_PIXELS, read with geotiff.js (the app's reader). */
async function sampleBands(cogFile: string, facts: RasterFacts): Promise<BandSample[]> {
  const tiff = await fromFile(cogFile);
  try {
    const count = await tiff.getImageCount();
    let image = await tiff.getImage(0);
    for (let i = 1; i < count && image.getWidth() * image.getHeight() > SAMPLE_PIXELS; i++) image = await tiff.getImage(i);
    const samples = facts.bands.slice(0, 3).map((_, i) => i);
    const rasters = await image.readRasters({ samples, interleave: false });
    return samples.map((i) => {
      const band = facts.bands[i] as RasterFacts['bands'][number];
      return { type: band.type, noData: band.noData, ...(band.colorTable ? { colorTable: band.colorTable } : {}), ...(band.scaling ? { scaling: band.scaling } : {}), values: (rasters as unknown as ArrayLike<number>[])[i] as ArrayLike<number> };
    });
  } finally {
    tiff.close?.();
  }
}
