// Vector file → PMTiles (MVT) with GDAL's PMTiles driver, which reprojects to Web Mercator itself.

import fs from 'node:fs/promises';
import path from 'node:path';
import { PMTiles } from 'pmtiles';
import { ImportError } from './errors';
import { describeOpenFailure, lastGdalError, type GdalDataset, type GdalSession } from './gdal';
import type { InputFormat } from './formats';
import { isShapefile } from './formats';
import { NodeFileSource } from './node_file_source';
import { inspectVector, quoteIdentifier, type VectorFacts } from './vector_inspect';
import { countDamaged, cp1252Fixes, readTextValues } from './vector_text';
import { chooseZoomRange, type ZoomRange } from './zoom';

/** Attribute added to every feature: its position in the source, stable across imports of one file. */
export const FEATURE_ID_FIELD = 'gv_id';

export interface VectorResult {
  facts: VectorFacts;
  zooms: ZoomRange;
  /** The layer name inside the PMTiles archive (MapLibre's source-layer). */
  sourceLayer: string;
  featureIdField: string;
  repaired: number | undefined;
  damagedTexts: number;
  encoding?: 'CP1252';
  bounds: [number, number, number, number];
}

export interface VectorJob {
  file: string;
  format: InputFormat;
  id: string;
  outDir: string;
  layer?: string;
  zoomOverride: Partial<ZoomRange>;
}

export async function importVector(session: GdalSession, job: VectorJob): Promise<VectorResult> {
  let encoding: 'CP1252' | undefined;
  let dataset = await openVector(session, job.file, job.format, []);
  const facts = await inspectVector(session.gdal, dataset, job.file, job.layer);
  let texts = await readTextValues(session.gdal, dataset, facts.layer, facts.fields);
  if (isShapefile(job.format) && countDamaged(texts) > 0) {
    const reread = await openVector(session, job.file, job.format, ['ENCODING=CP1252']);
    const rereadTexts = await readTextValues(session.gdal, reread, facts.layer, facts.fields);
    if (cp1252Fixes(texts, rereadTexts)) {
      await session.gdal.close(dataset);
      [dataset, texts, encoding] = [reread, rereadTexts, 'CP1252'];
    } else {
      await session.gdal.close(reread);
    }
  }
  const zooms = chooseZoomRange(facts.zoomInput, job.zoomOverride);
  const featureIdField = uniqueName(FEATURE_ID_FIELD, facts.fields.map((f) => f.name));
  const target = await writePmtiles(session, dataset, job, facts, zooms, featureIdField);
  await session.gdal.close(dataset);
  const header = await new PMTiles(new NodeFileSource(target)).getHeader();
  return {
    facts,
    zooms,
    sourceLayer: job.id,
    featureIdField,
    repaired: facts.invalidCount,
    damagedTexts: countDamaged(texts),
    ...(encoding ? { encoding } : {}),
    bounds: [header.minLon, header.minLat, header.maxLon, header.maxLat],
  };
}

async function openVector(session: GdalSession, file: string, format: InputFormat, extra: string[]): Promise<GdalDataset> {
  session.takeMessages();
  const opened = await session.gdal.open(file, [...format.openOptions, ...extra], format.vfs).catch(() => undefined);
  const dataset = opened?.datasets[0];
  if (!dataset) throw new ImportError(file, describeOpenFailure(session.takeMessages(), format.name));
  if (dataset.type !== 'vector') throw new ImportError(file, `holds a raster, not vector data (${format.name} expected)`);
  return dataset;
}

function uniqueName(base: string, taken: string[]): string {
  const lower = new Set(taken.map((name) => name.toLowerCase()));
  let name = base;
  for (let i = 2; lower.has(name.toLowerCase()); i++) name = `${base}_${i}`;
  return name;
}

async function writePmtiles(
  session: GdalSession,
  dataset: GdalDataset,
  job: VectorJob,
  facts: VectorFacts,
  zooms: ZoomRange,
  featureIdField: string,
): Promise<string> {
  // Written under a temporary name, then renamed: a failed import never leaves a half file in place.
  const temporaryName = `${job.id}.importing`;
  const temporary = path.join(job.outDir, `${temporaryName}.pmtiles`);
  const target = path.join(job.outDir, `${job.id}.pmtiles`);
  await fs.rm(temporary, { force: true });
  const options = [
    '-f', 'PMTiles',
    '-sql', `SELECT FID AS ${featureIdField}, * FROM ${quoteIdentifier(facts.layer)}`,
    '-nln', job.id,
    '-dsco', `MINZOOM=${zooms.minzoom}`,
    '-dsco', `MAXZOOM=${zooms.maxzoom}`,
    '-dsco', `NAME=${job.id}`,
    ...(facts.invalidCount === 0 ? [] : ['-makevalid']),
  ];
  session.takeMessages();
  try {
    await session.gdal.ogr2ogr(dataset, options, temporaryName);
    const size = (await fs.stat(temporary)).size;
    if (size === 0) throw new Error('empty output');
  } catch {
    await fs.rm(temporary, { force: true });
    throw new ImportError(job.file, `conversion to PMTiles failed: ${lastGdalError(session.takeMessages()) ?? 'no output written'}`);
  }
  await fs.rename(temporary, target);
  return target;
}
