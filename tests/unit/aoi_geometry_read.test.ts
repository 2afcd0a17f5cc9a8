// Reading AOI files from bytes: KML and GPX made here, a GeoJSON FeatureCollection, the real zipped
// Shapefile, the real fire perimeters (invalid geometries) and the MRC GML (converted with GDAL to
// KML and GeoJSON, since the reader itself does not read GML), plus the clear errors.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { area, booleanPointInPolygon, centroid } from '@turf/turf';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { readAoiFile, MAX_AOI_FILE_BYTES } from '../../src/queries/aoi_geometry_read';
import { AoiReadError, type AoiFeature } from '../../src/queries/aoi_geometry_types';
import type { XmlParserClass } from '../../src/queries/aoi_geometry_formats';
import { repoRoot } from './cog_helpers';
import { sharedPath } from '../support/shared_data';

const quebec = sharedPath('quebec');
const xmlParser = DOMParser as unknown as XmlParserClass;
const bytesOf = (text: string) => new TextEncoder().encode(text);
const read = (name: string, bytes: Uint8Array) => readAoiFile(name, bytes, { xmlParser });

const hasQuebec = existsSync(quebec);
const skipReason = `${quebec} is missing (real third-party data is not in git)`;
if (!hasQuebec) console.warn(`aoi_geometry_read.test.ts: real-data tests skipped: ${skipReason}`);

function sharedFile(relative: string): string {
  return path.join(quebec, relative);
}

const ring = (lon: number, lat: number, d: number) =>
  [[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]];

