// MapLibre glue for time: attribute layers get a filter (setFilter: tiles already loaded are
// filtered again, nothing is fetched); series layers swap their source's tiles to another
// date's file. A swap keeps the old tiles on screen until the new ones arrive (MapLibre
// reloads in-view tiles as "expired", which stay drawn), and the next date is preloaded by a
// hidden layer under the basemap so its bytes are in the COG cache before it is shown.
// The layers themselves are added by LayerSync, lazily: the wanted state is re-applied
// whenever the style changes, and each call is a no-op when nothing changed.
import type { Map as MapLibreMap, RasterTileSource, VectorTileSource } from 'maplibre-gl';
import type { LayerDefinition } from '../catalogue/types';
import { sourceIdFor, styleLayerId } from '../catalogue/to_style';
import { combineFilters, type FilterExpression } from '../queries/time_filter';
import { cogTileUrl, onCogError, registerCogLayer } from './cog_protocol';
import { dateOfUrl } from '../state/time_selection';

interface Wanted {
  def: LayerDefinition;
  filter: FilterExpression | null;
  date?: string;
  preload?: string;
  visible: boolean;
}

const PRELOAD_PREFIX = 'time-preload:';
/** Separates a series layer id from a date in COG protocol ids ("etendue-crue-2019@2019-05-04"). */
const DATE_SEPARATOR = '@';

export class TimeLayers {
  private readonly wanted = new Map<string, Wanted>();
  private readonly applied = new Map<string, string>();

  constructor(
    private readonly map: MapLibreMap,
    private readonly resolveUrl: (url: string) => string,
    onError: (layerId: string, message: string) => void,
  ) {
    map.on('styledata', () => this.reconcile());
    // A date's file that fails to open is the series layer's error.
    onCogError((id, message) => {
      const cut = id.indexOf(DATE_SEPARATOR);
      if (cut > 0) onError(id.slice(0, cut), message);
    });
  }

  /** What a layer should show; `date`/`preload` only for series layers. */
  set(def: LayerDefinition, wanted: Omit<Wanted, 'def'>): void {
    this.wanted.set(def.id, { def, ...wanted });
    this.reconcile();
  }

  /** Back to the catalogue's own filters and file. */
  clear(def: LayerDefinition): void {
    if (!this.wanted.has(def.id)) return;
    this.set(def, { filter: null, date: def.source.series ? dateOfUrl(def) : undefined, visible: false });
    this.wanted.delete(def.id);
  }

  /** True when every in-view tile of the layer's source is loaded. */
  isLoaded(def: LayerDefinition): boolean {
    const sourceId = this.sourceId(def);
    return !this.map.getSource(sourceId) || this.map.isSourceLoaded(sourceId);
  }

  private reconcile(): void {
    for (const wanted of this.wanted.values()) {
      this.applyFilter(wanted);
      if (wanted.def.source.series) {
        this.applyDate(wanted);
        this.applyPreload(wanted);
      }
    }
  }

  private once(key: string, value: unknown, apply: () => void): void {
    const text = JSON.stringify(value ?? null);
    if (this.applied.get(key) === text) return;
    apply();
    this.applied.set(key, text);
  }

  private applyFilter({ def, filter }: Wanted): void {
    def.style.forEach((style, index) => {
      const id = styleLayerId(def.id, index);
      if (!this.map.getLayer(id)) {
        this.applied.delete(`filter:${id}`);
        return;
      }
      const combined = combineFilters(style.filter, filter);
      this.once(`filter:${id}`, combined, () => this.map.setFilter(id, (combined ?? null) as never));
    });
  }

  private sourceId(def: LayerDefinition): string {
    return sourceIdFor(def, this.resolveUrl(def.source.url));
  }

  private applyDate(wanted: Wanted): void {
    const source = this.map.getSource(this.sourceId(wanted.def));
    if (!source || !wanted.date) {
      this.applied.delete(`date:${wanted.def.id}`);
      return;
    }
    const entry = wanted.def.source.series?.find((candidate) => candidate.date === wanted.date);
    if (!entry) return;
    this.once(`date:${wanted.def.id}`, entry.url, () => this.point(source as RasterTileSource | VectorTileSource, wanted.def, entry.url, entry.date));
  }

  /** Points a source at one date's file (a protocol id per date for COGs). */
  private point(source: RasterTileSource | VectorTileSource, def: LayerDefinition, url: string, date: string): void {
    if (def.source.kind === 'cog') {
      const tileId = url === def.source.url ? def.id : `${def.id}${DATE_SEPARATOR}${date}`;
      if (def.source.cog) registerCogLayer(tileId, this.resolveUrl(url), def.source.cog);
      (source as RasterTileSource).setTiles([cogTileUrl(tileId)]);
    } else {
      source.setUrl(`pmtiles://${this.resolveUrl(url)}`);
    }
  }

  /** A hidden copy of the layer on the next date, under everything (the basemap covers it). */
  private applyPreload(wanted: Wanted): void {
    const { def } = wanted;
    const id = `${PRELOAD_PREFIX}${def.id}`;
    const entry = wanted.visible ? def.source.series?.find((candidate) => candidate.date === wanted.preload) : undefined;
    if (!entry || def.source.kind !== 'cog' || !this.map.getLayer(styleLayerId(def.id, 0))) {
      if (this.map.getLayer(id)) this.map.setLayoutProperty(id, 'visibility', 'none');
      return;
    }
    const tileId = entry.url === def.source.url ? def.id : `${def.id}${DATE_SEPARATOR}${entry.date}`;
    if (def.source.cog) registerCogLayer(tileId, this.resolveUrl(entry.url), def.source.cog);
    if (!this.map.getSource(id)) {
      this.map.addSource(id, { type: 'raster', tiles: [cogTileUrl(tileId)], tileSize: 256, ...(def.bounds ? { bounds: def.bounds } : {}) });
      const bottom = this.map.getStyle().layers[0]?.id;
      this.map.addLayer({ id, type: 'raster', source: id, paint: { 'raster-opacity': 0 }, ...(def.minzoom !== undefined ? { minzoom: def.minzoom } : {}) }, bottom);
      this.applied.set(`preload:${id}`, JSON.stringify(entry.url));
    }
    this.map.setLayoutProperty(id, 'visibility', 'visible');
    this.once(`preload:${id}`, entry.url, () => (this.map.getSource(id) as RasterTileSource).setTiles([cogTileUrl(tileId)]));
  }
}
