import type { Lang } from '../catalogue/types';

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

export interface AppState {
  lang: Lang;
  view: MapView;
  /** Every layer id, top of the map first (panel order). */
  order: string[];
  /** Visible layers with their opacity, keyed by id. */
  visible: Map<string, number>;
  /** Hash keys this version does not know, kept so links from newer versions survive. */
  extra: Array<[string, string]>;
}

/** Southern Québec, from Gatineau to Rimouski. */
export const DEFAULT_VIEW: MapView = { zoom: 5.6, lat: 46.9, lon: -71.8 };
