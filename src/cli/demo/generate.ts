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
import { lidarRasters } from './lidar_dem';
import { buildRasterArchive, rampColorizer } from './raster_tiles';
import { makeValley } from './river';
import { buildVectorArchive } from './vector_tiles';
import { buildManifest } from './manifest_layers';
import { GENERATOR_VERSION, MANIFEST_FILE, RASTER_OUTPUTS, VECTOR_OUTPUTS } from './outputs';

export const DEMO_ATTRIBUTION = 'Géoveille — données de démonstration (synthétiques)';
/** Colour ramp of the canopy height model; layers/lidar-hauteur-canopee.json shows the same stops. */
export const CHM_RAMP: Array<[number, string]> = [[0, '#f7f4e8'], [2, '#d9f0a3'], [8, '#addd8e'], [15, '#41ab5d'], [22, '#1a7a3c'], [30, '#00391a']];

type Log = (msg: string) => void;

export interface GenerateOptions { outDir: string; seed: number; log?: Log }

export function generateDemoData({ outDir, seed, log = console.log }: GenerateOptions): void {
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
  const rasters = step('lidar grids', () => lidarRasters(seed, valley));
  step('lidar tiles', () => {
    const common = { attribution: DEMO_ATTRIBUTION, minZoom: 9, maxZoom: 14, bounds: rasters.bbox };
    writeFile(`${RASTER_OUTPUTS.hillshade}.pmtiles`, buildRasterArchive(rasters.hillshade, (v) => {
      if (Number.isNaN(v)) return [0, 0, 0, 0];
      const g = Math.round(40 + 215 * v);
      return [g, g, g, 255];
    }, { ...common, name: RASTER_OUTPUTS.hillshade, description: 'Ombrage LiDAR (MNT synthétique)' }));
    writeFile(`${RASTER_OUTPUTS.chm}.pmtiles`, buildRasterArchive(rasters.chm, rampColorizer(CHM_RAMP), {
      ...common, name: RASTER_OUTPUTS.chm, description: 'Modèle de hauteur de canopée (m), synthétique',
    }));
  });
  const samples = step('manifest', () => buildManifest(layers as ManifestInput));
  writeFile(MANIFEST_FILE, JSON.stringify({ generatorVersion: GENERATOR_VERSION, seed, samples }, null, 2));
}

type Areas = FeatureCollection<Polygon | MultiPolygon>;
export interface ManifestInput {
  disturbances: Areas; stands: Areas; territories: Areas; zones: Areas; history: Areas; hydro: FeatureCollection; footprints: Areas;
}
