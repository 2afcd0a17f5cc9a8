// Tells tests and outside checks that the catalogue is loaded and the first view is drawn
// (`data-ready`), then that every deferred feature is mounted (`data-features="mounted"`).
import type { Map as MapLibreMap } from 'maplibre-gl';

/** A source that never answers must not keep the page "not ready" forever. */
const READY_DEADLINE_MS = 20000;

/**
 * `loaded`: the map's 'load', awaited from before the catalogue arrived (the map starts first,
 * so 'load' may be past). Called once the catalogue's layers are applied: the next frame drawn
 * with nothing left to load is the first view. `tools`: the features the link asks for at start
 * (e.g. `print=1`, `time=`), loaded on their own. Resolves when `data-ready` is set.
 */
export function markReadyAfterFirstView(map: MapLibreMap, loaded: Promise<void>, tools: Promise<unknown> = Promise.resolve()): Promise<void> {
  return new Promise((resolve) => {
    const ready = () => {
      document.documentElement.dataset.ready = 'true';
      resolve();
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
  });
}

/** The deferred features are mounted (or have said they could not load): tests of them wait on it. */
export function markFeaturesMounted(): void {
  document.documentElement.dataset.features = 'mounted';
}
