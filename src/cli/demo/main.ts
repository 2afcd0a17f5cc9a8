// `npm run data:demo` (always regenerate) and `npm run data:ensure` (`--if-missing`: do nothing
// when public/data already holds every file of this generator version).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { DEFAULT_SEED, isComplete } from './outputs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const outDir = path.join(repoRoot, 'public', 'data');

async function main(argv: string[]): Promise<void> {
  const ifMissing = argv.includes('--if-missing');
  const seedArg = argv.find((a) => a.startsWith('--seed='));
  const seed = seedArg ? Number(seedArg.slice('--seed='.length)) : DEFAULT_SEED;
  if (!Number.isInteger(seed)) throw new Error(`data:demo: --seed must be an integer, got "${seedArg}"`);
  // the address index and the street basemap: independent of the files below
  await (await import('./street_basemap_write')).writeDemoStreets(outDir, seed, ifMissing);
  if (ifMissing && isComplete(outDir)) return;
  // Loaded only when needed, so `data:ensure` on complete data returns in well under a second.
  const { generateDemoData } = await import('./generate');
  const t0 = performance.now();
  console.log(`Generating demo data in ${path.relative(repoRoot, outDir)} (seed ${seed})…`);
  await generateDemoData({ outDir, seed });
  console.log(`Demo data ready in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error(`data:demo failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