describe('reading AOI files', () => {
  it('should read a KML polygon with its name and accents', async () => {
    const coords = ring(-72.6, 46.3, 0.1).map(([x, y]) => `${x},${y},0`).join(' ');
    const kml = `<?xml version="1.0" encoding="UTF-8"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document>
      <Placemark><name>Rivière-du-Loup &amp; environs</name><Polygon><outerBoundaryIs><LinearRing>
      <coordinates>${coords}</coordinates></LinearRing></outerBoundaryIs></Polygon></Placemark>
      <Placemark><name>Repère</name><Point><coordinates>-72.5,46.3</coordinates></Point></Placemark>
      </Document></kml>`;
    const { features, notes } = await read('zone.kml', bytesOf(kml));
    expect(features.map((f) => f.properties.name)).toEqual(['Rivière-du-Loup & environs']);
    expect(features[0]!.geometry.type).toBe('Polygon');
    expect(booleanPointInPolygon([-72.55, 46.35], features[0]!)).toBe(true);
    expect(notes).toEqual([{ code: 'ignored_non_polygon', count: 1 }]);
  });

  it('should read a closed GPX track as a polygon and ignore waypoints and open tracks', async () => {
    const points = ring(-71.3, 46.8, 0.05).map(([x, y]) => `<trkpt lat="${y}" lon="${x}"></trkpt>`).join('');
    const gpx = `<?xml version="1.0"?><gpx version="1.1" creator="test" xmlns="http://www.topografix.com/GPX/1/1">
      <wpt lat="46.81" lon="-71.21"><name>Québec</name></wpt>
      <trk><name>Tour du secteur</name><trkseg>${points}</trkseg></trk>
      <trk><name>Aller simple</name><trkseg><trkpt lat="46" lon="-71"/><trkpt lat="46.1" lon="-71.1"/></trkseg></trk></gpx>`;
    const { features, notes } = await read('trace.gpx', bytesOf(gpx));
    expect(features.map((f) => f.properties.name)).toEqual(['Tour du secteur']);
    expect(booleanPointInPolygon([-71.28, 46.82], features[0]!)).toBe(true);
    expect(notes).toEqual([{ code: 'ignored_non_polygon', count: 2 }]);
  });

  it('should read a GeoJSON FeatureCollection with several polygons, one AOI each', async () => {
    const collection = {
      type: 'FeatureCollection',
      features: [0, 1, 2].map((i) => ({
        type: 'Feature', properties: { NOM: `Secteur ${i}` },
        geometry: i === 2
          ? { type: 'MultiPolygon', coordinates: [[ring(-73 + i, 46, 0.1)], [ring(-72.5 + i, 46, 0.1)]] }
          : { type: 'Polygon', coordinates: [ring(-73 + i, 46, 0.2)] },
      })),
    };
    const { features, notes } = await read('secteurs.geojson', bytesOf(JSON.stringify(collection)));
    expect(notes).toEqual([]);
    expect(features.map((f) => [f.properties.name, f.geometry.type]))
      .toEqual([['Secteur 0', 'Polygon'], ['Secteur 1', 'Polygon'], ['Secteur 2', 'MultiPolygon']]);
  });

  it('should give clear errors naming the file', async () => {
    const error = (promise: Promise<unknown>) => promise.then(() => null, (e: unknown) => e as AoiReadError);
    const broken = await error(read('cassé.geojson', bytesOf('{"type": "FeatureCollection", "features": [')));
    expect(broken).toBeInstanceOf(AoiReadError);
    expect([broken?.code, broken?.file]).toEqual(['unreadable', 'cassé.geojson']);
    expect((await error(read('points.geojson', bytesOf('{"type":"Point","coordinates":[0,0]}'))))?.code).toBe('no_polygon');
    expect((await error(read('mrc.gml', bytesOf('<gml:FeatureCollection xmlns:gml="http://www.opengis.net/gml"/>'))))?.code).toBe('no_polygon');
    expect((await error(read('notes.txt', bytesOf('hello'))))?.code).toBe('unknown_format');
    expect((await error(read('bad.kml', bytesOf('<kml><Document>'))))?.code).toBe('unreadable');
    expect((await error(read('faux.zip', bytesOf('PK\u0003\u0004garbage'))))?.code).toBe('unreadable');
    expect((await error(read('big.geojson', new Uint8Array(MAX_AOI_FILE_BYTES + 1))))?.code).toBe('too_large');
    const lambert = { type: 'FeatureCollection', crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::32198' } }, features: [] };
    expect((await error(read('lambert.geojson', bytesOf(JSON.stringify(lambert)))))?.code).toBe('projected_crs');
  });

  it.skipIf(!hasQuebec)('should read the real zipped Shapefile of the Lac-Saint-Jean watershed', async () => {
    const file = sharedFile('boundaries/lac_saint_jean_watershed_shp.zip');
    const { features } = await read(path.basename(file), new Uint8Array(readFileSync(file)));
    expect(features).toHaveLength(1);
    // The lake itself (about 72.0 W, 48.6 N) lies in its own watershed; the area is tens of thousands of km².
    expect(booleanPointInPolygon([-72.0, 48.6], features[0]!)).toBe(true);
    const km2 = area(features[0]!) / 1e6;
    expect(km2).toBeGreaterThan(20_000);
    expect(km2).toBeLessThan(200_000);
  });

  it.skipIf(!hasQuebec)('should accept or report every one of the 21 real fire perimeters, with repair notes', async () => {
    const file = sharedFile('fires/mrnf_fires_by_decade_1880-2029.geojson');
    const source = JSON.parse(readFileSync(file, 'utf8')) as { features: Array<{ properties: { SUP_HA: number } }> };
    expect(source.features).toHaveLength(21);
    const { features, notes } = await readAoiFile(path.basename(file), new Uint8Array(readFileSync(file)), { maxFeatures: 100 });
    const rejected = new Set(notes.filter((n) => n.code === 'empty' || n.code === 'unrepairable').map((n) => n.feature));
    expect(features.length + rejected.size).toBe(21);
    expect(notes.filter((n) => n.code === 'repaired').length).toBeGreaterThan(0);
    // Repair keeps the burned area: each decade within 1 % of the input's own (turf) area, and all
    // decades together within 10 % of the producer's SUP_HA (computed by MRNF in its own projection).
    let total = 0;
    features.forEach((feature: AoiFeature, i) => {
      const original = area(source.features[i] as never);
      expect(Math.abs(area(feature) / original - 1)).toBeLessThan(0.01);
      total += area(feature) / 1e4;
    });
    const producer = source.features.reduce((sum, feature) => sum + feature.properties.SUP_HA, 0);
    expect(Math.abs(total / producer - 1)).toBeLessThan(0.1);
  }, 120_000);

  it.skipIf(!hasQuebec)('should read the MRC GML once GDAL converts it to KML and GeoJSON', async () => {
    const file = sharedFile('boundaries/mrc_subset_simplified.gml');
    const { convertWithGdal } = await import('./aoi_gdal');
    for (const [driver, name] of [['KML', 'mrc.kml'], ['GeoJSON', 'mrc.geojson']] as const) {
      const bytes = await convertWithGdal(file, driver, name);
      const { features, notes } = await read(name, bytes);
      expect(features, `${driver}: ${JSON.stringify(notes)}`).toHaveLength(6);
      expect(new Set(features.map((f) => f.properties.name)).size).toBe(6);
      features.forEach((feature) => {
        const [lon, lat] = centroid(feature).geometry.coordinates as [number, number];
        expect(lon).toBeGreaterThan(-73);
        expect(lon).toBeLessThan(-70.5);
        expect(lat).toBeGreaterThan(46);
        expect(lat).toBeLessThan(49.1);
      });
    }
  }, 120_000);
});
