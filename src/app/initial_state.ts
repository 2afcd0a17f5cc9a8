// The first state: the permalink when there is one, else the catalogue's defaults.
import type { Catalogue } from '../catalogue/load';
import type { LayerDefinition, Lang } from '../catalogue/types';
import { DEFAULT_VIEW, type AppState } from '../state/app_state';
import { decodeLinkKeys, type HashState } from '../state/url_codec';

/** Layers added at run time from the hash's `add=` URLs (feature_add_data) come after boot. */
const ADDED_LAYER = /^add-[0-9a-f]{8}(-\d+)?$/;

export function initialState(
  fromHash: HashState,
  catalogue: Catalogue,
  lang: Lang,
  onUnknownLayer: (id: string) => void,
): AppState {
  const defs = definitions(catalogue);
  const known = new Set(catalogue.layers.map((layer) => layer.id));
  const visible = new Map<string, number>();
  if (fromHash.layers) {
    for (const { id, opacity } of fromHash.layers) {
      // A layer whose file failed stays in the link: nothing the user chose is lost.
      if (known.has(id) || ADDED_LAYER.test(id)) visible.set(id, opacity);
      else onUnknownLayer(id);
    }
  } else {
    for (const def of defs.values()) if (def.visible) visible.set(def.id, def.opacity ?? 1);
  }
  const linked = (fromHash.layers ?? []).map((layer) => layer.id).filter((id) => known.has(id));
  return {
    lang,
    view: fromHash.view ?? DEFAULT_VIEW,
    order: slotOrder(catalogue.layers.map((layer) => layer.id), linked),
    visible,
    extra: fromHash.extra,
    ...decodeLinkKeys(fromHash.extra),
  };
}

export function definitions(catalogue: Catalogue): Map<string, LayerDefinition> {
  const defs = new Map<string, LayerDefinition>();
  for (const layer of catalogue.layers) if (layer.def) defs.set(layer.id, layer.def);
  return defs;
}

/**
 * The catalogue order, with the linked layers put in the link's order into the slots the
 * linked layers hold: reloading a link then gives the same panel as before.
 */
export function slotOrder(catalogueOrder: string[], linked: string[]): string[] {
  const linkedSet = new Set(linked);
  let next = 0;
  return catalogueOrder.map((id) => (linkedSet.has(id) ? linked[next++]! : id));
}
