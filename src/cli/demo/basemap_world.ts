// Low-resolution land of the whole world (Natural Earth 1:110m, world-atlas) outside the embedded
// basemap's box, for small scales: without it the offline basemap is a box of land with sea all
// around it. Inside the box the 1:50m land of basemap.pmtiles is drawn instead, so the two never
// disagree about where the water is.
import { createRequire } from 'node:module';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import { bboxPolygon, difference, featureCollection } from '@turf/turf';
import { BASEMAP_BBOX } from './basemap';
import { buildVectorArchive } from './vector_tiles';

const require = createRequire(import.meta.url);
export const WORLD_BASEMAP_FILE = 'basemap_world.pmtiles';

export function worldLandOutsideBox(): FeatureCollection {
  const topo = require('world-atlas/land-110m.json') as Topology;
  const land = feature(topo, topo.objects['land']!) as unknown as FeatureCollection<Polygon | MultiPolygon>;
  // a little inside the box, so the two lands overlap instead of leaving a hairline of sea at the seam
  const box = bboxPolygon([BASEMAP_BBOX[0] + 0.3, BASEMAP_BBOX[1] + 0.3, BASEMAP_BBOX[2] - 0.3, BASEMAP_BBOX[3] - 0.3]);
  const features = land.features.flatMap((f): Feature[] => {
    const outside = difference(featureCollection([f, box] as Array<Feature<Polygon | MultiPolygon>>));
    return outside ? [{ ...outside, properties: { kind: 'land' } }] : [];
  });
  return { type: 'FeatureCollection', features };
}

export function buildWorldBasemap(): Buffer {
  return buildVectorArchive(
    [{ name: 'land', features: worldLandOutsideBox(), description: 'Land outside the detailed box (Natural Earth 1:110m)' }],
    { name: 'Géoveille world land', description: 'World land at small scales', attribution: 'Natural Earth (domaine public)', minZoom: 0, maxZoom: 5 },
  );
}
