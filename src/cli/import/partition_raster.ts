// Partitioned raster imports: part i reads only its block of pixels (gdal_translate -srcwin) and
// writes it with every overview the final COG will have, computed there (when every overview is an
// exact halving; otherwise the merge computes them). The merge describes the
// parts as VRT mosaics (GDAL's own virtual format: one for full resolution, one per overview level)
// and makes the COG from them, copying the parts' overviews instead of computing them again. Blocks
// are cut on the coarsest overview's pixels, so each overview pixel comes from one part and equals
// the one-process value.

import fs from 'node:fs/promises';
import path from 'node:path';
import type { InputFormat } from './formats';
import { cogOverviewFactors, rasterBlock, type PartSpec, type PixelWindow } from './partition';
import { partsDirOf } from './partition_vector';
import { translateRaster, usesNativeGdal } from './raster_gdal';
import { cogOptions, importRaster, looksCategorical, type RasterJob, type RasterResult } from './raster_import';
import { inspectRaster, type RasterFacts } from './raster_inspect';

const partName = (part: PartSpec): string => `part-${part.index + 1}-of-${part.count}`;
const levelName = (factor: number): string => `mosaic-${factor}.vrt`;
const VRT_FORMAT: InputFormat = { kind: 'raster', name: 'VRT mosaic', vfs: [], openOptions: [] };

interface Layout {
  facts: RasterFacts;
  /** The overviews the parts make; none when the merge must compute them (see layoutOf). */
  factors: number[];
  resampling: string;
  blocks: PixelWindow[];
}

async function layoutOf(job: RasterJob, count: number): Promise<Layout> {
  const facts = await inspectRaster(job.file, job.format, job.file);
  const all = cogOverviewFactors(facts.width, facts.height, cogOptions(facts, 'NEAREST').blockSize);
  // GDAL's COG driver halves sizes rounding down (625 → 312): such a level is not made of whole
  // 2×2 windows, so parts cannot make it. Then the merge computes every overview, as one import would.
  const exact = all.every((factor) => facts.width % factor === 0 && facts.height % factor === 0);
  const factors = exact ? all : [];
  const align = factors[factors.length - 1] ?? 1;
  const blocks = Array.from({ length: count }, (_, index) => rasterBlock(facts.width, facts.height, align, { index, count }));
  return { facts, factors, resampling: looksCategorical(facts) ? 'NEAREST' : 'AVERAGE', blocks };
}

/** Writes part `part` (a block with its overviews) into <outDir>/<id>.parts/; none when the block is empty. */
export async function writeRasterPart(job: RasterJob, part: PartSpec): Promise<string[]> {
  const partsDir = partsDirOf(job.outDir, job.id);
  await fs.mkdir(partsDir, { recursive: true });
  const { facts, factors, resampling, blocks } = await layoutOf(job, part.count);
  const block = blocks[part.index] as PixelWindow;
  if (block.width === 0 || block.height === 0) return [];
  const target = path.join(partsDir, `${partName(part)}.tif`);
  const overviews = factors.length > 0 ? ['-co', `OVERVIEW_COUNT=${factors.length}`, '-co', 'OVERVIEWS=IGNORE_EXISTING'] : ['-co', 'OVERVIEWS=NONE'];
  // Uncompressed: the merge reads it once and compresses the result; spending time here would be lost.
  await translateRaster(job.file, job.format, ['-of', 'COG', '-srcwin', String(block.x), String(block.y), String(block.width), String(block.height),
    '-co', 'COMPRESS=NONE', '-co', `BLOCKSIZE=${cogOptions(facts, resampling).blockSize}`, '-co', `RESAMPLING=${resampling}`, '-co', 'BIGTIFF=IF_SAFER', ...overviews],
  target, `part ${part.index + 1}/${part.count} failed`);
  return [target];
}

