// The import, start to end: check the input, convert it, write the starter layer JSON, register it.

import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CatalogueFile, LayerDefinition } from '../../catalogue/types';
import { formatError, validateLayer } from '../../catalogue/validate';
import type { ImportArgs } from './args';
import { ImportError } from './errors';
import { detectFormat, SUPPORTED_EXTENSIONS, titleFromFileName, type InputFormat } from './formats';
import { startGdal } from './gdal';
import { buildRasterLayer, buildVectorLayer, guessRasterGroup, type LayerBasics } from './layer_json';
import { saveLayer } from './local_catalogue';
import { withRasterDefaults, withVectorDefaults } from './layer_defaults';
import { importRaster, type RasterResult } from './raster_import';
import { importVector, type VectorResult } from './vector_import';
import { mergeRasterParts } from './partition_raster';
import { mergeVectorParts, partsDirOf } from './partition_vector';

export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const PUBLIC_DIR = path.join(REPO_ROOT, 'public');
export const DEFAULT_OUT_DIR = path.join(PUBLIC_DIR, 'data', 'local');
export const DEFAULT_LAYERS_DIR = path.join(REPO_ROOT, 'layers', 'local');

export interface ImportReport {
  layer: LayerDefinition;
  dataFile: string;
  layerFile: string;
  seconds: number;
  vector?: VectorResult;
  raster?: RasterResult;
  /** Set when the data file is outside public/: the user must serve it at layer.source.url. */
  urlNote?: string;
}

export async function runImport(args: ImportArgs): Promise<ImportReport> {
  const started = performance.now();
  const file = path.resolve(args.input);
  const groupIds = await checkIdAndGroup(args);
  const format = await checkInput(file, args.input);
  const outDir = path.resolve(args.outDir ?? DEFAULT_OUT_DIR);
  await fs.mkdir(outDir, { recursive: true });
  const report = await convert(args, file, format, outDir);
  if (args.merge) await fs.rm(partsDirOf(outDir, args.id), { recursive: true, force: true });
  // A starter file the app would refuse is a bug here, not the user's problem: say so before writing it.
  const problems = validateLayer(report.layer, `layers/local/${args.id}.json`, groupIds);
  if (problems[0]) throw new ImportError(args.input, `internal error, the layer JSON is invalid: ${formatError(problems[0])}`);
  const layerFile = await saveLayer(path.resolve(args.layersDir ?? DEFAULT_LAYERS_DIR), report.layer);
  return { ...report, layerFile, seconds: (performance.now() - started) / 1000 };
}

type Converted = Omit<ImportReport, 'layerFile' | 'seconds'>;

/** Writes the PMTiles or COG file and builds its layer JSON. */
async function convert(args: ImportArgs, file: string, format: InputFormat, outDir: string): Promise<Converted> {
  const dataFile = path.join(outDir, `${args.id}.${format.kind === 'vector' ? 'pmtiles' : 'tif'}`);
  const { url, note } = urlFor(dataFile);
  const common = { dataFile, ...(note ? { urlNote: note } : {}) };
  const basics = (bounds: LayerBasics['bounds'], defaultGroup: string): LayerBasics => ({
    id: args.id,
    title: { fr: args.titleFr ?? args.titleEn ?? titleFromFileName(file), en: args.titleEn ?? args.titleFr ?? titleFromFileName(file) },
    fileName: path.basename(file),
    group: args.group ?? defaultGroup,
    url,
    today: new Date().toISOString().slice(0, 10),
    bounds: bounds.map((value) => Number(value.toFixed(6))) as LayerBasics['bounds'],
  });
  if (format.kind === 'raster') {
    const job = { file, format, id: args.id, outDir };
    const raster = args.merge ? await mergeRasterParts(job, args.merge, args.mergeThreads) : await importRaster(job);
    const starter = buildRasterLayer(basics(raster.bounds, guessRasterGroup(path.basename(file))), raster.style);
    return { ...common, raster, layer: withRasterDefaults(starter, raster.facts.metadata, Boolean(args.titleFr || args.titleEn)) };
  }
  const zoomOverride = { ...(args.minzoom !== undefined ? { minzoom: args.minzoom } : {}), ...(args.maxzoom !== undefined ? { maxzoom: args.maxzoom } : {}) };
  const job = { file, format, id: args.id, outDir, zoomOverride, ...(args.layer ? { layer: args.layer } : {}), ...(args.knownInvalid !== undefined ? { knownInvalid: args.knownInvalid } : {}) };
  const vector = args.merge ? await mergeVectorParts(job, args.merge) : await importVector(await startGdal(outDir), job);
  // The added feature id is technical: it is not listed among the user's fields.
  const facts = { sourceLayer: vector.sourceLayer, geometry: vector.facts.geometry, fields: vector.facts.fields, ...vector.zooms };
  return { ...common, vector, layer: withVectorDefaults(buildVectorLayer(basics(vector.bounds, 'reference'), facts), vector.samples, vector.facts.geometry) };
}

/** The id must not shadow a layer of the main catalogue, and --group must be one of its groups. */
export async function checkIdAndGroup(args: ImportArgs): Promise<string[]> {
  const catalogue = JSON.parse(await fs.readFile(path.join(REPO_ROOT, 'layers', 'catalogue.json'), 'utf8')) as CatalogueFile;
  const groupIds = catalogue.groups.map((group) => group.id);
  if (catalogue.layers.includes(args.id)) {
    throw new ImportError('arguments', `layer id "${args.id}" is already used by layers/${args.id}.json; choose another --id`);
  }
  if (args.group !== undefined && !groupIds.includes(args.group)) {
    throw new ImportError('arguments', `unknown group "${args.group}"; use one of: ${groupIds.join(', ')}`);
  }
  return groupIds;
}

export async function checkInput(file: string, shown: string): Promise<InputFormat> {
  const stat = await fs.stat(file).catch(() => undefined);
  if (!stat) throw new ImportError(shown, 'file not found');
  if (!stat.isFile()) throw new ImportError(shown, 'is not a file');
  if (stat.size === 0) throw new ImportError(shown, 'is empty (0 bytes)');
  const format = detectFormat(file);
  if (!format) {
    throw new ImportError(shown, `unknown format "${path.extname(file) || '(no extension)'}"; supported: ${SUPPORTED_EXTENSIONS.join(' ')}`);
  }
  await fs.access(file, fs.constants.R_OK).catch(() => {
    throw new ImportError(shown, 'cannot be read (permission denied)');
  });
  return format;
}

/** The app serves public/ at its root, so a file under it has a relative URL; elsewhere we can only suggest one. */
function urlFor(dataFile: string): { url: string; note?: string } {
  const relative = path.relative(PUBLIC_DIR, dataFile);
  if (!relative.startsWith('..') && !path.isAbsolute(relative)) return { url: relative.split(path.sep).join('/') };
  const url = `data/local/${path.basename(dataFile)}`;
  return { url, note: `the data file is outside public/: serve it at "${url}" or edit source.url` };
}
