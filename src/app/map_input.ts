// The one owner of "what a map click means now". Identify is the default (browse); a tool that
// needs the map's clicks (verdict pick, time series pick, measure, AOI drawing) requests it and
// releases it when done. A new request ends the previous owner (its `ended` resets its button).
// Only this module listens to the map's clicks, to Enter on the focused map (the map centre) and
// to Escape (ends the tool holding the map).
import type { LngLatLike, MapInputSource } from '../map/map_input_source';

export type { LngLatLike, MapInputSource };

/** How a point reached the map: a click, or Enter on the focused map (the map centre). */
export type PointVia = 'click' | 'key';

export interface MapInputOwner {
  /** The mode's name, told to listeners of 'map-mode' (e.g. 'measure', 'pick', 'draw'). */
  readonly mode: string;
  /** A click at `at`, or Enter on the focused map with `at` the map centre. */
  point(at: LngLatLike, via: PointVia): void;
  /** Another owner took the map, or the owner was ended from outside: reset buttons and cursors. */
  ended?(): void;
}

export const BROWSE_MODE = 'browse';

export class MapInput {
  private owner: MapInputOwner | null = null;
  private fallback: MapInputOwner | null = null;
  private readonly undos: (() => void)[];

  /** `onMode` hears each change of mode ('browse' when the map goes back to the default). */
  constructor(private readonly source: MapInputSource, private readonly onMode: (mode: string) => void = () => {}) {
    this.undos = [
      source.onClick((at) => this.owned().point(at, 'click')),
      source.onEnter(() => this.owned().point(source.centre(), 'key')),
      source.onEscape(() => this.cancel()),
    ];
  }

  /** The mode now: the requesting tool's, else 'browse'. */
  get mode(): string {
    return this.owner?.mode ?? BROWSE_MODE;
  }

  /** Whether `owner` holds the map now. */
  holds(owner: MapInputOwner): boolean {
    return this.owner === owner;
  }

  /** What the map does now when no tool holds it (null: nothing yet). */
  get defaultOwner(): MapInputOwner | null {
    return this.fallback;
  }

  /** What the map does when no tool holds it (identify). */
  setDefault(owner: MapInputOwner | null): void {
    this.fallback = owner;
  }

  /** Takes the map for `owner` (crosshair cursor); the previous owner is ended. */
  request(owner: MapInputOwner): void {
    if (this.owner === owner) return;
    const previous = this.owner;
    this.owner = owner;
    this.source.setCursor('crosshair');
    previous?.ended?.();
    this.onMode(owner.mode);
  }

  /** Gives the map back to browsing, if `owner` still holds it (the owner's `ended` is not called). */
  release(owner: MapInputOwner): void {
    if (this.owner !== owner) return;
    this.owner = null;
    this.source.setCursor('');
    this.onMode(BROWSE_MODE);
  }

  /** Ends whichever tool holds the map (e.g. Escape): its `ended` is called, the map browses again. */
  cancel(): void {
    const previous = this.owner;
    if (!previous) return;
    this.release(previous);
    previous.ended?.();
  }

  dispose(): void {
    for (const undo of this.undos.splice(0)) undo();
  }

  private owned(): MapInputOwner {
    return this.owner ?? this.fallback ?? { mode: BROWSE_MODE, point: () => {} };
  }
}
