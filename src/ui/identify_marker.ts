// A ring drawn over the map at the queried point; one per map, shared by identify and the
// flood verdict so only the latest query is marked. Plain DOM over the map container
// (it follows the map on every move), so no maplibre-gl import is needed here.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { el } from './dom';

export interface PointMarker {
  show(lon: number, lat: number): void;
  hide(): void;
}

const markers = new WeakMap<MapLibreMap, PointMarker>();

const MARKER_STYLE = [
  'position:absolute', 'left:0', 'top:0', 'width:22px', 'height:22px', 'margin:-11px 0 0 -11px',
  'border:3px solid #d7301f', 'border-radius:50%', 'background:rgba(255,255,255,0.35)',
  'box-shadow:0 0 0 2px #fff', 'pointer-events:none', 'z-index:3',
].join(';');

export function pointMarker(map: MapLibreMap): PointMarker {
  const existing = markers.get(map);
  if (existing) return existing;
  const element = el('div', { class: 'point-marker', 'data-testid': 'point-marker', 'aria-hidden': 'true', style: MARKER_STYLE });
  element.hidden = true;
  map.getContainer().appendChild(element);
  let at: [number, number] | null = null;
  const place = () => {
    if (!at) return;
    const { x, y } = map.project(at);
    element.style.transform = `translate(${x}px, ${y}px)`;
  };
  map.on('move', place);
  map.on('resize', place);
  const marker: PointMarker = {
    show(lon, lat) {
      at = [lon, lat];
      element.hidden = false;
      place();
    },
    hide() {
      at = null;
      element.hidden = true;
    },
  };
  markers.set(map, marker);
  return marker;
}
