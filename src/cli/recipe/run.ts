// `npm run recipe`: every layer of a recipe through the import pipeline, then the recipe's look,
// time, fields and attribution over each starter layer file; unchanged inputs are not converted again.

import fs from 'node:fs/promises';
import path from 'node:path';
import type { CatalogueFile, LayerDefinition } from '../../catalogue/types';
import { formatError, validateLayer } from '../../catalogue/validate';
import { ImportError } from '../import/errors';
import { DEFAULT_LAYERS_DIR, DEFAULT_OUT_DIR, REPO_ROOT, type ImportReport } from '../import/run';
import { importMaybePartitioned } from '../import/partition_run';
import { applyRecipe, type ImportedFacts } from './apply';
import { isUrl, resolveInput } from './input';
import { hashFile, importKey, isUnchanged, readState, writeState, type ImportRecord } from './state';
import type { Recipe, RecipeLayer } from './types';
import { validateRecipe } from './validate';

export interface RecipeOptions {
  recipeFile: string;
  outDir?: string;
  layersDir?: string;
  /** Parallel processes for partitioned layers. */
  jobs?: number;
  /** Only these layer ids. */
  only?: string[];
  /** Import even when the input did not change. */
  force?: boolean;
  log?: (line: string) => void;
}

export interface LayerOutcome {
  id: string;
  status: 'imported' | 'unchanged' | 'failed';
  count: string;
  bytes: number;
  seconds: number;
  warnings: string[];
}

/** Reads and validates a recipe; every problem in one ImportError (one per line). */
export async function loadRecipe(file: string): Promise<Recipe> {
  const text = await fs.readFile(file, 'utf8').catch(() => {
    throw new ImportError(file, 'recipe file not found');
  });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ImportError(file, `is not JSON: ${error instanceof Error ? error.message : String(error)}`);
  }
  const main = JSON.parse(await fs.readFile(path.join(REPO_ROOT, 'layers', 'catalogue.json'), 'utf8')) as CatalogueFile;
  const problems = validateRecipe(json, path.basename(file), main.groups.map((g) => g.id), main.layers);
  if (problems.length) throw new ImportError(file, `${problems.length} problem(s):\n${problems.map(formatError).join('\n')}`);
  return json as Recipe;
}

export async function runRecipe(options: RecipeOptions): Promise<LayerOutcome[]> {
  const log = options.log ?? ((line: string) => console.log(line));
  const recipe = await loadRecipe(options.recipeFile);
  const outDir = path.resolve(options.outDir ?? DEFAULT_OUT_DIR);
  const layersDir = path.resolve(options.layersDir ?? DEFAULT_LAYERS_DIR);
  const baseDir = path.resolve(path.dirname(options.recipeFile), recipe.base ?? '.');
  const layers = recipe.layers.filter((layer) => !options.only || options.only.includes(layer.id));
  const state = await readState(layersDir);
  const outcomes: LayerOutcome[] = [];
  for (const [index, layer] of layers.entries()) {
    log(`[${index + 1}/${layers.length}] ${layer.id} ← ${layer.input}`);
    const started = performance.now();
    const outcome = await buildLayer(layer, { ...options, outDir, layersDir, baseDir }, state).catch((error: unknown) => failed(layer.id, error));
    outcome.seconds = (performance.now() - started) / 1000;
    log(`      ${outcome.status}${outcome.status === 'failed' ? `: ${outcome.warnings[0]}` : ` (${outcome.count}, ${outcome.seconds.toFixed(1)} s)`}`);
    outcomes.push(outcome);
    await writeState(layersDir, state);
  }
  await writeCatalogue(layersDir, recipe.layers.map((l) => l.id).filter((id) => state[id]));
  const publicDir = path.join(REPO_ROOT, 'public');
  if (path.relative(publicDir, outDir).startsWith('..')) log(`note: ${outDir} is outside public/: serve it at data/local/ or edit each source.url`);
  return outcomes;
}

interface Dirs extends RecipeOptions {
  outDir: string;
  layersDir: string;
  baseDir: string;
}

