// Tells tests and outside checks that the catalogue is loaded and the first view is drawn.
import type { Map as MapLibreMap } from 'maplibre-gl';

/** A source that never answers must not keep the page "not ready" forever. */
const READY_DEADLINE_MS = 20000;

/**
 * `loaded`: the map's 'load', awaited from before the catalogue arrived (the map starts first,
 * so 'load' may be past). Called once the catalogue's layers are applied: the next frame drawn
 * with nothing left to load is the first view. `tools`: the tools the link opens at start
 * (e.g. `print=1`), loaded on their own.
 */
export function markReadyAfterFirstView(map: MapLibreMap, loaded: Promise<void>, tools: Promise<unknown> = Promise.resolve()): void {
  const ready = () => {
    document.documentElement.dataset.ready = 'true';
  };
  const deadline = setTimeout(ready, READY_DEADLINE_MS);
  void loaded.then(() => {
    map.once('idle', () => {
      void tools.then(() => {
        clearTimeout(deadline);
        ready();
      });
    });
    // a map already idle draws no frame by itself: ask for one so 'idle' comes
    map.triggerRepaint();
  });
}
