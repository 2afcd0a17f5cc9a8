// Makes the map show what the state says: which catalogue layers, in which order, how opaque.
// Sources are added the first time a layer is shown, so hidden layers cost no request.
import type { Map as MapLibreMap, MapSourceDataEvent, ErrorEvent } from 'maplibre-gl';
import type { PMTiles, Protocol } from 'pmtiles';
import type { CogRendering, LayerDefinition } from '../catalogue/types';
import { opacityPaint, resolveDataUrl, styleLayerId, toMapLayers } from '../catalogue/to_style';
import type { AppState } from '../state/app_state';
import type { LayerStatus } from '../state/layer_status';
import { FIRST_LABEL_LAYER } from './basemap_style';
import { problemOf } from '../sources/errors';
import { cogTileUrl, onCogError, registerCogLayer } from './cog_protocol';
import { mapKindOf, type ReloadableSource } from './source_kinds';
import { timeLayersOf } from './time_layers_of';

type StatusListener = (id: string, status: LayerStatus) => void;

export class LayerSync {
  private readonly added = new Set<string>();
  private readonly adding = new Map<string, Promise<void>>();
  private readonly failed = new Set<string>();
  private readonly sourceOf = new Map<string, string>();
  /** PMTiles archives opened before their layer was added (a local file has no URL to fetch). */
  private readonly archives = new Map<string, PMTiles>();
  private latest: AppState | undefined;
  /** COG layers drawn with other bands than their catalogue's (the band picker). */
  private readonly cogOverrides = new Map<string, CogRendering>();

  constructor(
    private readonly map: MapLibreMap,
    private readonly protocol: Protocol,
    private readonly defs: Map<string, LayerDefinition>,
    private readonly pageUrl: string,
    private readonly onStatus: StatusListener,
  ) {
    map.on('error', (event: ErrorEvent & { sourceId?: string }) => this.onMapError(event));
    map.on('sourcedata', (event: MapSourceDataEvent) => this.onSourceData(event));
    map.on('idle', () => this.markVisibleReady());
    onCogError((id, error) => this.reportError(id, error));
  }

  apply(state: AppState): void {
    this.latest = state;
    for (const id of state.order) {
      if (state.visible.has(id) && !this.added.has(id)) void this.ensureAdded(id);
    }
    for (const id of this.added) this.applyVisibility(id, state);
    this.applyOrder(state.order);
  }

  /**
   * Makes a layer added at run time (Add data) known to the map, like a catalogue layer; it is
   * drawn once the state lists it. `archive`: an opened PMTiles whose key is def.source.url.
   */
  addRuntimeLayer(def: LayerDefinition, archive?: PMTiles): void {
    this.defs.set(def.id, def);
    if (archive) this.archives.set(def.source.url, archive);
    this.failed.delete(def.id);
  }

  /**
   * Forgets a layer added at run time: its style layers go, and its source too once no other
   * layer reads it, so a removed file is not kept in memory or asked for tiles again.
   */
  removeRuntimeLayer(id: string): void {
    const def = this.defs.get(id);
    const sourceId = this.sourceOf.get(id);
    def?.style.forEach((_, index) => {
      const layerId = styleLayerId(id, index);
      if (this.map.getLayer(layerId)) this.map.removeLayer(layerId);
    });
    this.sourceOf.delete(id);
    for (const set of [this.added, this.failed]) set.delete(id);
    this.adding.delete(id);
    this.defs.delete(id);
    if (sourceId !== undefined && this.layersUsing(sourceId).length === 0 && this.map.getSource(sourceId)) this.map.removeSource(sourceId);
    if (def && ![...this.defs.values()].some((other) => other.source.url === def.source.url)) this.archives.delete(def.source.url);
  }

  /**
   * Near-real-time layers: points a layer already on the map at a new version of its file (`url`,
   * cache-busting). Its style layers stay (filters, order, opacity); the source re-reads every
   * tile and forgets the old version's. `archive`: the new PMTiles, keyed by `url`. Returns false
   * when the layer is not on the map yet (it reads the current file when first shown).
   * A series layer: `url` is a version of one of its files; the map keeps the date it shows
   * (time_layers.ts re-reads that date's file, or only remembers another date's new version).
   */
  reloadLayer(id: string, url: string, archive?: PMTiles): boolean {
    const def = this.defs.get(id);
    const sourceId = this.sourceOf.get(id);
    const source = sourceId === undefined ? undefined : (this.map.getSource(sourceId) as unknown as ReloadableSource | undefined);
    if (!def || !source) return false;
    this.failed.delete(id);
    if (archive) this.protocol.add(archive);
    const file = def.source.series ? this.seriesFileOf(def, url) : undefined;
    if (file !== undefined) return this.reloadSeriesFile(def, file, url, source);
    mapKindOf(def).reload(source, this.drawn(def), url, archive);
    return true;
  }

  /** The catalogue URL of the series file that `url` is a version of (the `gv` of versionedUrl dropped). */
  private seriesFileOf(def: LayerDefinition, url: string): string | undefined {
    const plain = new URL(url, this.pageUrl);
    plain.searchParams.delete('gv');
    return def.source.series?.find((entry) => resolveDataUrl(entry.url, this.pageUrl) === plain.href)?.url;
  }

