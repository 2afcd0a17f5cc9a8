// Tells tests and outside checks that the catalogue is loaded and the first view is drawn.
import type { Map as MapLibreMap } from 'maplibre-gl';

/** A source that never answers must not keep the page "not ready" forever. */
const READY_DEADLINE_MS = 20000;

/** `tools`: the tools the link opens at start (e.g. `print=1`), loaded on their own. */
export function markReadyAfterFirstView(map: MapLibreMap, tools: Promise<unknown> = Promise.resolve()): void {
  const ready = () => {
    document.documentElement.dataset.ready = 'true';
  };
  const deadline = setTimeout(ready, READY_DEADLINE_MS);
  map.once('load', () => {
    map.once('idle', () => {
      void tools.then(() => {
        clearTimeout(deadline);
        ready();
      });
    });
  });
}
