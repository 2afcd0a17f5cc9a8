// Checks a layers folder at build with the app's own validators and writes what the app then reads
// without loading them (issue 15: MapLibre's style-spec stays out of the first load):
// layers/catalogue.bundle.json (src/catalogue/bundle.ts) and layers/basemaps/basemaps.checked.json
// (src/catalogue/basemaps_checked.ts). Any invalid file stops the build with its name and problems.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { BUNDLE_FILE, makeBundle, type CatalogueBundle } from '../src/catalogue/bundle.ts';
import { BASEMAPS_CHECKED_FILE, BASEMAPS_FILE, makeCheckedBasemaps, type CheckedBasemapList } from '../src/catalogue/basemaps_checked.ts';
import type { CatalogueFile, LayerDefinition } from '../src/catalogue/types.ts';
import { formatError, validateCatalogue, validateLayer, type ValidationError } from '../src/catalogue/validate.ts';
import { validateBasemaps } from '../src/catalogue/validate_basemaps.ts';

export interface CheckedFolder {
  /** null when catalogue.json is missing or invalid */
  bundle: CatalogueBundle | null;
  /** null when the folder has no basemap list (the app then shows its offline basemap) */
  basemaps: CheckedBasemapList | null;
  /** every problem of every file; file names as in the source folder, e.g. "layers/fires.json" */
  problems: ValidationError[];
}

/** Reads and checks a file; a missing file or broken JSON is a problem naming it. */
function readJson(dir: string, name: string, problems: ValidationError[]): unknown {
  try {
    return JSON.parse(readFileSync(join(dir, name), 'utf8'));
  } catch (error) {
    const message = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'file not found' : (error as Error).message;
    problems.push({ file: name, path: '', message });
    return undefined;
  }
}

function checkCatalogue(dir: string, problems: ValidationError[]): CatalogueBundle | null {
  const catalogue = readJson(dir, 'catalogue.json', problems);
  if (catalogue === undefined) return null;
  const catalogueProblems = validateCatalogue(catalogue, 'catalogue.json');
  problems.push(...catalogueProblems);
  if (catalogueProblems.length > 0) return null;
  const file = catalogue as CatalogueFile;
  const groupIds = file.groups.map((group) => group.id);
  const layers: Record<string, LayerDefinition> = {};
  for (const id of file.layers) {
    const name = `${id}.json`;
    const layer = readJson(dir, name, problems);
    if (layer === undefined) continue;
    const layerProblems = validateLayer(layer, name, groupIds);
    problems.push(...layerProblems);
    if (layerProblems.length === 0) layers[id] = layer as LayerDefinition;
  }
  return makeBundle(file, layers);
}

function checkBasemaps(dir: string, problems: ValidationError[]): CheckedBasemapList | null {
  if (!existsSync(join(dir, BASEMAPS_FILE))) return null;
  const json = readJson(dir, BASEMAPS_FILE, problems);
  if (json === undefined) return null;
  const checked = validateBasemaps(json, BASEMAPS_FILE);
  problems.push(...checked.errors);
  if (checked.errors.length > 0 || checked.basemaps.length === 0) return null;
  return makeCheckedBasemaps(checked.basemaps, checked.defaultId ?? checked.basemaps[0]!.id);
}

/** Checks catalogue.json, every layer file it lists and basemaps/basemaps.json. */
export function checkLayersFolder(layersDir: string): CheckedFolder {
  const problems: ValidationError[] = [];
  const bundle = checkCatalogue(layersDir, problems);
  const basemaps = checkBasemaps(layersDir, problems);
  // named as the source folder, which is where the author fixes them
  return { bundle, basemaps, problems: problems.map((problem) => ({ ...problem, file: `layers/${problem.file}` })) };
}

/** One line per problem, each naming its file: "layers/fires.json at opacity: …". */
export function describeProblems(problems: ValidationError[]): string {
  const files = new Set(problems.map((problem) => problem.file));
  const head = `${files.size} invalid file${files.size > 1 ? 's' : ''} in layers/ (${[...files].join(', ')}):`;
  return [head, ...problems.map((problem) => `  ${formatError(problem)}`)].join('\n');
}

/** Writes the checked files into `layersDir`; throws, naming every invalid file, when one is. */
export function writeCheckedFiles(layersDir: string): void {
  const { bundle, basemaps, problems } = checkLayersFolder(layersDir);
  if (problems.length > 0) throw new Error(describeProblems(problems));
  if (bundle) writeFileSync(join(layersDir, BUNDLE_FILE), JSON.stringify(bundle));
  if (basemaps) {
    mkdirSync(dirname(join(layersDir, BASEMAPS_CHECKED_FILE)), { recursive: true });
    writeFileSync(join(layersDir, BASEMAPS_CHECKED_FILE), JSON.stringify(basemaps));
  }
}
