// Where the printed map lies on the live map: the page's map frame (in Web Mercator) centred on
// the view at the chosen scale (or fitting the view), and that frame in screen pixels.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { frameExtent, lonLatToMercator, mercatorToLonLat, resolutionForScale, resolutionToFit, scaleForResolution, type Extent3857 } from '../queries/print_geo';

export interface PrintGeometry {
  extent: Extent3857;
  /** Metres per pixel of the printed map. */
  resolution: number;
  pixels: { width: number; height: number };
}

/** The frame the page holds: `scale` null fits the view into the page's map frame. */
export function printGeometry(map: MapLibreMap, choice: { scale: number | null; dpi: number }, pixels: PrintGeometry['pixels']): PrintGeometry {
  const centre = map.getCenter();
  const bounds = map.getBounds();
  const [minX, minY] = lonLatToMercator(bounds.getWest(), bounds.getSouth());
  const [maxX, maxY] = lonLatToMercator(bounds.getEast(), bounds.getNorth());
  const resolution = choice.scale ? resolutionForScale(choice.scale, choice.dpi, centre.lat) : resolutionToFit([minX, minY, maxX, maxY], pixels);
  return { extent: frameExtent(lonLatToMercator(centre.lng, centre.lat), resolution, pixels.width, pixels.height), resolution, pixels };
}

/** The frame on screen, in map-container pixels. */
export function frameOnScreen(map: MapLibreMap, extent: Extent3857): { left: number; top: number; width: number; height: number } {
  const [west, north] = mercatorToLonLat(extent[0], extent[3]);
  const [east, south] = mercatorToLonLat(extent[2], extent[1]);
  const a = map.project([west, north]);
  const b = map.project([east, south]);
  return { left: a.x, top: a.y, width: b.x - a.x, height: b.y - a.y };
}

/** The scale denominator of the printed map at the view's centre (e.g. 25000 for 1:25 000). */
export function printScale(map: MapLibreMap, resolution: number, dpi: number): number {
  return Math.round(scaleForResolution(resolution, dpi, map.getCenter().lat));
}
