// MapLibre set-up: worker URL, the pmtiles:// protocol, the offline basemap.
import { Map as MapLibreMap, addProtocol, setWorkerUrl, NavigationControl, ScaleControl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { PMTiles, Protocol } from 'pmtiles';
import { HttpPmtilesSource } from '../sources/pmtiles_http';
import type { MapView } from '../state/app_state';
import { basemapStyle, worldBasemapUrl } from './basemap_style';
import { registerCogProtocol } from './cog_protocol';

export interface MapHandle {
  map: MapLibreMap;
  protocol: Protocol;
}

let protocol: Protocol | undefined;

/** One pmtiles:// protocol for the page (it shares archives and headers by URL), and cog://. */
function pmtilesProtocol(): Protocol {
  if (!protocol) {
    // maplibre-gl v6 ships its worker separately; Vite must hand MapLibre the worker's URL.
    setWorkerUrl(workerUrl);
    protocol = new Protocol();
    addProtocol('pmtiles', protocol.tile);
    registerCogProtocol({ addProtocol });
  }
  return protocol;
}

export function createMap(container: HTMLElement, view: MapView, basemapUrl: string): MapHandle {
  const shared = pmtilesProtocol();
  // through the app's byte path (deadline, retries, offline copies) rather than the library's fetch
  for (const url of [basemapUrl, worldBasemapUrl(basemapUrl)]) shared.add(new PMTiles(new HttpPmtilesSource(url)));
  const map = new MapLibreMap({
    container,
    style: basemapStyle(basemapUrl),
    center: [view.lon, view.lat],
    zoom: view.zoom,
    attributionControl: false,
    maxPitch: 60,
    // Keeps the drawn frame readable for snapshots and exports.
    canvasContextAttributes: { preserveDrawingBuffer: true },
  });
  map.addControl(new NavigationControl({ visualizePitch: true }), 'top-right');
  map.addControl(new ScaleControl({ unit: 'metric' }), 'bottom-right');
  return { map, protocol: shared };
}

export function viewOf(map: MapLibreMap): MapView {
  const center = map.getCenter();
  return { zoom: map.getZoom(), lat: center.lat, lon: center.lng };
}