  private reloadSeriesFile(def: LayerDefinition, file: string, url: string, source: ReloadableSource): boolean {
    const time = timeLayersOf(this.map);
    if (time) {
      time.reloadFile(def, file, url);
      return true;
    }
    // No time glue on this map: it shows the layer's own file; another date's file is only re-registered.
    const entry = def.source.series?.find((candidate) => candidate.url === file);
    if (entry) mapKindOf(def).reloadSeriesFile(source, def, entry, url);
    return true;
  }

  /** Draws a COG layer with `rendering` (null: its catalogue's), now if it is on the map, else once added. */
  setCogRendering(id: string, rendering: CogRendering | null): void {
    if (rendering) this.cogOverrides.set(id, rendering);
    else this.cogOverrides.delete(id);
    const def = this.defs.get(id);
    const sourceId = this.sourceOf.get(id);
    const source = sourceId === undefined ? undefined : (this.map.getSource(sourceId) as unknown as ReloadableSource | undefined);
    if (!def?.source.cog || !source) return;
    const drawn = rendering ?? def.source.cog;
    registerCogLayer(id, resolveDataUrl(def.source.url, this.pageUrl), drawn);
    // another tile URL, so MapLibre drops the tiles drawn with the old bands
    source.setTiles?.([`${cogTileUrl(id)}?bands=${drawn.mode}-${(drawn.bands ?? []).join('.')}`]);
  }

  /** Marks a layer as failed from outside (e.g. the COG source reports a bad file); a typed error keeps its code. */
  reportError(id: string, error: unknown): void {
    this.failed.add(id);
    const problem = problemOf(error);
    this.onStatus(id, { state: 'error', message: problem.message, problem });
  }

  /** The layer as drawn: a COG with the rendering the user picked (band picker) instead of its catalogue's. */
  private drawn(def: LayerDefinition): LayerDefinition {
    const rendering = this.cogOverrides.get(def.id);
    return rendering && def.source.kind === 'cog' ? { ...def, source: { ...def.source, cog: rendering } } : def;
  }

  private async ensureAdded(id: string): Promise<void> {
    const def = this.defs.get(id);
    if (!def || this.failed.has(id)) return;
    const pending = this.adding.get(id);
    if (pending) return pending;
    this.onStatus(id, { state: 'loading' });
    const work = this.add(def).then(
      () => {
        this.added.add(id);
        if (this.latest) this.apply(this.latest);
      },
      (error: unknown) => this.reportError(id, error),
    );
    this.adding.set(id, work);
    await work;
  }

  private async add(def: LayerDefinition): Promise<void> {
    const dataUrl = resolveDataUrl(def.source.url, this.pageUrl);
    const prepared = this.drawn(def).source.cog;
    await mapKindOf(def).prepare(this.drawn(def), dataUrl, { protocol: this.protocol, archives: this.archives });
    const parts = toMapLayers(def, dataUrl, this.latest?.visible.get(def.id) ?? 1);
    if (!this.map.getSource(parts.sourceId)) this.map.addSource(parts.sourceId, parts.source);
    this.sourceOf.set(def.id, parts.sourceId);
    // bands picked while it was being added (e.g. a link's bands for added data): draw those
    if (this.drawn(def).source.cog !== prepared) this.setCogRendering(def.id, this.cogOverrides.get(def.id) ?? null);
    for (const layer of parts.layers) {
      this.map.addLayer({ ...layer, layout: { ...layer.layout, visibility: 'none' } } as typeof layer, FIRST_LABEL_LAYER);
    }
  }

  private applyVisibility(id: string, state: AppState): void {
    const def = this.defs.get(id);
    if (!def) return;
    const opacity = state.visible.get(id);
    def.style.forEach((style, index) => {
      const layerId = styleLayerId(id, index);
      if (!this.map.getLayer(layerId)) return;
      this.map.setLayoutProperty(layerId, 'visibility', opacity === undefined ? 'none' : 'visible');
      if (opacity === undefined) return;
      for (const [property, value] of opacityPaint(style, opacity)) {
        this.map.setPaintProperty(layerId, property as never, value as never);
      }
    });
  }

  /** Moves style layers bottom-up under the labels, which leaves them in panel order. */
  private applyOrder(order: string[]): void {
    for (const id of [...order].reverse()) {
      const def = this.defs.get(id);
      if (!def || !this.added.has(id)) continue;
      def.style.forEach((_, index) => {
        const layerId = styleLayerId(id, index);
        if (this.map.getLayer(layerId)) this.map.moveLayer(layerId, FIRST_LABEL_LAYER);
      });
    }
  }

  private layersUsing(sourceId: string): string[] {
    return [...this.sourceOf].filter(([, source]) => source === sourceId).map(([id]) => id);
  }

  private onMapError(event: ErrorEvent & { sourceId?: string }): void {
    if (!event.sourceId) return;
    const error = event.error ?? new Error('unknown error');
    for (const id of this.layersUsing(event.sourceId)) this.reportError(id, error);
  }

  private onSourceData(event: MapSourceDataEvent): void {
    if (!event.isSourceLoaded) return;
    for (const id of this.layersUsing(event.sourceId)) {
      if (!this.failed.has(id) && this.latest?.visible.has(id)) this.onStatus(id, { state: 'ready' });
    }
  }

  private markVisibleReady(): void {
    for (const id of this.added) {
      if (!this.failed.has(id) && this.latest?.visible.has(id)) this.onStatus(id, { state: 'ready' });
    }
  }
}
