// Shared by the demo_*.test.ts files: make sure public/data holds the generated demo data
// (what `npm run data:ensure` does before `npm test`), generating it once if needed.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import type { FeatureCollection } from 'geojson';
import { generateDemoData } from '../../src/cli/demo/generate';
import { DEFAULT_SEED, isComplete } from '../../src/cli/demo/outputs';
import { REPO_ROOT as repoRoot } from '../support/shared_data';

export { repoRoot };

export const dataDir = path.join(repoRoot, 'public', 'data');

export async function ensureDemoData(): Promise<void> {
  if (!isComplete(dataDir)) await generateDemoData({ outDir: dataDir, seed: DEFAULT_SEED, log: () => {} });
}

export function readGeoJson(file: string): FeatureCollection {
  return JSON.parse(readFileSync(path.join(dataDir, file), 'utf8')) as FeatureCollection;
}
