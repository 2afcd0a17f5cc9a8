// Reading features at a point from the demo PMTiles archives (max-zoom tile), checked
// against the generator's manifest points and against the original GeoJSON.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { booleanPointInPolygon } from '@turf/turf';
import type { Feature, FeatureCollection, Polygon, MultiPolygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import type { LayerDefinition } from '../../src/catalogue/types';
import { identifyAt } from '../../src/queries/identify';
import { fileDataAccess } from '../../src/queries/identify_data_node';
import { featuresNear, tileX, tileY } from '../../src/queries/vector_tiles';
import { FileRangeSource } from '../../src/sources/file_source';
import { PMTiles } from 'pmtiles';
import { REPO_ROOT as repoRoot } from '../support/shared_data';

const publicDir = path.join(repoRoot, 'public');
const manifestFile = path.join(publicDir, 'data/demo-manifest.json');
const hasDemo = existsSync(manifestFile);
if (!hasDemo) console.warn(`identify tests skipped: ${manifestFile} is missing (run npm run data:ensure)`);

interface Sample { layer: string; lon: number; lat: number; expect: Record<string, unknown> }
const samples = (): Sample[] => (JSON.parse(readFileSync(manifestFile, 'utf8')) as { samples: Sample[] }).samples;
const layerDef = (id: string): LayerDefinition =>
  JSON.parse(readFileSync(path.join(repoRoot, 'layers', `${id}.json`), 'utf8')) as LayerDefinition;

describe.skipIf(!hasDemo)('features at a point from a PMTiles archive', () => {
  it('should read the max-zoom tile and find the 0–20 zone at the manifest point', async () => {
    const archive = new PMTiles(new FileRangeSource(path.join(publicDir, 'data/zones_inondables.pmtiles')));
    const header = await archive.getHeader();
    const features = await featuresNear(archive, 'zones_inondables', -72.55, 46.35);
    expect(features.length).toBeGreaterThan(0);
    const inside = features.filter((f) => booleanPointInPolygon([-72.55, 46.35], f as Feature<Polygon | MultiPolygon>));
    expect(inside.map((f) => f.properties?.classe)).toContain('0-20');
    // The geometry is that of the deepest tile (clipped to it plus a small buffer), not of a
    // low-zoom tile: the zone spans many max-zoom tiles, yet every vertex lies next to the point's.
    const z = header.maxZoom;
    const [tx, ty] = [tileX(-72.55, z), tileY(46.35, z)];
    const vertices = (inside[0]!.geometry as Polygon).coordinates.flat();
    expect(vertices.length).toBeGreaterThan(3);
    for (const [lon, lat] of vertices) {
      expect(Math.abs(tileX(lon!, z) - tx)).toBeLessThanOrEqual(1);
      expect(Math.abs(tileY(lat!, z) - ty)).toBeLessThanOrEqual(1);
    }
  });

  it('should return the manifest attributes for every vector sample point', async () => {
    const data = fileDataAccess(publicDir);
    for (const sample of samples()) {
      const def = layerDef(sample.layer);
      if (def.source.kind !== 'pmtiles-vector') continue;
      const [answer] = await identifyAt([sample.lon, sample.lat], [def], data, { toleranceMetres: 10 });
      expect(answer?.kind, `${sample.layer} at ${sample.lon},${sample.lat}`).toBe('features');
      const features = answer?.kind === 'features' ? answer.features : [];
      const matching = features.filter((f) =>
        Object.entries(sample.expect).every(([key, value]) => f.properties?.[key] === value));
      expect(matching.length, `${sample.layer} at ${sample.lon},${sample.lat}: ${JSON.stringify(sample.expect)}`).toBeGreaterThan(0);
    }
  });

  it('should agree with the original GeoJSON polygons at the manifest points', async () => {
    const original = JSON.parse(readFileSync(path.join(publicDir, 'data/zones_inondables.geojson'), 'utf8')) as FeatureCollection;
    const def = layerDef('zones-inondables');
    const data = fileDataAccess(publicDir);
    for (const sample of samples().filter((s) => s.layer === 'zones-inondables')) {
      const truth = original.features
        .filter((f) => booleanPointInPolygon([sample.lon, sample.lat], f as Feature<Polygon>))
        .map((f) => f.properties?.classe).sort();
      const [answer] = await identifyAt([sample.lon, sample.lat], [def], data, { toleranceMetres: 0 });
      const got = answer?.kind === 'features' ? answer.features.map((f) => f.properties?.classe).sort() : null;
      expect(got).toEqual(truth);
    }
  });

  it('should find nothing at a point outside every feature', async () => {
    const data = fileDataAccess(publicDir);
    const defs = ['zones-inondables', 'peuplements-ecoforestiers', 'crues-historiques'].map(layerDef);
    const answers = await identifyAt([-70, 48.5], defs, data, { toleranceMetres: 10 });
    expect(answers.map((a) => a.kind)).toEqual(['features', 'features', 'features']);
    expect(answers.map((a) => (a.kind === 'features' ? a.features.length : -1))).toEqual([0, 0, 0]);
  });

  it('should say a pmtiles raster is visible without a value, and name a missing file', async () => {
    const data = fileDataAccess(publicDir);
    // The demo has no raster PMTiles layer any more (LiDAR is COG): a user-added one, as the importer would write.
    const raster = { ...layerDef('zones-inondables'), id: 'lidar-ombrage', source: { kind: 'pmtiles-raster' as const, url: 'data/ombrage.pmtiles' } };
    const broken = { ...layerDef('zones-inondables'), source: { kind: 'pmtiles-vector' as const, url: 'data/missing.pmtiles', sourceLayer: 'x' } };
    const [first, second] = await identifyAt([-72.55, 46.35], [raster, broken], data, { toleranceMetres: 10 });
    expect(first).toEqual({ layerId: 'lidar-ombrage', kind: 'raster-visible' });
    expect(second?.kind).toBe('error');
    expect(second?.kind === 'error' ? second.message : '').toMatch(/missing\.pmtiles/);
  });

  it('should report a wrong source-layer name instead of an empty answer', async () => {
    const archive = new PMTiles(new FileRangeSource(path.join(publicDir, 'data/zones_inondables.pmtiles')));
    await expect(featuresNear(archive, 'zones', -72.55, 46.35)).rejects.toThrow(/no vector layer "zones".*zones_inondables/);
  });
});
