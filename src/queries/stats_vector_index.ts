// A static spatial index (flatbush) over a layer's features, built once per layer, so an AOI or a
// click only looks at the features whose bounding box it touches — 100,000 polygons stay fast.
import Flatbush from 'flatbush';
import { bbox as turfBbox } from '@turf/bbox';
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { BBox, Feature, Geometry } from 'geojson';

export class VectorIndex {
  readonly features: Feature[];
  /** features whose geometry could not be measured at all (null, empty, unparsable) */
  readonly unusable: number;
  private readonly index: Flatbush | null;
  private readonly indexed: Feature[];

  constructor(features: Feature[]) {
    this.features = features;
    const usable: Array<[Feature, BBox]> = [];
    for (const feature of features) {
      const box = safeBbox(feature.geometry);
      if (box) usable.push([feature, box]);
    }
    this.unusable = features.length - usable.length;
    this.indexed = usable.map(([f]) => f);
    this.index = usable.length ? new Flatbush(usable.length) : null;
    if (!this.index) return;
    for (const [, [w, s, e, n]] of usable) this.index.add(w, s, e, n);
    this.index.finish();
  }

  /** Features whose bounding box intersects [west, south, east, north]. */
  search(box: BBox): Feature[] {
    if (!this.index) return [];
    const [w, s, e, n] = box.length === 6 ? [box[0], box[1], box[3], box[4]] : box;
    return this.index.search(w, s, e, n).map((i) => this.indexed[i] as Feature);
  }

  /** Features under a lon/lat point: polygons containing it (points and lines are ignored). */
  featuresAt(lon: number, lat: number): Feature[] {
    return this.search([lon, lat, lon, lat]).filter((f) => {
      const type = f.geometry?.type;
      if (type !== 'Polygon' && type !== 'MultiPolygon') return false;
      try {
        return booleanPointInPolygon([lon, lat], f as Feature<typeof f.geometry & { type: 'Polygon' }>);
      } catch {
        return false;
      }
    });
  }
}

function safeBbox(geometry: Geometry | null): BBox | null {
  if (!geometry) return null;
  try {
    const box = turfBbox(geometry);
    return box.every(Number.isFinite) ? box : null;
  } catch {
    return null;
  }
}
