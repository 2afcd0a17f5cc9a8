// The map side of the map-input arbiter (app/map_input.ts): MapLibre clicks, Enter on the
// focused map canvas, the centre and the cursor.
import type { Map as MapLibreMap, MapMouseEvent } from 'maplibre-gl';

export interface LngLatLike {
  lng: number;
  lat: number;
}

/** What the arbiter needs from the map (a fake in unit tests). */
export interface MapInputSource {
  /** Calls `handler` on each map click; returns the undo. */
  onClick(handler: (at: LngLatLike) => void): () => void;
  /** Calls `handler` on Enter while the map has keyboard focus; returns the undo. */
  onEnter(handler: () => void): () => void;
  /** Calls `handler` on Escape on the page (not in a text field); returns the undo. */
  onEscape(handler: () => void): () => void;
  centre(): LngLatLike;
  setCursor(cursor: string): void;
}

export function mapInputSource(map: MapLibreMap): MapInputSource {
  return {
    onClick(handler) {
      const listener = (event: MapMouseEvent) => handler(event.lngLat);
      map.on('click', listener);
      return () => map.off('click', listener);
    },
    onEnter(handler) {
      const canvas = map.getCanvas();
      const listener = (event: KeyboardEvent) => {
        if (event.key !== 'Enter') return;
        event.preventDefault();
        handler();
      };
      canvas.addEventListener('keydown', listener);
      return () => canvas.removeEventListener('keydown', listener);
    },
    onEscape(handler) {
      const listener = (event: KeyboardEvent) => {
        // Escape in a text field belongs to it (the search box clears itself).
        if (event.key === 'Escape' && !(event.target instanceof HTMLInputElement)) handler();
      };
      window.addEventListener('keydown', listener);
      return () => window.removeEventListener('keydown', listener);
    },
    centre: () => map.getCenter(),
    setCursor(cursor) {
      map.getCanvas().style.cursor = cursor;
    },
  };
}
