// Shows the saved AOIs on the map as outlines with their names, above the data layers and
// clearly not one of them (dashed magenta over a white casing, no fill). A huge uploaded area is
// drawn from its simplified `display` outline: MapLibre's setData clones the GeoJSON to its worker
// on the main thread, which for 250 000 vertices froze the page.
import type { ExpressionSpecification, GeoJSONSource, Map as MapLibreMap, LngLatBoundsLike } from 'maplibre-gl';
import type { Feature, FeatureCollection } from 'geojson';
import { bbox } from '@turf/bbox';
import { pointOnFeature } from '@turf/point-on-feature';
import type { AoiGeometry } from '../queries/aoi_geometry_types';

export interface ShownAoi {
  id: string;
  name: string;
  geometry: AoiGeometry;
  /** A lighter outline for drawing only (see aoi_codec_prepare.ts). */
  display?: AoiGeometry;
}

const SOURCE = 'geoveille-aoi';
const LABELS = 'geoveille-aoi-labels';
const COLOUR = '#c2185b';

export class AoiOutlines {
  private ready = false;
  private warmed = false;
  private pending: ShownAoi[] = [];

  constructor(private readonly map: MapLibreMap) {
    // the map may have loaded before the catalogue (boot order): 'load' is then past
    if (map.loaded() || map.isStyleLoaded()) this.install();
    else map.once('load', () => this.install());
  }

  show(aois: ShownAoi[]): void {
    this.pending = aois;
    if (!this.ready) return;
    (this.map.getSource(SOURCE) as GeoJSONSource | undefined)?.setData(outlines(aois));
    (this.map.getSource(LABELS) as GeoJSONSource | undefined)?.setData(labels(aois));
  }

  /**
   * Draws an invisible outline once, while a file is being read: a layer's shaders are compiled on
   * its first draw, which with software WebGL (SwiftShader) held the main thread ~0.5 s just when
   * the uploaded area appeared. Called at upload start, the cost lands while the page only waits.
   */
  warmUp(): void {
    if (this.warmed || !this.ready) return;
    this.warmed = true;
    const { lng, lat } = this.map.getCenter();
    const d = 0.001;
    const ring = [[lng - d, lat - d], [lng + d, lat - d], [lng + d, lat + d], [lng - d, lat + d], [lng - d, lat - d]];
    const warm: Feature = { type: 'Feature', geometry: { type: 'Polygon', coordinates: [ring] }, properties: { warm: true, name: '·' } };
    const withWarm = (collection: FeatureCollection, feature: Feature): FeatureCollection => ({ ...collection, features: [...collection.features, feature] });
    (this.map.getSource(SOURCE) as GeoJSONSource | undefined)?.setData(withWarm(outlines(this.pending), warm));
    const warmLabel: Feature = { ...warm, geometry: { type: 'Point', coordinates: [lng, lat] } };
    (this.map.getSource(LABELS) as GeoJSONSource | undefined)?.setData(withWarm(labels(this.pending), warmLabel));
    this.map.once('idle', () => this.show(this.pending));
  }

  /** `rightCover`: pixels hidden on the right (the side sheet), so the areas stay in sight. */
  fitTo(aois: ShownAoi[], rightCover = 0): void {
    if (aois.length === 0) return;
    const [west, south, east, north] = bbox(outlines(aois));
    const width = this.map.getContainer().clientWidth;
    const right = rightCover > 0 && width - rightCover > 200 ? rightCover + 40 : 60;
    const padding = { top: 60, bottom: 60, left: 60, right };
    this.map.fitBounds([[west, south], [east, north]] as LngLatBoundsLike, { padding, maxZoom: 14, duration: 0 });
  }

  private install(): void {
    const map = this.map;
    map.addSource(SOURCE, { type: 'geojson', data: outlines(this.pending) });
    map.addSource(LABELS, { type: 'geojson', data: labels(this.pending) });
    map.addLayer({ id: 'geoveille-aoi-casing', type: 'line', source: SOURCE, paint: { 'line-color': '#ffffff', 'line-width': 5, 'line-opacity': unlessWarm(0.9) } });
    map.addLayer({ id: 'geoveille-aoi-line', type: 'line', source: SOURCE, paint: { 'line-color': COLOUR, 'line-width': 2.5, 'line-dasharray': [3, 1.5], 'line-opacity': unlessWarm(1) } });
    map.addLayer({
      id: 'geoveille-aoi-label', type: 'symbol', source: LABELS,
      layout: { 'text-field': ['get', 'name'], 'text-font': ['sans-serif'], 'text-size': 13, 'text-max-width': 12 },
      paint: { 'text-color': COLOUR, 'text-halo-color': '#ffffff', 'text-halo-width': 2, 'text-opacity': unlessWarm(1) },
    });
    this.ready = true;
  }
}

/** Opacity 0 for the warm-up feature (data-driven, so it compiles the very program real areas use). */
function unlessWarm(opacity: number): ExpressionSpecification {
  return ['case', ['has', 'warm'], 0, opacity];
}

function outlines(aois: ShownAoi[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: aois.map((aoi): Feature => ({ type: 'Feature', geometry: aoi.display ?? aoi.geometry, properties: { id: aoi.id, name: aoi.name } })),
  };
}

function labels(aois: ShownAoi[]): FeatureCollection {
  return {
    type: 'FeatureCollection',
    features: aois.map((aoi): Feature => ({
      type: 'Feature', geometry: pointOnFeature(aoi.display ?? aoi.geometry).geometry, properties: { id: aoi.id, name: aoi.name },
    })),
  };
}
