// Tells tests and outside checks that the catalogue is loaded and the first view is drawn.
import type { Map as MapLibreMap } from 'maplibre-gl';

/** A source that never answers must not keep the page "not ready" forever. */
const READY_DEADLINE_MS = 20000;

export function markReadyAfterFirstView(map: MapLibreMap): void {
  const ready = () => {
    document.documentElement.dataset.ready = 'true';
  };
  const deadline = setTimeout(ready, READY_DEADLINE_MS);
  map.once('load', () => {
    map.once('idle', () => {
      clearTimeout(deadline);
      ready();
    });
  });
}