async function buildLayer(layer: RecipeLayer, dirs: Dirs, state: Record<string, ImportRecord>): Promise<LayerOutcome> {
  const input = await resolveInput(layer.input, dirs.baseDir, path.join(dirs.outDir, '.downloads'), Boolean(dirs.force));
  const exists = await fs.stat(input).then(() => true, () => false);
  if (!exists) throw new ImportError(isUrl(layer.input) ? layer.input : path.relative(process.cwd(), input), 'file not found');
  const key = importKey(await hashFile(input), { layer: layer.layer, minzoom: layer.minzoom, maxzoom: layer.maxzoom, id: layer.id });
  let status: LayerOutcome['status'] = 'unchanged';
  if (dirs.force || !(await isUnchanged(state[layer.id], key))) {
    const report = await importMaybePartitioned({ input, id: layer.id, group: layer.group, outDir: dirs.outDir, layersDir: dirs.layersDir,
      ...(layer.layer ? { layer: layer.layer } : {}), ...(layer.minzoom !== undefined ? { minzoom: layer.minzoom } : {}),
      ...(layer.maxzoom !== undefined ? { maxzoom: layer.maxzoom } : {}) }, layer.partitions ?? 1, dirs.jobs ?? 1);
    state[layer.id] = recordOf(key, report);
    status = 'imported';
  }
  const record = state[layer.id] as ImportRecord;
  const final = applyRecipe(record.starter, layer, record.facts);
  const problems = validateLayer(final, `layers/local/${layer.id}.json`, await groupIds());
  if (problems[0]) throw new ImportError(layer.id, `the recipe gives an invalid layer: ${formatError(problems[0])}`);
  await fs.writeFile(path.join(dirs.layersDir, `${layer.id}.json`), `${JSON.stringify(final, null, 2)}\n`);
  const bytes = (await fs.stat(record.dataFile)).size;
  return { id: layer.id, status, count: record.count, bytes, seconds: 0, warnings: [...record.warnings, ...recipeWarnings(layer, final, record.facts)] };
}

function recordOf(key: string, report: ImportReport): ImportRecord {
  const { vector, raster } = report;
  const facts: ImportedFacts = vector ? { kind: 'vector', geometry: vector.facts.geometry } : { kind: 'raster' };
  const count = vector ? `${vector.facts.featureCount} features` : `${raster?.facts.width}×${raster?.facts.height} px`;
  const warnings: string[] = [];
  if (vector?.repaired) warnings.push(`${vector.repaired} invalid geometries repaired`);
  if (vector?.damagedTexts) warnings.push(`${vector.damagedTexts} texts with damaged characters (U+FFFD)`);
  if (vector?.encoding) warnings.push(`text read as ${vector.encoding}`);
  if (vector?.facts.skippedLayers.length) warnings.push(`layers not imported: ${vector.facts.skippedLayers.join(', ')}`);
  return { key, dataFile: report.dataFile, starter: report.layer, facts, count, warnings };
}

/** Fields the recipe names but the data lacks: the style or time would silently match nothing. */
function recipeWarnings(recipe: RecipeLayer, layer: LayerDefinition, facts: ImportedFacts): string[] {
  if (facts.kind !== 'vector') return [];
  const names = new Set((layer.fields ?? []).map((field) => field.name));
  const wanted = [recipe.time?.field, recipe.style && 'field' in recipe.style ? recipe.style.field : undefined];
  return wanted.filter((name): name is string => name !== undefined && !names.has(name)).map((name) => `field "${name}" not found in the data`);
}

function failed(id: string, error: unknown): LayerOutcome {
  const message = error instanceof Error ? error.message.replace(/\s*\n\s*/g, ' ') : String(error);
  return { id, status: 'failed', count: '', bytes: 0, seconds: 0, warnings: [message] };
}

async function groupIds(): Promise<string[]> {
  const main = JSON.parse(await fs.readFile(path.join(REPO_ROOT, 'layers', 'catalogue.json'), 'utf8')) as CatalogueFile;
  return main.groups.map((group) => group.id);
}

/** The recipe's layers in its order (first drawn on top), then any other local imports. */
async function writeCatalogue(layersDir: string, ids: string[]): Promise<void> {
  const file = path.join(layersDir, 'catalogue.json');
  const existing = await fs.readFile(file, 'utf8').then((text) => (JSON.parse(text) as { layers?: string[] }).layers ?? [], () => [] as string[]);
  const layers = [...ids, ...existing.filter((id) => !ids.includes(id))];
  await fs.writeFile(file, `${JSON.stringify({ layers }, null, 2)}\n`);
}
