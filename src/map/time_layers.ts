// MapLibre glue for time: attribute layers get a filter (setFilter: tiles already loaded are
// filtered again, nothing is fetched); series layers swap their source's tiles to another
// date's file. A swap keeps the old tiles on screen until the new ones arrive (MapLibre
// reloads in-view tiles as "expired", which stay drawn), and the next date is preloaded by a
// hidden layer under the basemap so its bytes are in the COG cache before it is shown.
// The layers themselves are added by LayerSync, lazily: the wanted state is re-applied
// whenever the style changes, and each call is a no-op when nothing changed.
// A near-real-time reload of one file of a series (reloadFile, called by LayerSync.reloadLayer)
// re-reads it only if this map shows that date; another date's new version is remembered (and
// its COG tile id re-registered, so its old bytes are not read again) for when it is shown.
import type { Map as MapLibreMap, RasterTileSource, VectorTileSource } from 'maplibre-gl';
import type { LayerDefinition } from '../catalogue/types';
import { sourceIdFor, styleLayerId } from '../catalogue/to_style';
import { combineFilters, type FilterExpression } from '../queries/time_filter';
import { cogTileUrl, onCogError, registerCogLayer } from './cog_protocol';
import { dateOfUrl } from '../state/time_selection';
import { DATE_SEPARATOR, seriesTileId, setTimeLayersOf, timeLayersOf, type SeriesFiles } from './time_layers_of';

interface Wanted {
  def: LayerDefinition;
  filter: FilterExpression | null;
  date?: string;
  preload?: string;
  visible: boolean;
}

const PRELOAD_PREFIX = 'time-preload:';

export { seriesTileId, timeLayersOf };

export class TimeLayers implements SeriesFiles {
  private readonly wanted = new Map<string, Wanted>();
  private readonly applied = new Map<string, string>();
  /** "<layer id> <catalogue url>" → the absolute URL of that file's latest version (reloads). */
  private readonly versions = new Map<string, string>();

  constructor(
    private readonly map: MapLibreMap,
    private readonly resolveUrl: (url: string) => string,
    onError: (layerId: string, error: unknown) => void,
  ) {
    setTimeLayersOf(map, this);
    map.on('styledata', this.onStyle);
    // A date's file that fails to open is the series layer's error.
    onCogError((id, error) => {
      const cut = id.indexOf(DATE_SEPARATOR);
      if (cut > 0) onError(id.slice(0, cut), error);
    });
  }

  private readonly onStyle = () => this.reconcile();

  /** Gives every layer its catalogue filters and file back and stops following the style. */
  dispose(): void {
    for (const { def } of [...this.wanted.values()]) this.clear(def);
    this.map.off('styledata', this.onStyle);
    setTimeLayersOf(this.map, null, this);
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

  /** The catalogue URL of the file this map shows for a series layer (its own file by default). */
  shownFile(def: LayerDefinition): string {
    const date = this.wanted.get(def.id)?.date;
    return def.source.series?.find((entry) => entry.date === date)?.url ?? def.source.url;
  }

  /**
   * A new version (`url`, absolute) of one file (`file`, as in the catalogue) of a series layer:
   * redrawn when this map shows that date, else kept for when it does. True when redrawn.
   */
  reloadFile(def: LayerDefinition, file: string, url: string): boolean {
    const entry = def.source.series?.find((candidate) => candidate.url === file);
    if (!entry) return false;
    this.versions.set(`${def.id} ${file}`, url);
    // The tile id names the file for both maps: the next tile of that date reads the new version.
    if (def.source.kind === 'cog' && def.source.cog) registerCogLayer(seriesTileId(def, file, entry.date), url, def.source.cog);
    const preload = `preload:${PRELOAD_PREFIX}${def.id}`;
    if (this.applied.get(preload) === JSON.stringify(file)) this.applied.set(preload, '');
    const source = this.map.getSource(this.sourceId(def));
    const shown = this.shownFile(def) === file;
    if (shown && source) {
      this.point(source as RasterTileSource | VectorTileSource, def, file, entry.date);
      this.applied.set(`date:${def.id}`, JSON.stringify(file));
    }
    this.reconcile();
    return shown;
  }

  /** The absolute URL read for a file: its latest reloaded version, else the catalogue's. */
  private fileUrl(def: LayerDefinition, file: string): string {
    return this.versions.get(`${def.id} ${file}`) ?? this.resolveUrl(file);
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
    const fileUrl = this.fileUrl(def, url);
    if (def.source.kind === 'cog') {
      const tileId = seriesTileId(def, url, date);
      if (def.source.cog) registerCogLayer(tileId, fileUrl, def.source.cog);
      (source as RasterTileSource).setTiles([this.tileUrl(def, tileId, url)]);
    } else {
      source.setUrl(`pmtiles://${fileUrl}`);
    }
  }

  /** A reloaded file's tiles name it (`?src=`): another map re-registering the id cannot switch it. */
  private tileUrl(def: LayerDefinition, tileId: string, file: string): string {
    const version = this.versions.get(`${def.id} ${file}`);
    return version ? `${cogTileUrl(tileId)}?src=${encodeURIComponent(version)}` : cogTileUrl(tileId);
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
    const tileId = seriesTileId(def, entry.url, entry.date);
    if (def.source.cog) registerCogLayer(tileId, this.fileUrl(def, entry.url), def.source.cog);
    const tiles = [this.tileUrl(def, tileId, entry.url)];
    if (!this.map.getSource(id)) {
      this.map.addSource(id, { type: 'raster', tiles, tileSize: 256, ...(def.bounds ? { bounds: def.bounds } : {}) });
      const bottom = this.map.getStyle().layers[0]?.id;
      this.map.addLayer({ id, type: 'raster', source: id, paint: { 'raster-opacity': 0 }, ...(def.minzoom !== undefined ? { minzoom: def.minzoom } : {}) }, bottom);
      this.applied.set(`preload:${id}`, JSON.stringify(entry.url));
    }
    this.map.setLayoutProperty(id, 'visibility', 'visible');
    this.once(`preload:${id}`, entry.url, () => (this.map.getSource(id) as RasterTileSource).setTiles(tiles));
  }
}