/** Joins the parts into <outDir>/<id>.tif (a COG) through VRT mosaics; `threads` compress it. */
export async function mergeRasterParts(job: RasterJob, count: number, threads = 1): Promise<RasterResult> {
  const partsDir = partsDirOf(job.outDir, job.id);
  const { facts, factors, resampling, blocks } = await layoutOf(job, count);
  // GDAL describes the original (CRS, geotransform, bands, nodata, colours) as a VRT; its sources are then swapped for the parts.
  const original = path.join(partsDir, 'original.vrt');
  await translateRaster(job.file, job.format, ['-of', 'VRT'], original, 'merge failed');
  const template = await fs.readFile(original, 'utf8');
  const size: [number, number, number] = [facts.width, facts.height, cogOptions(facts, resampling).blockSize];
  for (const factor of factors) await fs.writeFile(path.join(partsDir, levelName(factor)), mosaicVrt(template, size, blocks, factor, []));
  const mosaic = path.join(partsDir, 'mosaic.vrt');
  await fs.writeFile(mosaic, mosaicVrt(template, size, blocks, 1, factors.map(levelName)));
  const compression = cogOptions(facts, resampling).compression;
  // gdal3.js has no threads: asked for some, it waits for them forever.
  const usable = (await usesNativeGdal()) ? threads : 1;
  const premade = factors.length > 0 ? { premadeOverviews: resampling } : {};
  return importRaster({ ...job, file: mosaic, format: VRT_FORMAT, compression, ...premade, threads: usable });
}

/**
 * The template's sources replaced by the parts at overview `factor` (1: full resolution), placed at
 * their offsets; at full resolution each band also lists the overview mosaics.
 */
export function mosaicVrt(template: string, [width, height, blockSize]: [number, number, number], blocks: PixelWindow[], factor: number, overviewFiles: string[]): string {
  const scaled = (n: number): number => Math.ceil(n / factor);
  const level = Math.log2(factor) - 1;
  const sized = template.replace(/(<VRTDataset\b[^>]*?)rasterXSize="\d+"([^>]*?)rasterYSize="\d+"/, `$1rasterXSize="${scaled(width)}"$2rasterYSize="${scaled(height)}"`);
  // Read in the parts' own blocks, not the original's (often one-row strips: every strip would hit two parts).
  const blocked = sized.replace(/blockXSize="\d+"\s+blockYSize="\d+"/g, `blockXSize="${blockSize}" blockYSize="${blockSize}"`);
  const withParts = blocked.replace(/<(SimpleSource|ComplexSource)\b[^>]*>[\s\S]*?<\/\1>/g, (source) =>
    blocks.map((block, index) => {
      if (block.width === 0 || block.height === 0) return '';
      const [x, y, w, h] = [block.x / factor, block.y / factor, scaled(block.width), scaled(block.height)];
      const openOptions = factor > 1 ? `<OpenOptions><OOI key="OVERVIEW_LEVEL">${level}</OOI></OpenOptions>` : '';
      return source
        .replace(/<SourceFilename[^>]*>[\s\S]*?<\/SourceFilename>/, `<SourceFilename relativeToVRT="1">${partName({ index, count: blocks.length })}.tif</SourceFilename>${openOptions}`)
        .replace(/<SourceProperties[^>]*\/>/, '')
        .replace(/<SrcRect[^>]*\/>/, `<SrcRect xOff="0" yOff="0" xSize="${w}" ySize="${h}" />`)
        .replace(/<DstRect[^>]*\/>/, `<DstRect xOff="${x}" yOff="${y}" xSize="${w}" ySize="${h}" />`);
    }).join('\n'));
  if (overviewFiles.length === 0) return withParts;
  return withParts.replace(/(<VRTRasterBand\b[^>]*\bband="(\d+)"[^>]*>)([\s\S]*?)(<\/VRTRasterBand>)/g, (_, open: string, band: string, body: string, close: string) =>
    `${open}${body}${overviewFiles.map((file) => `<Overview><SourceFilename relativeToVRT="1">${file}</SourceFilename><SourceBand>${band}</SourceBand></Overview>`).join('')}${close}`);
}
