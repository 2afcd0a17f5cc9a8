// The files the demo generator writes under public/data, and how to tell whether they are all there.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

/** Bump when the generator's output changes, so `--if-missing` regenerates stale data. */
export const GENERATOR_VERSION = 4;
export const DEFAULT_SEED = 20240611;
export const MANIFEST_FILE = 'demo-manifest.json';

/** Vector layers: <file>.pmtiles (source-layer <sourceLayer>) and <file>.geojson. */
export const VECTOR_OUTPUTS = {
  perturbations: { file: 'perturbations', sourceLayer: 'perturbations' },
  peuplements: { file: 'peuplements', sourceLayer: 'peuplements' },
  territoires: { file: 'territoires_fauniques', sourceLayer: 'territoires_fauniques' },
  zones: { file: 'zones_inondables', sourceLayer: 'zones_inondables' },
  coverage: { file: 'flood_coverage', sourceLayer: 'couverture' },
  crues: { file: 'crues_historiques', sourceLayer: 'crues_historiques' },
  hydro: { file: 'hydrographie', sourceLayer: 'hydrographie' },
  lidarFootprints: { file: 'lidar_couverture', sourceLayer: 'lidar_couverture' },
} as const;

/** Cloud Optimized GeoTIFFs (<name>.tif) on the LiDAR grid: terrain, canopy and the 2019 flood extents. */
export const COG_OUTPUTS = { dem: 'lidar_mnt', chm: 'lidar_mhc' } as const;
export const FLOOD_EXTENT_DATES = ['2019-04-20', '2019-04-27', '2019-05-04', '2019-05-11'] as const;
export const floodExtentFile = (date: string) => `etendue_crue_${date}`;

export function expectedFiles(): string[] {
  return [
    'basemap.pmtiles',
    'places.geojson',
    MANIFEST_FILE,
    ...Object.values(VECTOR_OUTPUTS).flatMap((o) => [`${o.file}.pmtiles`, `${o.file}.geojson`]),
    ...[...Object.values(COG_OUTPUTS), ...FLOOD_EXTENT_DATES.map(floodExtentFile)].map((f) => `${f}.tif`),
  ];
}

/** True when every expected file exists and the manifest was written by this generator version. */
export function isComplete(dir: string): boolean {
  if (!expectedFiles().every((f) => existsSync(path.join(dir, f)))) return false;
  try {
    const manifest = JSON.parse(readFileSync(path.join(dir, MANIFEST_FILE), 'utf8')) as { generatorVersion?: number };
    return manifest.generatorVersion === GENERATOR_VERSION;
  } catch {
    return false;
  }
}
