// Command-line arguments of `npm run import` → a checked options object (pure, no I/O).

import { ImportError } from './errors';
import { parsePartition } from './partition';

export interface ImportArgs {
  input: string;
  id: string;
  titleFr?: string;
  titleEn?: string;
  group?: string;
  /** Where the data file goes; default public/data/local. */
  outDir?: string;
  /** Where <id>.json and catalogue.json go; default layers/local (or $GEOVEILLE_LAYERS_DIR). */
  layersDir?: string;
  /** Vector only: which layer of a multi-layer file (GPKG, KML). */
  layer?: string;
  minzoom?: number;
  maxzoom?: number;
  /** Write only part i of N ("i/N", 1-based) into <out-dir>/<id>.parts/, no layer file. */
  partition?: string;
  /** Join the N parts written before into the data file, then write the layer file as usual. */
  merge?: number;
  /** Invalid geometries counted by an earlier pass (with --minzoom and --maxzoom): skips that pass. */
  knownInvalid?: number;
  /** GDAL compression threads for a merge (set by --jobs, not a flag of its own). */
  mergeThreads?: number;
}

export const USAGE =
  'usage: npm run import -- <input> --id <layer-id> [--title-fr "…"] [--title-en "…"] [--group <group-id>] ' +
  '[--out-dir <dir>] [--layers-dir <dir>] [--layer <name>] [--minzoom <z>] [--maxzoom <z>] [--partition <i/N> | --merge <N>]';

/** Layer ids become file names and URL hash values: keep them to lowercase letters, digits and dashes. */
export const LAYER_ID_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

const STRING_OPTIONS = {
  '--id': 'id',
  '--title-fr': 'titleFr',
  '--title-en': 'titleEn',
  '--group': 'group',
  '--out-dir': 'outDir',
  '--layers-dir': 'layersDir',
  '--layer': 'layer',
  '--partition': 'partition',
} as const;
const ZOOM_OPTIONS = { '--minzoom': 'minzoom', '--maxzoom': 'maxzoom' } as const;

type StringKey = (typeof STRING_OPTIONS)[keyof typeof STRING_OPTIONS];
type ZoomKey = (typeof ZOOM_OPTIONS)[keyof typeof ZOOM_OPTIONS];

/** Parses argv (without node and script) and env; throws ImportError naming what is wrong. */
export function parseImportArgs(argv: readonly string[], env: Record<string, string | undefined> = {}): ImportArgs {
  const strings: Partial<Record<StringKey, string>> = {};
  const zooms: Partial<Record<ZoomKey, number>> = {};
  const positional: string[] = [];
  let merge: number | undefined;
  let knownInvalid: number | undefined;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (!arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const [flag, inline] = splitInline(arg);
    const value = inline ?? argv[++i];
    if (value === undefined || (inline === undefined && value.startsWith('--'))) {
      throw new ImportError('arguments', `${flag} needs a value. ${USAGE}`);
    }
    if (flag in STRING_OPTIONS) strings[STRING_OPTIONS[flag as keyof typeof STRING_OPTIONS]] = value;
    else if (flag === '--merge') merge = parseMerge(value);
    else if (flag === '--known-invalid') knownInvalid = parseCount(value);
    else if (flag in ZOOM_OPTIONS) zooms[ZOOM_OPTIONS[flag as keyof typeof ZOOM_OPTIONS]] = parseZoom(flag, value);
    else throw new ImportError('arguments', `unknown option ${flag}. ${USAGE}`);
  }
  const args = checked(positional, strings, zooms, env);
  if (args.partition !== undefined) parsePartition(args.partition);
  if (args.partition !== undefined && merge !== undefined) throw new ImportError('arguments', '--partition and --merge are two steps: give one of them');
  return { ...args, ...(merge !== undefined ? { merge } : {}), ...(knownInvalid !== undefined ? { knownInvalid } : {}) };
}

function parseCount(value: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < 0) throw new ImportError('arguments', `--known-invalid expects a count, got "${value}"`);
  return count;
}

function parseMerge(value: string): number {
  const count = Number(value);
  if (!Number.isInteger(count) || count < 1) throw new ImportError('arguments', `--merge expects the number of parts, got "${value}"`);
  return count;
}

function splitInline(arg: string): [string, string | undefined] {
  const eq = arg.indexOf('=');
  return eq < 0 ? [arg, undefined] : [arg.slice(0, eq), arg.slice(eq + 1)];
}

function parseZoom(flag: string, value: string): number {
  const zoom = Number(value);
  if (!Number.isInteger(zoom) || zoom < 0 || zoom > 22) {
    throw new ImportError('arguments', `${flag} must be a whole number from 0 to 22, got "${value}"`);
  }
  return zoom;
}

function checked(
  positional: string[],
  strings: Partial<Record<StringKey, string>>,
  zooms: Partial<Record<ZoomKey, number>>,
  env: Record<string, string | undefined>,
): ImportArgs {
  if (positional.length !== 1) {
    const problem = positional.length === 0 ? 'no input file given' : `expected one input file, got ${positional.length}`;
    throw new ImportError('arguments', `${problem}. ${USAGE}`);
  }
  const id = strings.id;
  if (id === undefined) throw new ImportError('arguments', `--id is required. ${USAGE}`);
  if (!LAYER_ID_PATTERN.test(id)) {
    throw new ImportError('arguments', `invalid layer id "${id}": use lowercase letters, digits and dashes (e.g. fires-1990)`);
  }
  if (zooms.minzoom !== undefined && zooms.maxzoom !== undefined && zooms.minzoom > zooms.maxzoom) {
    throw new ImportError('arguments', `--minzoom ${zooms.minzoom} is above --maxzoom ${zooms.maxzoom}`);
  }
  const layersDir = strings.layersDir ?? (env.GEOVEILLE_LAYERS_DIR || undefined);
  return { ...strings, ...zooms, input: positional[0] as string, id, ...(layersDir ? { layersDir } : {}) };
}
