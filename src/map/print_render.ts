// Renders the map at print resolution off-screen: a hidden MapLibre map with the page map's
// own style (same sources: pmtiles://, cog://, GeoJSON; same filters and paint), sized to one
// tile of at most MAX_TILE device pixels, moved tile by tile over the frame. Each row of tiles
// goes to the caller in strips of BAND_ROWS rows, so an A0 at 300 dpi (≈ 9,900 × 14,000 px, beyond
// WebGL's limits) never exists whole in memory. A tile is copied once the map is 'idle' with
// every source loaded, COG tiles included.
import { Map as MapLibreMap } from 'maplibre-gl';
import { mercatorToLonLat, zoomForResolution } from '../queries/print_geo';
import type { Strip } from '../queries/print_raster';

/** Device pixels per side of one rendered tile (well under every WebGL's max viewport). */
const MAX_TILE = 2048;
/** Rows per strip handed to the file writers. */
const BAND_ROWS = 256;

export interface PrintView {
  /** upper-left corner of the frame in EPSG:3857 metres */
  left: number;
  top: number;
  /** EPSG:3857 metres per printed pixel */
  resolution: number;
  /** the frame in printed pixels */
  width: number;
  height: number;
  dpi: number;
}

export interface RenderOptions {
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

/** Yields the frame as strips, top to bottom; throws an AbortError when the signal aborts. */
export async function* renderStrips(source: MapLibreMap, view: PrintView, options: RenderOptions = {}): AsyncGenerator<Strip> {
  const pixelRatio = view.dpi / 96;
  // CSS size a multiple of 16, so that CSS × (dpi / 96) is a whole number of device pixels at 150 and 300 dpi
  const tileCss = Math.max(16, Math.floor(MAX_TILE / pixelRatio / 16) * 16);
  const tile = Math.floor(tileCss * pixelRatio);
  const columns = Math.ceil(view.width / tile);
  const rows = Math.ceil(view.height / tile);
  const { map, container } = hiddenMap(source, view, tileCss, pixelRatio);
  try {
    await whenDrawn(map, options.signal);
    for (let row = 0; row < rows; row += 1) {
      const y = row * tile;
      const height = Math.min(tile, view.height - y);
      const strip = stripCanvas(view.width, height);
      for (let column = 0; column < columns; column += 1) {
        const centre = [column * tile + tile / 2, y + tile / 2] as const;
        const [lon, lat] = mercatorToLonLat(view.left + centre[0] * view.resolution, view.top - centre[1] * view.resolution);
        map.jumpTo({ center: [lon, lat] });
        await whenDrawn(map, options.signal);
        strip.drawImage(map.getCanvas(), column * tile, 0);
        options.onProgress?.(row * columns + column + 1, rows * columns);
      }
      // handed over in bands, so only one band's copy of the pixels exists beside the strip
      for (let band = 0; band < height; band += BAND_ROWS) {
        const rows = Math.min(BAND_ROWS, height - band);
        yield { y: y + band, width: view.width, height: rows, rgba: strip.getImageData(0, band, view.width, rows).data };
      }
      strip.canvas.width = 0; // frees the strip's pixels before the next one is drawn
    }
  } finally {
    map.remove();
    container.remove();
  }
}

function hiddenMap(source: MapLibreMap, view: PrintView, tileCss: number, pixelRatio: number): { map: MapLibreMap; container: HTMLElement } {
  const container = document.createElement('div');
  container.setAttribute('aria-hidden', 'true');
  container.className = 'print-render-map';
  container.style.cssText = `position:fixed;left:0;top:0;width:${tileCss}px;height:${tileCss}px;visibility:hidden;pointer-events:none;z-index:-1`;
  document.body.appendChild(container);
  const zoom = zoomForResolution(view.resolution, pixelRatio);
  const [lon, lat] = mercatorToLonLat(view.left, view.top);
  const map = new MapLibreMap({
    container,
    style: source.getStyle(),
    center: [lon, lat],
    zoom,
    minZoom: 0,
    maxZoom: 24,
    pixelRatio,
    interactive: false,
    attributionControl: false,
    fadeDuration: 0,
    maxCanvasSize: [MAX_TILE + 64, MAX_TILE + 64],
    canvasContextAttributes: { preserveDrawingBuffer: true },
  });
  return { map, container };
}

function stripCanvas(width: number, height: number): CanvasRenderingContext2D {
  const canvas = document.createElement('canvas');
  canvas.width = width;
  canvas.height = height;
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('no 2D canvas');
  context.fillStyle = '#ffffff';
  context.fillRect(0, 0, width, height);
  return context;
}

/** Resolves on an 'idle' frame where the style and every source's tiles are loaded. */
function whenDrawn(map: MapLibreMap, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const onAbort = () => {
      map.off('idle', onIdle);
      reject(abortError());
    };
    const onIdle = () => {
      if (!map.loaded() || !map.areTilesLoaded()) {
        map.once('idle', onIdle);
        map.triggerRepaint();
        return;
      }
      signal?.removeEventListener('abort', onAbort);
      resolve();
    };
    signal?.addEventListener('abort', onAbort, { once: true });
    map.once('idle', onIdle);
    map.triggerRepaint();
  });
}

function abortError(): Error {
  return new DOMException('print cancelled', 'AbortError');
}
