// A floating legend over the map for the layers it shows, in drawing order, that folds away
// (a <details>). Folded at first: open, it would sit on the part of the map people click and
// draw on; the panel keeps each layer's legend too.
import type { LayerDefinition } from '../catalogue/types';
import { pick, t } from '../i18n';
import type { AppState } from '../state/app_state';
import { el } from './dom';
import { renderLayerLegend } from './legend';

export interface MapLegend {
  element: HTMLElement;
  update(state: AppState): void;
}

export function mountMapLegend(container: HTMLElement, defs: ReadonlyMap<string, LayerDefinition>): MapLegend {
  const body = el('div', { class: 'map-legend-body' });
  const element = el('details', { id: 'map-legend', class: 'map-legend' },
    el('summary', {}, t('layers_shown.legend')), body);
  container.appendChild(element);
  let lastKey: string | null = null;
  return {
    element,
    update(state) {
      const ids = state.order.filter((id) => state.visible.has(id) && defs.has(id));
      const key = ids.join('|');
      if (key === lastKey) return;
      lastKey = key;
      element.hidden = ids.length === 0;
      body.replaceChildren(...ids.map((id) => {
        const def = defs.get(id)!;
        return el('section', { class: 'map-legend-layer', 'data-layer-id': id },
          el('h3', {}, pick(def.title)), renderLayerLegend(def));
      }));
    },
  };
}
