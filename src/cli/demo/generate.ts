// Runs every demo layer generator and writes public/data. Each step logs its time and size.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { booleanPointInPolygon } from '@turf/turf';
import { buildBasemap, landPolygons, BASEMAP_BBOX } from './basemap';
import { quebecPlaces } from './places';
import { disturbances } from './disturbances';
import { ecoforestStands } from './stands';
import { wildlifeTerritories } from './wildlife';
import { floodCoverage, floodZones } from './flood_zones';
import { floodHistory } from './flood_history';
import { hydrography } from './hydrography';
import { lidarFootprints } from './lidar_footprints';
import { lidarRasters, NODATA } from './lidar_dem';
import { FLOOD_DATES, floodExtent, NO_OBSERVATION } from './flood_extents';
import { writeCogs, type CogRaster } from './cog_writer';
import { makeValley } from './river';
import { buildVectorArchive } from './vector_tiles';
import { buildManifest } from './manifest_layers';
import { COG_OUTPUTS, FLOOD_EXTENT_DATES, floodExtentFile, GENERATOR_VERSION, MANIFEST_FILE, VECTOR_OUTPUTS } from './outputs';

export const DEMO_ATTRIBUTION = 'Géoveille — données de démonstration (synthétiques)';

type Log = (msg: string) => void;

export interface GenerateOptions { outDir: string; seed: number; log?: Log }

export async function generateDemoData({ outDir, seed, log = console.log }: GenerateOptions): Promise<void> {
  mkdirSync(outDir, { recursive: true });
  const step = <T>(name: string, fn: () => T): T => {
    const t0 = performance.now();
    const result = fn();
    log(`  ${name.padEnd(28)} ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    return result;
  };
  const writeFile = (file: string, data: string | Buffer) => writeFileSync(path.join(outDir, file), data);
  const writeVector = (key: keyof typeof VECTOR_OUTPUTS, fc: FeatureCollection, maxZoom: number, description: string) => {
    const { file, sourceLayer } = VECTOR_OUTPUTS[key];
    writeFile(`${file}.geojson`, JSON.stringify(fc));
    writeFile(`${file}.pmtiles`, buildVectorArchive([{ name: sourceLayer, features: fc, description }], {
      name: file, description: `${description} — ${DEMO_ATTRIBUTION}`, attribution: DEMO_ATTRIBUTION, minZoom: 0, maxZoom,
    }));
  };

  step('basemap', () => writeFile('basemap.pmtiles', buildBasemap()));
  writeFile('places.geojson', JSON.stringify(quebecPlaces()));
  const land = landPolygons(BASEMAP_BBOX);
  const onLand = (p: Position) => land.features.some((f) => booleanPointInPolygon(p, f as never));
  const valley = makeValley(seed);
  const keepOut: Array<[number, number, number, number]> = [[-73.1, 45.95, -72.0, 46.95]];
  const layers = {
    disturbances: step('perturbations', () => disturbances(seed, onLand, keepOut)),
    stands: step('peuplements', () => ecoforestStands(seed)),
    territories: step('territoires fauniques', () => wildlifeTerritories(seed)),
    zones: step('zones inondables', () => floodZones(valley)),
    coverage: floodCoverage(valley),
    history: step('crues historiques', () => floodHistory(seed, valley)),
    hydro: hydrography(seed, valley),
    footprints: lidarFootprints(),
  };
  step('vector tiles', () => {
    writeVector('perturbations', layers.disturbances, 10, 'Perturbations naturelles (feu, épidémie, chablis)');
    writeVector('peuplements', layers.stands, 13, 'Peuplements écoforestiers');
    writeVector('territoires', layers.territories, 10, 'ZEC et réserves fauniques');
    writeVector('zones', layers.zones, 13, 'Zones inondables 0–20 ans et 20–100 ans');
    writeVector('coverage', layers.coverage, 13, 'Secteur cartographié');
    writeVector('crues', layers.history, 13, 'Étendues de crues historiques');
    writeVector('hydro', layers.hydro, 13, 'Hydrographie');
    writeVector('lidarFootprints', layers.footprints, 10, 'Couverture des acquisitions LiDAR');
  });
  const lidar = step('lidar grids', () => lidarRasters(seed, valley));
  const cogs: CogRaster[] = step('flood extents', () => [
    { name: COG_OUTPUTS.dem, values: lidar.dem, nodata: NODATA, resampling: 'AVERAGE' },
    { name: COG_OUTPUTS.chm, values: lidar.chm, nodata: NODATA, resampling: 'AVERAGE' },
    ...FLOOD_DATES.map((day): CogRaster => ({ name: floodExtentFile(day.date), values: floodExtent(seed, lidar, day), nodata: NO_OBSERVATION, resampling: 'MODE' })),
  ]);
  if (FLOOD_DATES.some((d, i) => d.date !== FLOOD_EXTENT_DATES[i])) throw new Error('demo: FLOOD_DATES and FLOOD_EXTENT_DATES disagree');
  const t0 = performance.now();
  await writeCogs(outDir, lidar.grid, cogs);
  log(`  ${'cloud optimized geotiffs'.padEnd(28)} ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const samples = step('manifest', () => buildManifest(layers as ManifestInput));
  writeFile(MANIFEST_FILE, JSON.stringify({ generatorVersion: GENERATOR_VERSION, seed, samples }, null, 2));
}

type Areas = FeatureCollection<Polygon | MultiPolygon>;
export interface ManifestInput {
  disturbances: Areas; stands: Areas; territories: Areas; zones: Areas; history: Areas; hydro: FeatureCollection; footprints: Areas;
}
