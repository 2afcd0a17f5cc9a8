// GeoTIFF → Cloud Optimized GeoTIFF with GDAL's COG driver: tiled, with overviews, DEFLATE/LZW kept
// (anything else becomes DEFLATE), nodata and CRS kept. The app reprojects COGs itself, so no warp.

import fs from 'node:fs/promises';
import path from 'node:path';
import { fromFile } from 'geotiff';
import { ImportError } from './errors';
import { describeOpenFailure, lastGdalError, type GdalDataset, type GdalSession } from './gdal';
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
}

/** Pixels read to choose colours: the largest image (full resolution or overview) under this size. */
const SAMPLE_PIXELS = 1_000_000;

export function cogOptions(facts: RasterFacts, resampling: string): { options: string[]; compression: string; blockSize: number } {
  const compression = ['DEFLATE', 'LZW'].includes(facts.compression.toUpperCase()) ? facts.compression.toUpperCase() : 'DEFLATE';
  const blockSize = Math.max(facts.width, facts.height) <= 2048 ? 256 : 512;
  const options = ['-of', 'COG', '-co', `COMPRESS=${compression}`, '-co', 'PREDICTOR=YES', '-co', `BLOCKSIZE=${blockSize}`,
    '-co', `RESAMPLING=${resampling}`, '-co', 'OVERVIEWS=IGNORE_EXISTING'];
  return { options, compression, blockSize };
}

/** Classes must never be averaged into codes that do not exist: a colour table or one Byte band means classes. */
const looksCategorical = (facts: RasterFacts): boolean =>
  facts.bands.some((band) => band.colorTable) || (facts.bands.length === 1 && facts.bands[0]?.type === 'Byte');

export async function importRaster(session: GdalSession, job: RasterJob): Promise<RasterResult> {
  const decoded = (await isJpegTiff(job.file)) ? path.join(job.outDir, `${job.id}.decoding.tif`) : null;
  try {
    if (decoded) await decodeJpegTiff(job.file, decoded);
    return await importReadable(session, job, decoded ?? job.file);
  } finally {
    if (decoded) await fs.rm(decoded, { force: true });
  }
}

/** `readable`: the input, or its decoded copy when gdal3.js lacks the input's codec. */
async function importReadable(session: GdalSession, job: RasterJob, readable: string): Promise<RasterResult> {
  const dataset = await openRaster(session, readable, job.format);
  const inspected = await inspectRaster(session.gdal, dataset, job.file);
  const facts = job.compression ? { ...inspected, compression: job.compression } : inspected;
  let resampling = looksCategorical(facts) ? 'NEAREST' : 'AVERAGE';
  let target = await writeCog(session, dataset, job, cogOptions(facts, resampling).options);
  const style = chooseRasterStyle(await sampleBands(target, facts));
  if (style.cog.mode === 'categorical' && resampling !== 'NEAREST') {
    resampling = 'NEAREST'; // a few integer values found only by reading: rebuild overviews without mixing classes
    target = await writeCog(session, dataset, job, cogOptions(facts, resampling).options);
  }
  await session.gdal.close(dataset);
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

export async function openRaster(session: GdalSession, file: string, format: InputFormat): Promise<GdalDataset> {
  session.takeMessages();
  const opened = await session.gdal.open(file, format.openOptions, format.vfs).catch(() => undefined);
  const dataset = opened?.datasets[0];
  if (!dataset) throw new ImportError(file, describeOpenFailure(session.takeMessages(), format.name));
  if (dataset.type !== 'raster') throw new ImportError(file, `holds no raster bands (${format.name} expected)`);
  return dataset;
}

async function writeCog(session: GdalSession, dataset: GdalDataset, job: RasterJob, options: string[]): Promise<string> {
  // Written under a temporary name, then renamed: a failed import never leaves a half file in place.
  const temporaryName = `${job.id}.importing`;
  const temporary = path.join(job.outDir, `${temporaryName}.tif`);
  const target = path.join(job.outDir, `${job.id}.tif`);
  await fs.rm(temporary, { force: true });
  session.takeMessages();
  try {
    await session.gdal.gdal_translate(dataset, options, temporaryName);
    if ((await fs.stat(temporary)).size === 0) throw new Error('empty output');
  } catch {
    await fs.rm(temporary, { force: true });
    throw new ImportError(job.file, `conversion to COG failed: ${lastGdalError(session.takeMessages()) ?? 'no output written'}`);
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
