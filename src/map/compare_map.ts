// Swipe comparison: a second MapLibre map laid exactly over the main one, clipped to the right of
// the divider, following the main map's camera. Written here rather than with
// @maplibre/maplibre-gl-compare because that library's slider has no keyboard access and its
// second map takes the pointer; here the main map keeps every interaction (identify, measure)
// and the right map only draws (pointer-events: none). The right map has its own time glue, so
// it can show a series layer on another date than the left (each date's COG has its own
// protocol id, "<layer>@<date>", whichever map asks) or filter a layer to other years.
import { problemOf } from '../sources/errors';
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Basemap } from '../catalogue/basemap_types';
import type { Lang, LayerDefinition } from '../catalogue/types';
import { BasemapSwitch } from './basemap_switch';
import type { AppState } from '../state/app_state';
import type { LayerStatus } from '../state/layer_status';
import { createMap } from './create_map';
import { LayerSync } from './layer_sync';
import { TimeLayers } from './time_layers';

/** What the right map shows of one time-enabled layer (a filter, or a series' date). */
export type CompareTimeWanted = Parameters<TimeLayers['set']>[1];

export class CompareMap {
  readonly map: MapLibreMap;
  readonly element: HTMLElement;
  private readonly sync: LayerSync;
  private readonly time: TimeLayers;
  /** The same basemap as the main map (the first style draws the offline one until told). */
  private readonly basemap: BasemapSwitch;
  private timeLayer: LayerDefinition | null = null;
  private state: AppState | null = null;
  private readonly follow = () => this.copyCamera();
  private readonly resize = () => this.map.resize();

  constructor(
    private readonly main: MapLibreMap,
    defs: Map<string, LayerDefinition>,
    basemapUrl: string,
    resolveUrl: (url: string) => string,
    onStatus: (id: string, status: LayerStatus) => void,
    onBasemapFailure: (message: string) => void = () => undefined,
  ) {
    this.element = document.createElement('div');
    this.element.className = 'compare-map';
    this.element.setAttribute('aria-hidden', 'true');
    this.element.style.cssText = 'position:absolute;inset:0;z-index:1;pointer-events:none';
    main.getContainer().appendChild(this.element);
    const center = main.getCenter();
    const { map, protocol } = createMap(this.element, { lon: center.lng, lat: center.lat, zoom: main.getZoom() }, basemapUrl);
    this.map = map;
    // Only drawn, never used: nothing inside may take the keyboard focus (axe: aria-hidden-focus).
    this.element.inert = true;
    map.getCanvas().tabIndex = -1;
    // the main map's controls and attribution stand for both maps
    for (const control of this.element.querySelectorAll<HTMLElement>('.maplibregl-control-container')) control.style.display = 'none';
    this.sync = new LayerSync(map, protocol, defs, document.baseURI, onStatus);
    // once the new basemap is in the style, `data-idle` waits for its tiles
    this.basemap = new BasemapSwitch(map, resolveUrl, onBasemapFailure, () => this.unsettle());
    this.time = new TimeLayers(map, resolveUrl, (id, error) => onStatus(id, { state: 'error', message: problemOf(error).message, problem: problemOf(error) }));
    map.on('load', () => {
      if (this.state) this.sync.apply(this.state);
    });
    // `data-idle` on the right map: set when it has drawn everything asked (tests wait on it).
    map.on('idle', () => { this.element.dataset.idle = 'true'; });
    this.copyCamera();
    main.on('move', this.follow);
    main.on('resize', this.resize);
  }

  /** Draws the app state's order and opacities with this side's visible layers. */
  show(state: AppState): void {
    this.state = state;
    this.unsettle();
    if (this.map.isStyleLoaded()) this.sync.apply(state);
  }

  /** The right side's time layer at its own time (null: no time layer on the right). */
  showTime(def: LayerDefinition | null, wanted?: CompareTimeWanted): void {
    if (this.timeLayer && this.timeLayer.id !== def?.id) this.time.clear(this.timeLayer);
    this.timeLayer = def;
    this.unsettle();
    if (def && wanted) this.time.set(def, wanted);
  }

  /** Puts the main map's basemap under this side too (`data-basemap` on this map's element says which). */
  showBasemap(basemap: Basemap | null, lang: Lang, keepFirst: boolean): void {
    this.unsettle();
    this.basemap.show(basemap, lang, keepFirst);
  }

  /** Shows the right map from `fraction` (0..1) of the width on. */
  setSwipe(fraction: number): void {
    this.element.style.clipPath = `inset(0 0 0 ${(fraction * 100).toFixed(3)}%)`;
  }

  reloadLayer(...args: Parameters<LayerSync['reloadLayer']>): void {
    this.unsettle();
    this.sync.reloadLayer(...args);
  }

  /** Clears `data-idle` until the next 'idle' (a repaint makes sure one comes). */
  private unsettle(): void {
    delete this.element.dataset.idle;
    this.map.triggerRepaint();
  }

  destroy(): void {
    this.main.off('move', this.follow);
    this.main.off('resize', this.resize);
    this.map.remove();
    this.element.remove();
  }

  private copyCamera(): void {
    this.map.jumpTo({
      center: this.main.getCenter(),
      zoom: this.main.getZoom(),
      bearing: this.main.getBearing(),
      pitch: this.main.getPitch(),
    });
  }
}
