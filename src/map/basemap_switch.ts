// Puts one basemap (or none) under the catalogue layers. Switching removes the old basemap's
// layers and sources (the ids it added, so a catalogue layer is never taken for one) and inserts the new one's fills below the
// first overlay and its labels just above the overlay marker, so the overlays keep their order.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { Basemap } from '../catalogue/basemap_types';
import type { Lang } from '../catalogue/types';
import { PROTOMAPS_SOURCE, basemapParts, type BasemapParts } from './basemap_layers';
import { FIRST_LABEL_LAYER, embeddedParts } from './basemap_style';

/** The style ids a basemap adds. */
function idsOf(parts: BasemapParts): { layers: string[]; sources: string[] } {
  return { layers: [...parts.below, ...parts.labels].map((layer) => layer.id), sources: Object.keys(parts.sources) };
}

export class BasemapSwitch {
  /** What is on the map now: a basemap id, '' for none, undefined for the first style's own. */
  private current: string | undefined;
  private currentLang: Lang | undefined;
  /** Style edits wait for the first style; made before the map's 'load' (the app's boot order). */
  private styleReady: boolean;
  private pending: (() => void) | undefined;
  /** What the basemap on the map added: at first, the offline basemap of the first style (create_map.ts). */
  private owned = idsOf(embeddedParts('first', 'first', 0));

  /** Counts show() calls, so parts that arrive after a later choice are dropped. */
  private turn = 0;

  /** `onFailure`: a basemap could not be put on the map (e.g. its code did not load). */
  constructor(
    private readonly map: MapLibreMap,
    private readonly resolveUrl: (url: string) => string,
    private readonly onFailure: (message: string) => void = () => undefined,
    /** The style holds the basemap asked for (after its parts are added). */
    private readonly onShown: (id: string) => void = () => undefined,
  ) {
    this.styleReady = map.isStyleLoaded() === true;
    map.once('load', () => {
      this.styleReady = true;
      this.pending?.();
    });
  }

  /** `keepFirst`: the first style already draws this basemap (the offline one), leave it. */
  show(basemap: Basemap | null, lang: Lang, keepFirst = false): void {
    const id = basemap?.id ?? '';
    if (this.current === undefined && keepFirst) {
      this.current = id;
      this.mark(id);
      return;
    }
    const labelsDependOnLang = basemap?.kind === 'pmtiles-vector';
    if (id === this.current && (!labelsDependOnLang || lang === this.currentLang)) return;
    if (!this.styleReady) {
      this.pending = () => this.show(basemap, lang);
      return;
    }
    this.current = id;
    this.currentLang = lang;
    const turn = ++this.turn;
    const resolve = (url: string) => resolveTemplate(this.resolveUrl, url);
    // the old basemap stays until the new one's parts are ready (a Protomaps one loads its library)
    (basemap ? basemapParts(basemap, resolve, lang) : Promise.resolve(null)).then((parts) => {
      if (turn !== this.turn) return; // another choice came meanwhile
      this.clear();
      if (parts) this.add(parts);
      this.mark(id);
    }).catch((error: unknown) => this.onFailure(error instanceof Error ? error.message : String(error)));
  }

  /**
   * False when a vector basemap has loaded its tiles here and they hold no land: the view lies
   * outside the area the archive covers (e.g. outside a regional extract). True otherwise.
   */
  coversView(): boolean {
    const source = PROTOMAPS_SOURCE;
    if (!this.map.getSource(source) || !this.map.isSourceLoaded(source)) return true;
    return this.map.querySourceFeatures(source, { sourceLayer: 'earth' }).length > 0;
  }

  /** Tells tests and outside checks which basemap the style holds (`data-basemap` on the map). */
  private mark(id: string): void {
    this.map.getContainer().dataset.basemap = id || 'none';
    this.onShown(id);
  }

  private clear(): void {
    for (const id of this.owned.layers) if (this.map.getLayer(id)) this.map.removeLayer(id);
    for (const id of this.owned.sources) if (this.map.getSource(id)) this.map.removeSource(id);
    this.owned = { layers: [], sources: [] };
  }

  private add(parts: BasemapParts): void {
    this.owned = idsOf(parts);
    for (const [id, source] of Object.entries(parts.sources)) this.map.addSource(id, source);
    const ids = this.map.getStyle().layers.map((layer) => layer.id);
    // the lowest layer on the map (an overlay, or the marker when no overlay is shown yet)
    const bottom = ids[0];
    for (const layer of parts.below) this.map.addLayer(layer, bottom);
    // labels go right above the marker: above every overlay, below drawings and markers added on top
    const marker = ids.indexOf(FIRST_LABEL_LAYER);
    const aboveMarker = marker < 0 ? undefined : ids[marker + 1];
    for (const layer of parts.labels) this.map.addLayer(layer, aboveMarker);
  }
}

/** URL templates keep their {z}/{x}/{y} braces (a URL parser would percent-encode them). */
function resolveTemplate(resolveUrl: (url: string) => string, url: string): string {
  return resolveUrl(url).replaceAll('%7B', '{').replaceAll('%7D', '}');
}
