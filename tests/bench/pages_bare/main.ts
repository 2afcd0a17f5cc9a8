// The first-load baseline (tests/bench/first_load.ts): MapLibre alone, with the pmtiles protocol
// and the app's offline basemap files at the app's default view: by default a plain style (land,
// boundaries); with `?style=app` the app's own basemap style (dashed borders, place labels drawn
// with the browser's fonts), i.e. the same basemap the app shows; with `?style=map` that basemap
// and the catalogue's layers shown at start, styled by the app's own translation (to_style.ts),
// added once the catalogue bundle is read as the app does: the same map, without the app. Ready =
// the first idle frame after 'load' (and after the layers were added), marked the way the app
// marks it (<html data-ready>).
import { Map as MapLibreMap, addProtocol, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { Protocol } from 'pmtiles';
import { basemapStyle } from '../../../src/map/basemap_style';
import { asBundle } from '../../../src/catalogue/bundle';
import { resolveDataUrl, toMapLayers } from '../../../src/catalogue/to_style';

setWorkerUrl(workerUrl);
addProtocol('pmtiles', new Protocol().tile);
const data = (file: string) => `pmtiles://${new URL(`data/${file}`, location.href).href}`;
const params = new URLSearchParams(location.search);
const styleParam = params.get('style');
// `size=WxH`: a map of that many CSS px (the app's map area), instead of the whole window
const [width, height] = (params.get('size') ?? '').split('x');
if (width && height) Object.assign(document.getElementById('map')!.style, { width: `${width}px`, height: `${height}px` });
// asked before the map exists, as the app's page preloads it
const bundle = styleParam === 'map' ? fetch('layers/catalogue.bundle.json').then((response) => response.json()) : null;
const map = new MapLibreMap({
  container: 'map',
  center: [-71.8, 46.9],
  zoom: 5.6,
  style: styleParam === 'app' || styleParam === 'map' ? basemapStyle(new URL('data/basemap.pmtiles', location.href).href) : {
    version: 8,
    sources: {
      basemap: { type: 'vector', url: data('basemap.pmtiles') },
      world: { type: 'vector', url: data('basemap_world.pmtiles') },
    },
    layers: [
      { id: 'water', type: 'background', paint: { 'background-color': '#cfe3ef' } },
      { id: 'world-land', type: 'fill', source: 'world', 'source-layer': 'land', maxzoom: 7, paint: { 'fill-color': '#f4f1ea' } },
      { id: 'land', type: 'fill', source: 'basemap', 'source-layer': 'land', paint: { 'fill-color': '#f4f1ea' } },
      { id: 'boundaries', type: 'line', source: 'basemap', 'source-layer': 'boundaries', paint: { 'line-color': '#8a8a8a' } },
    ],
  },
});

/** The catalogue's layers shown at start, top of the map first, below the basemap's labels. */
async function addStartLayers(): Promise<void> {
  const catalogue = asBundle(await bundle);
  if (!catalogue) throw new Error('no catalogue bundle');
  const labels = map.getStyle().layers.find((layer) => layer.type === 'symbol')?.id;
  for (const id of [...catalogue.catalogue.layers].reverse()) {
    const def = catalogue.layers[id];
    if (!def?.visible) continue;
    const parts = toMapLayers(def, resolveDataUrl(def.source.url, location.href));
    if (!map.getSource(parts.sourceId)) map.addSource(parts.sourceId, parts.source);
    for (const layer of parts.layers) map.addLayer(layer, labels);
  }
}

map.once('load', async () => {
  if (bundle) await addStartLayers();
  map.once('idle', () => { document.documentElement.dataset.ready = 'true'; });
});
