// How each source kind reaches a MapLibre map: what must be opened or registered before its
// source is added, and how an added source is pointed at a new version of its file (refresh).
// layer_sync.ts asks this registry; a new kind in the LayerSource union does not compile until
// it has an entry here (the style part is catalogue/to_style.ts, exhaustive too).
import type { PMTiles, Protocol } from 'pmtiles';
import type { LayerDefinition, SeriesEntry, SourceKind } from '../catalogue/types';
import { openPmtiles } from '../sources/pmtiles_archive';
import { cogTileUrl, registerCogLayer } from './cog_protocol';
import { seriesTileId } from './time_layers_of';

/** The MapLibre source methods a reload uses (vector/raster: setUrl, setTiles; geojson: setData). */
export interface ReloadableSource { setUrl?(url: string): void; setTiles?(tiles: string[]): void; setData?(data: string): void }

export interface MapKindContext {
  protocol: Protocol;
  /** PMTiles archives opened before their layer was added (a local file has no URL to fetch). */
  archives: ReadonlyMap<string, PMTiles>;
}

export interface MapSourceKind {
  /** Before the layer's source is added: open or register what its tiles are read through. */
  prepare(def: LayerDefinition, dataUrl: string, context: MapKindContext): Promise<void>;
  /** Points the added source at `url`, a new version of the layer's own file. */
  reload(source: ReloadableSource, def: LayerDefinition, url: string, archive?: PMTiles): void;
  /** A new version `url` of the series file `entry` on a map without time glue (it shows the layer's own file). */
  reloadSeriesFile(source: ReloadableSource, def: LayerDefinition, entry: SeriesEntry, url: string): void;
}

const pmtilesKind: MapSourceKind = {
  async prepare(def, dataUrl, { protocol, archives }) {
    protocol.add(archives.get(def.source.url) ?? (await openPmtiles(dataUrl)).archive);
  },
  // Without an archive (the compare map), the pmtiles protocol opens the new URL itself.
  reload: (source, _def, url, archive) => source.setUrl?.(`pmtiles://${archive ? archive.source.getKey() : url}`),
  reloadSeriesFile(source, def, entry, url) {
    if (entry.url === def.source.url) source.setUrl?.(`pmtiles://${url}`);
  },
};

const cogKind: MapSourceKind = {
  async prepare(def, dataUrl) {
    if (def.source.cog) registerCogLayer(def.id, dataUrl, def.source.cog);
  },
  reload(source, def, url) {
    if (!def.source.cog) return;
    registerCogLayer(def.id, url, def.source.cog);
    source.setTiles?.([`${cogTileUrl(def.id)}?src=${encodeURIComponent(url)}`]);
  },
  reloadSeriesFile(source, def, entry, url) {
    if (!def.source.cog) return;
    const tileId = seriesTileId(def, entry.url, entry.date);
    registerCogLayer(tileId, url, def.source.cog);
    if (tileId === def.id) source.setTiles?.([`${cogTileUrl(def.id)}?src=${encodeURIComponent(url)}`]);
  },
};

const geojsonKind: MapSourceKind = {
  prepare: async () => undefined,
  reload: (source, _def, url) => source.setData?.(url),
  reloadSeriesFile: () => undefined, // the validator refuses a GeoJSON series
};

export const MAP_SOURCE_KINDS: Record<SourceKind, MapSourceKind> = {
  'pmtiles-vector': pmtilesKind,
  'pmtiles-raster': pmtilesKind,
  cog: cogKind,
  geojson: geojsonKind,
};

export function mapKindOf(def: LayerDefinition): MapSourceKind {
  return MAP_SOURCE_KINDS[def.source.kind];
}
