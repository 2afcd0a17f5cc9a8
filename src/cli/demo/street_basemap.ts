// The demo street basemap: a Protomaps-schema vector PMTiles (earth, water, landuse, roads,
// buildings, places) drawn by the app with @protomaps/basemaps. Around the demo valley it goes to
// street zoom; around it, Natural Earth land and GeoNames places give context at low zoom. Its
// land is the embedded basemap's own (Natural Earth), so no street, house or town of the demo
// lies in water that the embedded basemap draws.
import type { Feature, FeatureCollection, MultiPolygon } from 'geojson';
import { bboxPolygon, difference, featureCollection, polygon } from '@turf/turf';
import { BASEMAP_BBOX, landPolygons } from './basemap';
import { basemapPlaces } from './places';
import { hydrography } from './hydrography';
import { makeValley, type Valley } from './river';
import { bboxOfPositions, type BBox } from './geo';
import { coordinatesOf } from './features';
import { buildVectorArchive } from './vector_tiles';
import { demoBuildings, demoParks, demoRiver, demoRoads, demoTowns } from './street_features';

export const STREET_BASEMAP_FILE = 'demo_streets.pmtiles';
export const STREET_BASEMAP_ATTRIBUTION =
  'Fond de rues de démonstration (synthétique) · Natural Earth (domaine public) · GeoNames (CC-BY 4.0)';
/** The embedded basemap's box: the context drawn at low zoom, so a small-scale view is not a small box. */
const REGION_BBOX: BBox = BASEMAP_BBOX;
/** Tiles past this zoom cover only the demo valley. */
const REGION_MAX_ZOOM = 8;
const MAX_ZOOM = 15;
/** GeoNames also lists census tracts ("Ct 0022") and similar codes: not place names. */
const JUNK_NAME = /^ct\s*\d+$/i;

type Fc = FeatureCollection;
const fc = (features: Feature[]): Fc => ({ type: 'FeatureCollection', features });

function earthAndSea(): { earth: Fc; sea: Fc } {
  // bboxClip leaves degenerate rings (< 4 positions) on the box edge; the polygon clipper rejects them
  const land = landPolygons(REGION_BBOX).features.flatMap((f) => {
    const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : (f.geometry as MultiPolygon).coordinates;
    return polygons.map((rings) => rings.filter((r) => r.length >= 4)).filter((rings) => rings.length > 0).map((rings) => polygon(rings));
  });
  const earth = fc(land.map((f) => ({ ...f, properties: { kind: 'earth' } })));
  const sea = difference(featureCollection([bboxPolygon(REGION_BBOX), ...land]));
  return { earth, sea: fc(sea ? [{ ...sea, properties: { kind: 'water' } }] : []) };
}

function regionPlaces(): Fc {
  const places = basemapPlaces(REGION_BBOX).features.filter((f) => !JUNK_NAME.test(f.properties.name));
  return fc(places.map((f) => ({
    ...f,
    properties: { kind: 'locality', name: f.properties.name, min_zoom: f.properties.rank * 2 + 1, population_rank: 14 - 2 * f.properties.rank },
  })));
}

/** Lakes, creeks and the demo river, as Protomaps `water` features. */
function valleyWater(seed: number, valley: Valley): Fc {
  const lakesAndCreeks = hydrography(seed, valley).features.map((f) => ({
    ...f,
    properties: { kind: f.properties.type === 'lac' ? 'lake' : f.properties.type === 'ruisseau' ? 'stream' : 'river', name: f.properties.nom },
  }));
  // the river itself comes from demoRiver (a channel polygon and its centreline)
  return fc([...lakesAndCreeks.filter((f) => f.properties.kind !== 'river'), ...demoRiver(valley)] as Feature[]);
}

export function buildStreetBasemap(seed: number): Buffer {
  const valley = makeValley(seed);
  const { earth, sea } = earthAndSea();
  const inland = valleyWater(seed, valley);
  const water = fc([...sea.features, ...inland.features]);
  const roads = fc(demoRoads(valley));
  const valleyBox = bboxOfPositions([...coordinatesOf(inland), ...coordinatesOf(roads)]);
  const detail: BBox = [valleyBox[0] - 0.02, valleyBox[1] - 0.02, valleyBox[2] + 0.02, valleyBox[3] + 0.02];
  return buildVectorArchive(
    [
      { name: 'earth', features: earth, description: 'Land (Natural Earth 1:50m)' },
      { name: 'water', features: water, description: 'St. Lawrence, lakes, creeks and the demo river (synthetic)' },
      { name: 'landuse', features: fc(demoParks(valley)), description: 'Parks (synthetic)' },
      { name: 'roads', features: roads, description: 'Streets of the demo address index (synthetic)' },
      { name: 'buildings', features: fc(demoBuildings(valley, seed)), description: 'One building per demo address (synthetic)' },
      { name: 'places', features: fc([...regionPlaces().features, ...demoTowns(valley)]), description: 'GeoNames places and the demo towns' },
    ],
    {
      name: 'Géoveille demo streets',
      description: 'Demo street basemap in the Protomaps schema — données de démonstration (synthétiques)',
      attribution: STREET_BASEMAP_ATTRIBUTION,
      minZoom: 0,
      maxZoom: MAX_ZOOM,
      coverage: (z) => (z <= REGION_MAX_ZOOM ? REGION_BBOX : detail),
    },
  );
}
