// `npm run recipe -- recipes/<name>.json [--jobs K] [--only id,id] [--force] [--out-dir d] [--layers-dir d]`
// builds every layer of a recipe into the local catalogue (layers/local/, public/data/local/).

import { ImportError } from '../import/errors';
import { runRecipe, type RecipeOptions } from './run';
import { summaryTable } from './table';

export const RECIPE_USAGE = 'usage: npm run recipe -- recipes/<name>.json [--jobs <K>] [--only <id,id>] [--force] [--out-dir <dir>] [--layers-dir <dir>]';

export function parseRecipeArgs(argv: readonly string[], env: Record<string, string | undefined> = {}): RecipeOptions {
  const positional: string[] = [];
  const options: Partial<RecipeOptions> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '--force') options.force = true;
    else if (!arg.startsWith('--')) positional.push(arg);
    else {
      const value = argv[++i];
      if (value === undefined) throw new ImportError('arguments', `${arg} needs a value. ${RECIPE_USAGE}`);
      if (arg === '--jobs') options.jobs = jobCount(value);
      else if (arg === '--only') options.only = value.split(',').map((id) => id.trim()).filter(Boolean);
      else if (arg === '--out-dir') options.outDir = value;
      else if (arg === '--layers-dir') options.layersDir = value;
      else throw new ImportError('arguments', `unknown option ${arg}. ${RECIPE_USAGE}`);
    }
  }
  if (positional.length !== 1) throw new ImportError('arguments', `expected one recipe file, got ${positional.length}. ${RECIPE_USAGE}`);
  const layersDir = options.layersDir ?? (env.GEOVEILLE_LAYERS_DIR || undefined);
  return { ...options, recipeFile: positional[0] as string, ...(layersDir ? { layersDir } : {}) };
}

function jobCount(value: string): number {
  const jobs = Number(value);
  if (!Number.isInteger(jobs) || jobs < 1 || jobs > 256) throw new ImportError('arguments', `--jobs must be a whole number from 1 to 256, got "${value}"`);
  return jobs;
}

async function main(): Promise<void> {
  try {
    const outcomes = await runRecipe(parseRecipeArgs(process.argv.slice(2), process.env));
    console.log(`\n${summaryTable(outcomes)}`);
    if (outcomes.some((o) => o.status === 'failed')) process.exitCode = 1;
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`error: ${message}\n`);
    process.exitCode = 1;
  }
}

if (process.argv[1] && /recipe[\\/]main\.ts$/.test(process.argv[1])) await main();
