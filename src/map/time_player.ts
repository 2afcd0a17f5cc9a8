// Play/pause for the time control: one step, then wait both the step interval and the map's
// tiles for that step (so a slow network shows every date instead of skipping them).
import type { Map as MapLibreMap } from 'maplibre-gl';

/** Never wait longer than this for tiles before the next step. */
const MAX_TILE_WAIT_MS = 6000;

export interface TimePlayer {
  readonly playing: boolean;
  start(): void;
  stop(): void;
}

/** `step` moves one step forward and returns false at the end (playing then stops). */
export function createTimePlayer(map: MapLibreMap, stepsPerSecond: () => number, step: () => boolean, onChange: () => void): TimePlayer {
  let run = 0;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  const tilesDrawn = () => new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, MAX_TILE_WAIT_MS);
    map.once('idle', () => {
      clearTimeout(timer);
      resolve();
    });
  });
  const loop = async (id: number) => {
    while (id === run) {
      await sleep(1000 / Math.max(0.1, stepsPerSecond()));
      if (id !== run) return;
      if (!step()) {
        run++;
        onChange();
        return;
      }
      await tilesDrawn();
    }
  };
  return {
    get playing() {
      return run % 2 === 1;
    },
    start() {
      if (run % 2 === 1) return;
      run++;
      onChange();
      void loop(run);
    },
    stop() {
      if (run % 2 === 0) return;
      run++;
      onChange();
    },
  };
}
