// What the measure tool draws: the clicked points, the line or polygon (with the cursor as the
// next point while drawing), and a label with the live value beside the last point.
import { Marker, type GeoJSONSource, type Map as MapLibreMap } from 'maplibre-gl';
import type { Feature, Position } from 'geojson';

const SOURCE = 'measure';
const COLOUR = '#d7301f';

export class MeasureLayer {
  private readonly label: Marker;
  private readonly labelElement: HTMLElement;

  constructor(private readonly map: MapLibreMap) {
    this.labelElement = document.createElement('div');
    this.labelElement.className = 'measure-label';
    this.labelElement.setAttribute('aria-hidden', 'true'); // the side sheet has the same text, announced
    this.labelElement.style.cssText = 'background:#fff;border:1px solid #d7301f;border-radius:4px;padding:2px 6px;font:600 12px system-ui,sans-serif;color:#222;white-space:nowrap;transform:translate(12px,-50%)';
    this.label = new Marker({ element: this.labelElement, anchor: 'left' });
  }

  /** `closed`: draw a polygon; `cursor`: the moving next point, drawn dashed. */
  draw(points: Position[], closed: boolean, cursor: Position | null, text: string): void {
    const line = cursor ? [...points, cursor] : points;
    const features: Feature[] = points.map((coordinates) => ({ type: 'Feature', properties: {}, geometry: { type: 'Point', coordinates } }));
    if (closed && line.length >= 3) {
      features.push({ type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [[...line, line[0]!]] } });
    } else if (line.length >= 2) {
      features.push({ type: 'Feature', properties: {}, geometry: { type: 'LineString', coordinates: line } });
    }
    if (this.ensureLayers()) (this.map.getSource(SOURCE) as GeoJSONSource).setData({ type: 'FeatureCollection', features });
    const at = line.at(-1);
    if (at && text) {
      this.labelElement.textContent = text;
      this.label.setLngLat(at as [number, number]).addTo(this.map);
    } else this.label.remove();
  }

  clear(): void {
    this.draw([], false, null, '');
  }

  private ensureLayers(): boolean {
    if (this.map.getSource(SOURCE)) {
      for (const id of ['measure-fill', 'measure-line', 'measure-points']) this.map.moveLayer(id);
      return true;
    }
    try {
      this.map.addSource(SOURCE, { type: 'geojson', data: { type: 'FeatureCollection', features: [] } });
    } catch {
      return false; // the style itself is not loaded yet: the next draw adds the layers
    }
    this.map.addLayer({ id: 'measure-fill', type: 'fill', source: SOURCE, filter: ['==', '$type', 'Polygon'], paint: { 'fill-color': COLOUR, 'fill-opacity': 0.15 } });
    this.map.addLayer({ id: 'measure-line', type: 'line', source: SOURCE, filter: ['!=', '$type', 'Point'], paint: { 'line-color': COLOUR, 'line-width': 2.5 } });
    this.map.addLayer({ id: 'measure-points', type: 'circle', source: SOURCE, filter: ['==', '$type', 'Point'], paint: { 'circle-radius': 4, 'circle-color': '#fff', 'circle-stroke-color': COLOUR, 'circle-stroke-width': 2 } });
    return true;
  }
}
