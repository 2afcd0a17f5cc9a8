// Whether a layer has a time, and of which kind: read from its definition alone, so the map's
// time glue (state/time_selection.ts) needs none of the readers in time_collect.ts.
import type { LayerDefinition } from '../catalogue/types';
import type { TimeKind } from './time_values';

/** True when the layer has a time the map can step through. */
export function isTimeLayer(def: LayerDefinition): boolean {
  return Boolean(def.source.series?.length || (def.time?.field && def.time.kind));
}

export function timeKindOf(def: LayerDefinition): TimeKind {
  return def.time?.kind ?? 'date';
}
