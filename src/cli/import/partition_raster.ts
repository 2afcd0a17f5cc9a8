// Partitioned raster imports: part i reads only its block of pixels (gdal_translate -srcwin) and
// writes it with the overviews that are exact halvings of the whole (10000 → 5000 … → 625), computed
// there. The merge describes the parts as VRT mosaics (GDAL's own virtual format: one for full
// resolution, one per overview level) and makes the COG from them, copying the parts' overviews
// instead of computing them again. Blocks are cut on the coarsest exact level's pixels, so each of
// its pixels comes from one part and equals the one-process value. The levels after it (625 → 312:
// GDAL rounds odd sizes down, so they are not made of whole 2×2 windows) are small: the merge makes
// them by running GDAL's COG driver on the coarsest exact level, which computes them exactly as the
// one-process import does (checked for AVERAGE and NEAREST in tests/unit/import_partition.test.ts).

import fs from 'node:fs/promises';
import path from 'node:path';
import type { InputFormat } from './formats';
import { cogOverviewFactors, rasterBlock, type PartSpec, type PixelWindow } from './partition';
import { partsDirOf } from './partition_vector';
import { ImportError } from './errors';
import { rasterInfo, translateRaster, usesNativeGdal } from './raster_gdal';
import { cogOptions, importRaster, looksCategorical, type RasterJob, type RasterResult } from './raster_import';
import { inspectRaster, type RasterFacts } from './raster_inspect';

const partName = (part: PartSpec): string => `part-${part.index + 1}-of-${part.count}`;
const levelName = (factor: number): string => `mosaic-${factor}.vrt`;
const TAIL = 'tail.tif';
const VRT_FORMAT: InputFormat = { kind: 'raster', name: 'VRT mosaic', vfs: [], openOptions: [] };

interface Layout {
  facts: RasterFacts;
  /** The overviews the parts make: the leading ones that are exact halvings of the whole. */
  factors: number[];
  /** The overviews after them, made by the merge from the coarsest of `factors`. */
  tail: number[];
  resampling: string;
  blockSize: number;
  blocks: PixelWindow[];
}

async function layoutOf(job: RasterJob, count: number): Promise<Layout> {
  const facts = await inspectRaster(job.file, job.format, job.file);
  const { blockSize } = cogOptions(facts, 'NEAREST');
  const all = cogOverviewFactors(facts.width, facts.height, blockSize);
  // Factors are powers of two: once one does not divide the size, no larger one does.
  const factors = all.filter((factor) => facts.width % factor === 0 && facts.height % factor === 0);
  const align = factors[factors.length - 1] ?? 1;
  const blocks = Array.from({ length: count }, (_, index) => rasterBlock(facts.width, facts.height, align, { index, count }));
  return { facts, factors, tail: all.slice(factors.length), resampling: looksCategorical(facts) ? 'NEAREST' : 'AVERAGE', blockSize, blocks };
}

/** Writes part `part` (a block with its overviews) into <outDir>/<id>.parts/; none when the block is empty. */
export async function writeRasterPart(job: RasterJob, part: PartSpec): Promise<string[]> {
  const partsDir = partsDirOf(job.outDir, job.id);
  await fs.mkdir(partsDir, { recursive: true });
  const { factors, resampling, blockSize, blocks } = await layoutOf(job, part.count);
  const block = blocks[part.index] as PixelWindow;
  if (block.width === 0 || block.height === 0) return [];
  const target = path.join(partsDir, `${partName(part)}.tif`);
  const overviews = factors.length > 0 ? ['-co', `OVERVIEW_COUNT=${factors.length}`, '-co', 'OVERVIEWS=IGNORE_EXISTING'] : ['-co', 'OVERVIEWS=NONE'];
  // Uncompressed: the merge reads it once and compresses the result; spending time here would be lost.
  await translateRaster(job.file, job.format, ['-of', 'COG', '-srcwin', String(block.x), String(block.y), String(block.width), String(block.height),
    '-co', 'COMPRESS=NONE', '-co', `BLOCKSIZE=${blockSize}`, '-co', `RESAMPLING=${resampling}`, '-co', 'BIGTIFF=IF_SAFER', ...overviews],
  target, `part ${part.index + 1}/${part.count} failed`);
  return [target];
}

