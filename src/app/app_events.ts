// What features tell each other, typed: one emitter on the app context instead of
// untyped events on window (a receiver no longer casts an untyped payload).
import type { ShownTime } from '../state/time_state';
import type { ShownBasemap } from './commands';

export interface PlacePicked {
  lon: number;
  lat: number;
  label: string;
  zoom: number;
}

/** Event name → payload. Add an entry here and the compiler checks every emitter and listener. */
export interface AppEventMap {
  /** The times the map shows changed (time slider, layer switched on/off). */
  'time-changed': readonly ShownTime[];
  /** A layer's data was reloaded from a new URL (live refresh). */
  'layer-reloaded': { id: string; url: string };
  /** A refreshed catalogue added layers. */
  'catalogue-changed': { added: string[] };
  /** The user chose a place in the search box. */
  'place-picked': PlacePicked;
  /** The map-input mode changed (app/map_input.ts): 'browse', or the tool holding the map. */
  'map-mode': { mode: string };
  /** Rows of data the user added (Add data) were built anew: tools that decorate rows redo theirs. */
  'added-layers-changed': { ids: string[] };
  /** The main map shows another basemap (or another language of it): the comparison map follows. */
  'basemap-shown': ShownBasemap;
}

type Listener<K extends keyof AppEventMap> = (payload: AppEventMap[K]) => void;

export class AppEvents {
  private readonly listeners = new Map<keyof AppEventMap, Set<Listener<never>>>();

  /** Listens to one event; returns the function that stops listening (give it to a Disposer). */
  on<K extends keyof AppEventMap>(type: K, listener: Listener<K>): () => void {
    const set = this.listeners.get(type) ?? new Set();
    this.listeners.set(type, set);
    set.add(listener as Listener<never>);
    return () => set.delete(listener as Listener<never>);
  }

  /** The listeners of one event now (the feature loader tells a late feature what it missed). */
  listenersOf<K extends keyof AppEventMap>(type: K): ReadonlySet<Listener<K>> {
    return new Set((this.listeners.get(type) ?? []) as Iterable<Listener<K>>);
  }

  emit<K extends keyof AppEventMap>(type: K, payload: AppEventMap[K]): void {
    for (const listener of [...(this.listeners.get(type) ?? [])]) (listener as Listener<K>)(payload);
  }
}
