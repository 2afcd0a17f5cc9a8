// Vector file → PMTiles (MVT) with GDAL's PMTiles driver, which reprojects to Web Mercator itself.

import fs from 'node:fs/promises';
import path from 'node:path';
import { PMTiles } from 'pmtiles';
import { ImportError } from './errors';
import { describeOpenFailure, lastGdalError, type GdalDataset, type GdalSession } from './gdal';
import type { InputFormat } from './formats';
import { isShapefile } from './formats';
import { NodeFileSource } from './node_file_source';
import { degreesToLayerExtent, inspectVector, quoteIdentifier, type VectorFacts } from './vector_inspect';
import { countDamaged, cp1252Fixes, readTextValues } from './vector_text';
import { chooseZoomRange, type ZoomRange } from './zoom';
import { sampleFields, type FieldSample } from './vector_samples';

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
  /** Distinct values of the candidate fields, for the starter layer's time and classes. */
  samples: FieldSample[];
}

export interface VectorJob {
  file: string;
  format: InputFormat;
  id: string;
  outDir: string;
  layer?: string;
  zoomOverride: Partial<ZoomRange>;
  /** Invalid geometries counted before (with both zooms given): skips the statistics pass. */
  knownInvalid?: number;
}

/** The input opened, inspected and its encoding chosen: what every way of writing it starts from. */
export interface PreparedVector {
  dataset: GdalDataset;
  facts: VectorFacts;
  texts: string[];
  encoding?: 'CP1252';
  zooms: ZoomRange;
  featureIdField: string;
}

export async function prepareVector(session: GdalSession, job: VectorJob): Promise<PreparedVector> {
  let encoding: 'CP1252' | undefined;
  let dataset = await openVector(session, job.file, job.format, []);
  const known = job.zoomOverride.minzoom !== undefined && job.zoomOverride.maxzoom !== undefined ? job.knownInvalid : undefined;
  const facts = await inspectVector(session.gdal, dataset, job.file, job.layer, known);
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
  return { dataset, facts, texts, ...(encoding ? { encoding } : {}), zooms, featureIdField };
}

/** The import's report from a prepared input and the archive written for it. */
export async function vectorResult(job: VectorJob, prepared: PreparedVector, archive: string, samples: FieldSample[]): Promise<VectorResult> {
  const header = await new PMTiles(new NodeFileSource(archive)).getHeader();
  const { facts, zooms, featureIdField, texts, encoding } = prepared;
  return {
    facts, zooms, sourceLayer: job.id, featureIdField, repaired: facts.invalidCount, damagedTexts: countDamaged(texts),
    ...(encoding ? { encoding } : {}),
    bounds: [header.minLon, header.minLat, header.maxLon, header.maxLat],
    samples,
  };
}

export async function importVector(session: GdalSession, job: VectorJob): Promise<VectorResult> {
  const prepared = await prepareVector(session, job);
  const target = await writePmtiles(session, prepared, job, { zooms: prepared.zooms, name: job.id, outDir: job.outDir });
  const samples = await sampleFields(session.gdal, prepared.dataset, prepared.facts.layer, prepared.facts.fields);
  await session.gdal.close(prepared.dataset);
  return vectorResult(job, prepared, target, samples);
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

/** Where and what to write: the zoom range, the file name (without .pmtiles), and an optional area. */
export interface PmtilesTarget {
  zooms: ZoomRange;
  name: string;
  outDir: string;
  /** Only features meeting [west, south, east, north] in degrees (a partition's sheet). */
  area?: [number, number, number, number];
}

export async function writePmtiles(session: GdalSession, prepared: PreparedVector, job: VectorJob, target: PmtilesTarget): Promise<string> {
  // Written under a temporary name, then renamed: a failed import never leaves a half file in place.
  const temporaryName = `${target.name}.importing`;
  const temporary = path.join(target.outDir, `${temporaryName}.pmtiles`);
  const final = path.join(target.outDir, `${target.name}.pmtiles`);
  await fs.rm(temporary, { force: true });
  const { facts, featureIdField, zooms } = { ...prepared, zooms: target.zooms };
  // ogr2ogr's -spat_srs fails in gdal3.js: the area is taken to the layer's CRS here.
  const area = target.area && !facts.crs.geographic ? await degreesToLayerExtent(session.gdal, target.area, facts.crs.wkt) : target.area;
  const options = [
    '-f', 'PMTiles',
    '-sql', `SELECT FID AS ${featureIdField}, * FROM ${quoteIdentifier(facts.layer)}`,
    '-nln', job.id,
    '-dsco', `MINZOOM=${zooms.minzoom}`,
    '-dsco', `MAXZOOM=${zooms.maxzoom}`,
    '-dsco', `NAME=${job.id}`,
    ...(facts.invalidCount === 0 ? [] : ['-makevalid']),
    ...(area ? ['-spat', ...area.map(String)] : []),
  ];
  session.takeMessages();
  try {
    await session.gdal.ogr2ogr(prepared.dataset, options, temporaryName);
    const size = (await fs.stat(temporary)).size;
    if (size === 0) throw new Error('empty output');
  } catch {
    await fs.rm(temporary, { force: true });
    throw new ImportError(job.file, `conversion to PMTiles failed: ${lastGdalError(session.takeMessages()) ?? 'no output written'}`);
  }
  await fs.rename(temporary, final);
  return final;
}
