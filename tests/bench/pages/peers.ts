// The peers' side: @geomatico/maplibre-cog-protocol's locationValues, and OpenLayers' GeoTIFF
// source in a WebGL tile layer (EPSG:3857 view fit to the file, like ours).
import { locationValues } from '@geomatico/maplibre-cog-protocol';
import OlMap from 'ol/Map';
import View from 'ol/View';
import WebGLTileLayer from 'ol/layer/WebGLTile';
import GeoTIFF from 'ol/source/GeoTIFF';
import { register } from 'ol/proj/proj4';
import { transformExtent } from 'ol/proj';
import proj4 from 'proj4';
import { COMMON_EPSG } from '../../../src/sources/cog/crs_common';

export async function mcpPoint(url: string, lon: number, lat: number) {
  const start = performance.now();
  const values = await locationValues(url, { latitude: lat, longitude: lon });
  return { ms: performance.now() - start, values: Array.from(values) };
}

export async function olFirstView(url: string) {
  const start = performance.now();
  for (const [code, [, definition]] of COMMON_EPSG) proj4.defs(`EPSG:${code}`, definition); // for OpenLayers
  register(proj4);
  const source = new GeoTIFF({ sources: [{ url }] });
  const sourceView = await source.getView();
  const projection = sourceView.projection;
  const extent = transformExtent(sourceView.extent!, projection!, 'EPSG:3857');
  const view = new View({ projection: 'EPSG:3857' });
  const map = new OlMap({ target: 'map', layers: [new WebGLTileLayer({ source })], view });
  view.fit(extent, { size: map.getSize() });
  await new Promise<void>((resolve) => map.once('rendercomplete', () => resolve()));
  return { ms: performance.now() - start, zoom: view.getZoom() };
}
