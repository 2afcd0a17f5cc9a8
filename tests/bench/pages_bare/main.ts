// The first-load baseline (tests/bench/first_load.ts): MapLibre alone, with the pmtiles protocol
// and the app's offline basemap files at the app's default view: by default a plain style (land,
// boundaries); with `?style=app` the app's own basemap style (dashed borders, place labels drawn
// with the browser's fonts), i.e. the same basemap the app shows. Ready = the first idle frame
// after 'load', marked the way the app marks it (<html data-ready>).
import { Map as MapLibreMap, addProtocol, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import { Protocol } from 'pmtiles';
import { basemapStyle } from '../../../src/map/basemap_style';

setWorkerUrl(workerUrl);
addProtocol('pmtiles', new Protocol().tile);
const data = (file: string) => `pmtiles://${new URL(`data/${file}`, location.href).href}`;
const map = new MapLibreMap({
  container: 'map',
  center: [-71.8, 46.9],
  zoom: 5.6,
  style: new URLSearchParams(location.search).get('style') === 'app' ? basemapStyle(new URL('data/basemap.pmtiles', location.href).href) : {
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
map.once('load', () => map.once('idle', () => { document.documentElement.dataset.ready = 'true'; }));
