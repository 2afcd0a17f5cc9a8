// What the rest of the map glue needs of the time glue (time_layers.ts), without its code: the
// COG protocol id of a series date's file, and the time glue registered on a map (LayerSync hands
// it a series reload). time_layers.ts itself comes with the time feature, after the first view.
import type { Map as MapLibreMap } from 'maplibre-gl';
import type { LayerDefinition } from '../catalogue/types';

/** Separates a series layer id from a date in COG protocol ids ("etendue-crue-2019@2019-05-04"). */
export const DATE_SEPARATOR = '@';

/** The COG protocol id of one file of a series: the layer's own file is `<id>`, a date's `<id>@<date>`. */
export function seriesTileId(def: LayerDefinition, url: string, date: string): string {
  return url === def.source.url ? def.id : `${def.id}${DATE_SEPARATOR}${date}`;
}

/** The part of a map's time glue a series reload calls (TimeLayers). */
export interface SeriesFiles {
  /** A new version (`url`) of one file (`file`) of a series layer; true when redrawn. */
  reloadFile(def: LayerDefinition, file: string, url: string): boolean;
}

/** The time glue of each map (main, compare right). */
const ofMap = new WeakMap<MapLibreMap, SeriesFiles>();

export function timeLayersOf(map: MapLibreMap): SeriesFiles | undefined {
  return ofMap.get(map);
}

/** `glue` becomes the map's time glue (null: only if it still is, it is taken off). */
export function setTimeLayersOf(map: MapLibreMap, glue: SeriesFiles | null, current?: SeriesFiles): void {
  if (glue) ofMap.set(map, glue);
  else if (ofMap.get(map) === current) ofMap.delete(map);
}
