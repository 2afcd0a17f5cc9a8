// Writes the demo street basemap and the demo address index together (both come from the same
// street definitions in addresses.ts, so one is never newer than the other), and the world land
// the embedded basemap draws at small scales.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { writeDemoAddresses } from './addresses';
import { STREET_BASEMAP_FILE, buildStreetBasemap } from './street_basemap';
import { WORLD_BASEMAP_FILE, buildWorldBasemap } from './basemap_world';

/** Bump when the streets, the addresses or the street basemap change. */
export const STREETS_VERSION = 4;
const STAMP_FILE = 'demo_streets.json';

function isCurrent(outDir: string, seed: number): boolean {
  try {
    const stamp = JSON.parse(readFileSync(path.join(outDir, STAMP_FILE), 'utf8')) as { version?: number; seed?: number };
    return stamp.version === STREETS_VERSION && stamp.seed === seed && [STREET_BASEMAP_FILE, WORLD_BASEMAP_FILE].every((file) => existsSync(path.join(outDir, file)));
  } catch {
    return false;
  }
}

/** `ifMissing`: do nothing when this version's files for this seed are already there. */
export async function writeDemoStreets(outDir: string, seed: number, ifMissing = false): Promise<void> {
  if (ifMissing && isCurrent(outDir, seed)) return;
  await writeDemoAddresses(outDir, seed);
  writeFileSync(path.join(outDir, STREET_BASEMAP_FILE), buildStreetBasemap(seed));
  writeFileSync(path.join(outDir, WORLD_BASEMAP_FILE), buildWorldBasemap());
  writeFileSync(path.join(outDir, STAMP_FILE), `${JSON.stringify({ version: STREETS_VERSION, seed }, null, 2)}\n`);
}
