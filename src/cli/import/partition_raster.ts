// Partitioned raster imports: part i copies its band of rows to a tiled GeoTIFF; the merge makes a
// VRT mosaic of the parts (GDAL's own virtual format, one source per part) and converts it to a COG
// exactly as a one-process import converts the original, so pixels and overviews are the same.

import fs from 'node:fs/promises';
import path from 'node:path';
import type { InputFormat } from './formats';
import { ImportError } from './errors';
import { lastGdalError, startGdal } from './gdal';
import { rowBand, type PartSpec } from './partition';
import { partsDirOf } from './partition_vector';
import { cogOptions, importRaster, openRaster, type RasterJob, type RasterResult } from './raster_import';
import { inspectRaster } from './raster_inspect';

const partName = (part: PartSpec): string => `part-${part.index + 1}-of-${part.count}`;
const VRT_FORMAT: InputFormat = { kind: 'raster', name: 'VRT mosaic', vfs: [], openOptions: [] };

/** Writes part `part` (a band of rows) into <outDir>/<id>.parts/; none when the raster has fewer rows than parts. */
export async function writeRasterPart(job: RasterJob, part: PartSpec): Promise<string[]> {
  const partsDir = partsDirOf(job.outDir, job.id);
  await fs.mkdir(partsDir, { recursive: true });
  const session = await startGdal(partsDir);
  const dataset = await openRaster(session, job.file, job.format);
  try {
    const facts = await inspectRaster(session.gdal, dataset, job.file);
    const band = rowBand(facts.height, part);
    if (band.rows === 0) return [];
    const name = partName(part);
    session.takeMessages();
    await session.gdal.gdal_translate(dataset, ['-of', 'GTiff', '-srcwin', '0', String(band.start), String(facts.width), String(band.rows),
      '-co', 'TILED=YES', '-co', 'COMPRESS=DEFLATE', '-co', 'BIGTIFF=IF_SAFER'], name).catch(() => {
      throw new ImportError(job.file, `part ${part.index + 1}/${part.count} failed: ${lastGdalError(session.takeMessages()) ?? 'no output written'}`);
    });
    return [path.join(partsDir, `${name}.tif`)];
  } finally {
    await session.gdal.close(dataset);
  }
}

/** Joins the parts into <outDir>/<id>.tif (a COG) through a VRT mosaic. */
export async function mergeRasterParts(job: RasterJob, count: number): Promise<RasterResult> {
  const partsDir = partsDirOf(job.outDir, job.id);
  const session = await startGdal(partsDir);
  const dataset = await openRaster(session, job.file, job.format);
  const facts = await inspectRaster(session.gdal, dataset, job.file);
  // GDAL describes the original (CRS, geotransform, bands, nodata, colours) as a VRT; its sources are then swapped for the parts.
  await session.gdal.gdal_translate(dataset, ['-of', 'VRT'], 'original');
  await session.gdal.close(dataset);
  const template = await fs.readFile(path.join(partsDir, 'original.vrt'), 'utf8');
  const mosaic = path.join(partsDir, 'mosaic.vrt');
  await fs.writeFile(mosaic, mosaicVrt(template, facts.width, facts.height, count));
  const compression = cogOptions(facts, 'NEAREST').compression;
  await startGdal(job.outDir);
  return importRaster(session, { ...job, file: mosaic, format: VRT_FORMAT, compression });
}

/** Each band's source element repeated once per part: the part's rows placed at their offset. */
export function mosaicVrt(template: string, width: number, height: number, count: number): string {
  return template.replace(/<(SimpleSource|ComplexSource)\b[^>]*>[\s\S]*?<\/\1>/g, (source) =>
    Array.from({ length: count }, (_, index) => {
      const band = rowBand(height, { index, count });
      if (band.rows === 0) return '';
      return source
        .replace(/<SourceFilename[^>]*>[\s\S]*?<\/SourceFilename>/, `<SourceFilename relativeToVRT="1">${partName({ index, count })}.tif</SourceFilename>`)
        .replace(/<SourceProperties[^>]*\/>/, '')
        .replace(/<SrcRect[^>]*\/>/, `<SrcRect xOff="0" yOff="0" xSize="${width}" ySize="${band.rows}" />`)
        .replace(/<DstRect[^>]*\/>/, `<DstRect xOff="0" yOff="${band.start}" xSize="${width}" ySize="${band.rows}" />`);
    }).join('\n'));
}
