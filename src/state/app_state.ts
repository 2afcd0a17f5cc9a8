import type { Lang } from '../catalogue/types';
import type { LinkKeys } from './codecs/link_keys';

export interface MapView {
  zoom: number;
  lat: number;
  lon: number;
}

export interface VisibleLayer {
  id: string;
  /** 0..1 */
  opacity: number;
}

/** The feature keys of the link (time, compare, aoi, add, print, base, bands) are typed fields (LinkKeys). */
export interface AppState extends LinkKeys {
  lang: Lang;
  view: MapView;
  /** Every layer id, top of the map first (panel order). */
  order: string[];
  /** Visible layers with their opacity, keyed by id. */
  visible: Map<string, number>;
  /**
   * The link's other `key=value` pairs as they came, in order: keys this version does not know
   * (so links from newer versions survive) and the remembered text of the typed keys. Only the
   * edge reads it (url_codec's encodeLinkKeys); features use the typed fields.
   */
  extra: Array<[string, string]>;
}

/** Southern Québec, from Gatineau to Rimouski. */
export const DEFAULT_VIEW: MapView = { zoom: 5.6, lat: 46.9, lon: -71.8 };
