// Our side of the COG benchmarks: pixel value, first view in MapLibre, decode throughput.
import { Map as MapLibreMap, addProtocol, setWorkerUrl } from 'maplibre-gl';
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?url';
import 'maplibre-gl/dist/maplibre-gl.css';
import type { CogRendering } from '../../../src/catalogue/types';
import { registerCogLayer, registerCogProtocol, cogTileUrl } from '../../../src/map/cog_protocol';
import { openUrl } from '../../../src/ui/add_data_open';
import { openCog } from '../../../src/sources/cog/open';
import { identify } from '../../../src/sources/cog/identify';
import { cogInfo } from '../../../src/sources/cog/info';
import { renderTile } from '../../../src/sources/cog/render';
import { CogWorkerPool } from '../../../src/sources/cog/worker_pool';
import { FetchRangeSource } from '../../../src/sources/source';

export async function oursPoint(url: string, lon: number, lat: number) {
  const start = performance.now();
  const cog = await openCog(new FetchRangeSource(url));
  const values = await identify(cog, lon, lat);
  return { ms: performance.now() - start, values };
}

/** What the app does for added data: open + default style on the main thread, tiles in workers. */
export async function oursFirstView(url: string) {
  const start = performance.now();
  const data = await openUrl(url);
  const def = data.defs[0]!;
  const zoom = await showCog(def.id, url, def.source.cog!, data.bounds!);
  return { ms: performance.now() - start, zoom };
}

/**
 * A catalogue layer: its style is in layers/<id>.json (computed here beforehand on `styleFrom`,
 * the same file under another, uncounted URL), so the page only opens the file for its tiles.
 */
export async function oursFirstViewCatalogue(url: string, styleFrom: string) {
  const data = await openUrl(styleFrom);
  const def = data.defs[0]!;
  const start = performance.now();
  const zoom = await showCog(`${def.id}-catalogue`, url, def.source.cog!, data.bounds!);
  return { ms: performance.now() - start, zoom };
}

/** A 1280×800 map fit to the bounds with the COG layer; resolves at the first `idle`. */
async function showCog(id: string, url: string, rendering: CogRendering, bounds: [number, number, number, number]): Promise<number> {
  setWorkerUrl(workerUrl);
  registerCogProtocol({ addProtocol });
  registerCogLayer(id, url, rendering);
  const map = new MapLibreMap({ container: 'map', style: { version: 8, sources: {}, layers: [] }, bounds, attributionControl: false, fadeDuration: 0 });
  await new Promise<void>((resolve) => map.once('load', () => resolve()));
  map.addSource('cog', { type: 'raster', tiles: [cogTileUrl(id)], tileSize: 256, bounds });
  map.addLayer({ id: 'cog', type: 'raster', source: 'cog', paint: { 'raster-fade-duration': 0 } });
  await new Promise<void>((resolve) => map.once('idle', () => resolve()));
  return map.getZoom();
}

/** Map tiles around the file's centre at the zoom where its full resolution is used. */
function tilesFor(bounds: [number, number, number, number], width: number, count: number): Array<[number, number, number]> {
  const degPerPx = (bounds[2] - bounds[0]) / width;
  const z = Math.max(0, Math.min(18, Math.round(Math.log2(360 / (256 * degPerPx)))));
  const n = 2 ** z;
  const tx = (lon: number) => Math.floor(((lon + 180) / 360) * n);
  const ty = (lat: number) => Math.floor(((1 - Math.log(Math.tan((lat * Math.PI) / 180) + 1 / Math.cos((lat * Math.PI) / 180)) / Math.PI) / 2) * n);
  const cx = tx((bounds[0] + bounds[2]) / 2), cy = ty((bounds[1] + bounds[3]) / 2);
  const side = Math.ceil(Math.sqrt(count));
  const out: Array<[number, number, number]> = [];
  for (let dy = 0; dy < side; dy++) for (let dx = 0; dx < side; dx++) out.push([z, cx - (side >> 1) + dx, cy - (side >> 1) + dy]);
  return out.slice(0, count);
}

/** Tiles per second rendering the same tiles twice (the 2nd pass, bytes cached: decode + warp only). */
export async function decodeRun(url: string, pool: boolean) {
  const data = await openUrl(url);
  const rendering = data.defs[0]!.source.cog!;
  const cog = await openCog(new FetchRangeSource(url));
  const info = cogInfo(cog);
  const tiles = tilesFor(info.bounds4326, info.width, 36);
  const workers = pool ? new CogWorkerPool() : null;
  const renderAll = () => Promise.all(tiles.map(([z, x, y]) => (workers ? workers.render(url, rendering, z, x, y, 256) : renderTile(cog, rendering, z, x, y, 256))));
  await renderAll();
  const start = performance.now();
  await renderAll();
  const ms = performance.now() - start;
  workers?.terminate();
  return { ms, tiles: tiles.length, tilesPerSecond: (tiles.length * 1000) / ms };
}
