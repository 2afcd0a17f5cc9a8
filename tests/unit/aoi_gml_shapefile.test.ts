// Uploaded AOIs in the formats people have: a Latin-1 Shapefile without .cpg (built here) reads
// "Rivière aux Rats", not "Rivi�re aux Rats"; GML (OGR's GML 2, and GML 3 with lat/lon axis
// order) is read directly, each area named from a name-like field.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { area, centroid } from '@turf/turf';
import { DOMParser } from '@xmldom/xmldom';
import { describe, expect, it } from 'vitest';
import { readAoiFile } from '../../src/queries/aoi_geometry_read';
import type { AoiReadError } from '../../src/queries/aoi_geometry_types';
import type { XmlParserClass } from '../../src/queries/aoi_geometry_formats';
import { isUtf8 } from '../../src/queries/aoi_shapefile_encoding';
import { repoRoot } from './cog_helpers';
import { latin1, shapefileZip } from './shapefile_fixture';
import { sharedPath } from '../support/shared_data';

const xmlParser = DOMParser as unknown as XmlParserClass;
const read = (name: string, bytes: Uint8Array) => readAoiFile(name, bytes, { xmlParser });
const MRC_GML = sharedPath('quebec/boundaries/mrc_subset_simplified.gml');
const hasShared = existsSync(MRC_GML);
const NAMES = ['Rivière aux Rats', 'Lac-à-la-Tortue'];
const records = NAMES.map((nom, i) => ({ nom, square: [-72.6 + i * 0.1, 46.5, 0.05] as [number, number, number] }));

describe('Shapefile text encoding', () => {
  it('should read a Latin-1 attribute table without .cpg as windows-1252', async () => {
    const zip = shapefileZip({ records, encode: latin1 });
    const { features } = await read('zones.zip', zip);
    expect(features.map((feature) => feature.properties.name)).toEqual(NAMES);
    expect(features.every((feature) => !feature.properties.name?.includes('\uFFFD'))).toBe(true);
    expect(Math.round(centroid(features[0]!).geometry.coordinates[0]! * 1000) / 1000).toBe(-72.575);
  });

  it('should keep UTF-8 tables, and obey a .cpg when there is one', async () => {
    const utf8 = await read('utf8.zip', shapefileZip({ records, encode: (text) => new TextEncoder().encode(text) }));
    expect(utf8.features.map((feature) => feature.properties.name)).toEqual(NAMES);
    const declared = await read('cpg.zip', shapefileZip({ records, encode: latin1, cpg: 'ISO-8859-1' }));
    expect(declared.features.map((feature) => feature.properties.name)).toEqual(NAMES);
    expect(isUtf8(latin1('Rivière'))).toBe(false);
    expect(isUtf8(new TextEncoder().encode('Rivière'))).toBe(true);
  });
});

describe('GML areas of interest', () => {
  it.skipIf(!hasShared)('should read the 6 MRC polygons of the GML directly, named from MRS_NM_MRC (needs ../shared/data)', async () => {
    const bytes = new Uint8Array(readFileSync(MRC_GML));
    const { features } = await read('mrc_subset_simplified.gml', bytes);
    expect(features).toHaveLength(6);
    const text = new TextDecoder().decode(bytes);
    const names = [...text.matchAll(/<ogr:MRS_NM_MRC>([^<]*)<\/ogr:MRS_NM_MRC>/g)].map((match) => match[1]!.trim());
    expect(features.map((feature) => feature.properties.name)).toEqual(names);
    for (const feature of features) {
      const [lon, lat] = centroid(feature).geometry.coordinates as [number, number];
      expect(lon).toBeGreaterThan(-73);
      expect(lon).toBeLessThan(-70.5);
      expect(lat).toBeGreaterThan(46);
      expect(lat).toBeLessThan(49.1);
      expect(area(feature)).toBeGreaterThan(1e8);
    }
  });

  it('should read GML 3 posList with the OGC URN (latitude first) and refuse projected coordinates', async () => {
    const gml3 = (srs: string, posList: string) => new TextEncoder().encode(`<?xml version="1.0" encoding="UTF-8"?>
<wfs:FeatureCollection xmlns:wfs="http://www.opengis.net/wfs/2.0" xmlns:gml="http://www.opengis.net/gml/3.2" xmlns:app="urn:app">
  <wfs:member><app:zone gml:id="z1"><app:toponyme>Pointe-du-Lac</app:toponyme><app:geom>
    <gml:Polygon srsName="${srs}"><gml:exterior><gml:LinearRing><gml:posList>${posList}</gml:posList></gml:LinearRing></gml:exterior></gml:Polygon>
  </app:geom></app:zone></wfs:member>
</wfs:FeatureCollection>`);
    const latLon = '46.30 -72.70 46.30 -72.60 46.35 -72.60 46.35 -72.70 46.30 -72.70';
    const { features } = await read('zone.gml', gml3('urn:ogc:def:crs:EPSG::4326', latLon));
    expect(features.map((feature) => feature.properties.name)).toEqual(['Pointe-du-Lac']);
    const [lon, lat] = centroid(features[0]!).geometry.coordinates as [number, number];
    expect([Math.round(lon * 100) / 100, Math.round(lat * 1000) / 1000]).toEqual([-72.65, 46.325]);
    const projected = await read('mtm.gml', gml3('EPSG:32198', '0 0 0 1000 1000 1000 0 0')).then(() => null, (e: unknown) => e as AoiReadError);
    expect(projected?.code).toBe('projected_crs');
  });
});