/** Joins the parts into <outDir>/<id>.tif (a COG) through VRT mosaics; `threads` compress it. */
export async function mergeRasterParts(job: RasterJob, count: number, threads = 1): Promise<RasterResult> {
  const partsDir = partsDirOf(job.outDir, job.id);
  const layout = await layoutOf(job, count);
  const { facts, factors, resampling, blockSize, blocks } = layout;
  // GDAL describes the original (CRS, geotransform, bands, nodata, colours) as a VRT; its sources are then swapped for the parts.
  const original = path.join(partsDir, 'original.vrt');
  await translateRaster(job.file, job.format, ['-of', 'VRT'], original, 'merge failed');
  const template = await fs.readFile(original, 'utf8');
  const partSources = (factor: number): PlacedSource[] => blocks.flatMap((block, index) => block.width === 0 || block.height === 0 ? [] : [{
    file: `${partName({ index, count })}.tif`, overviewLevel: factor > 1 ? Math.log2(factor) - 1 : null,
    x: block.x / factor, y: block.y / factor, width: Math.ceil(block.width / factor), height: Math.ceil(block.height / factor),
  }]);
  const levelSize = (factor: number): [number, number, number] => [Math.ceil(facts.width / factor), Math.ceil(facts.height / factor), blockSize];
  for (const factor of factors) await fs.writeFile(path.join(partsDir, levelName(factor)), mosaicVrt(template, levelSize(factor), partSources(factor), []));
  const tailFiles = factors.length > 0 ? await writeTailLevels(partsDir, template, layout) : [];
  const mosaic = path.join(partsDir, 'mosaic.vrt');
  await fs.writeFile(mosaic, mosaicVrt(template, levelSize(1), partSources(1), [...factors.map(levelName), ...tailFiles]));
  const compression = cogOptions(facts, resampling).compression;
  // gdal3.js has no threads: asked for some, it waits for them forever.
  const usable = (await usesNativeGdal()) ? threads : 1;
  const premade = factors.length > 0 ? { premadeOverviews: resampling } : {};
  return importRaster({ ...job, file: mosaic, format: VRT_FORMAT, compression, ...premade, threads: usable });
}

/**
 * The overviews after the coarsest exact level: GDAL's COG driver run on that level (625²) computes
 * its own overviews (312²) with the same rule, sizes and resampling as on the whole raster. Returns
 * one VRT per level, reading that overview of the small COG.
 */
async function writeTailLevels(partsDir: string, template: string, { factors, tail, resampling, blockSize }: Layout): Promise<string[]> {
  if (tail.length === 0) return [];
  const coarsest = levelName(factors[factors.length - 1] as number);
  await translateRaster(path.join(partsDir, coarsest), VRT_FORMAT, ['-of', 'COG', '-co', 'COMPRESS=NONE', '-co', `BLOCKSIZE=${blockSize}`,
    '-co', `RESAMPLING=${resampling}`, '-co', 'OVERVIEWS=IGNORE_EXISTING'], path.join(partsDir, TAIL), 'merge failed');
  const info = (await rasterInfo(path.join(partsDir, TAIL), VRT_FORMAT)) as { bands: Array<{ overviews?: Array<{ size: [number, number] }> }> };
  const sizes = (info.bands[0]?.overviews ?? []).map((overview) => overview.size);
  if (sizes.length !== tail.length) throw new ImportError(partsDir, `merge failed: ${sizes.length} overviews made from ${coarsest}, ${tail.length} expected`);
  return Promise.all(tail.map(async (factor, level) => {
    const [width, height] = sizes[level] as [number, number];
    await fs.writeFile(path.join(partsDir, levelName(factor)), mosaicVrt(template, [width, height, blockSize], [{ file: TAIL, overviewLevel: level, x: 0, y: 0, width, height }], []));
    return levelName(factor);
  }));
}

/** A file (or one of its overviews) placed at x, y in a mosaic, in that level's pixels. */
export interface PlacedSource {
  file: string;
  overviewLevel: number | null;
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The template resized to [width, height] with its sources replaced by `sources`; at full resolution
 * each band also lists the overview mosaics.
 */
export function mosaicVrt(template: string, [width, height, blockSize]: [number, number, number], sources: PlacedSource[], overviewFiles: string[]): string {
  const sized = template.replace(/(<VRTDataset\b[^>]*?)rasterXSize="\d+"([^>]*?)rasterYSize="\d+"/, `$1rasterXSize="${width}"$2rasterYSize="${height}"`);
  // Read in the parts' own blocks, not the original's (often one-row strips: every strip would hit two parts).
  const blocked = sized.replace(/blockXSize="\d+"\s+blockYSize="\d+"/g, `blockXSize="${blockSize}" blockYSize="${blockSize}"`);
  const withParts = blocked.replace(/<(SimpleSource|ComplexSource)\b[^>]*>[\s\S]*?<\/\1>/g, (source) =>
    sources.map(({ file, overviewLevel, x, y, width: w, height: h }) => {
      const openOptions = overviewLevel !== null ? `<OpenOptions><OOI key="OVERVIEW_LEVEL">${overviewLevel}</OOI></OpenOptions>` : '';
      return source
        .replace(/<SourceFilename[^>]*>[\s\S]*?<\/SourceFilename>/, `<SourceFilename relativeToVRT="1">${file}</SourceFilename>${openOptions}`)
        .replace(/<SourceProperties[^>]*\/>/, '')
        .replace(/<SrcRect[^>]*\/>/, `<SrcRect xOff="0" yOff="0" xSize="${w}" ySize="${h}" />`)
        .replace(/<DstRect[^>]*\/>/, `<DstRect xOff="${x}" yOff="${y}" xSize="${w}" ySize="${h}" />`);
    }).join('\n'));
  if (overviewFiles.length === 0) return withParts;
  return withParts.replace(/(<VRTRasterBand\b[^>]*\bband="(\d+)"[^>]*>)([\s\S]*?)(<\/VRTRasterBand>)/g, (_, open: string, band: string, body: string, close: string) =>
    `${open}${body}${overviewFiles.map((file) => `<Overview><SourceFilename relativeToVRT="1">${file}</SourceFilename><SourceBand>${band}</SourceBand></Overview>`).join('')}${close}`);
}
