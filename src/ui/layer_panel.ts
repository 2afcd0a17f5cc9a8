// The layer panel: catalogue groups, one row per layer. The drawing order is changed in
// "Layers on the map" above it (shown_layers.ts), which lists the layers as the map draws them.
import type { Catalogue } from '../catalogue/load';
import { pick, t } from '../i18n';
import type { AppState } from '../state/app_state';
import type { LayerStatuses } from '../state/layer_status';
import { el } from './dom';
import { layerRow, type LayerRow, type RowActions } from './layer_row';

export interface PanelActions extends RowActions {
  /** Drag and drop in "Layers on the map". */
  reorder(id: string, targetId: string, position: 'before' | 'after'): void;
}

export interface LayerPanel {
  element: HTMLElement;
  update(state: AppState, statuses: LayerStatuses): void;
}

export function mountLayerPanel(container: HTMLElement, catalogue: Catalogue, actions: PanelActions): LayerPanel {
  const rows = new Map<string, LayerRow>();
  const lists = new Map<string, HTMLUListElement>();
  const groupOf = new Map<string, string>();
  const panel = el('nav', { id: 'layer-panel', 'aria-labelledby': 'layer-panel-title' },
    el('h2', { id: 'layer-panel-title' }, t('layers_shown.all_title')));

  for (const group of catalogue.groups) {
    const list = el('ul', { class: 'layer-list', 'data-group-id': group.id });
    lists.set(group.id, list);
    panel.appendChild(el('section', { class: 'layer-group', 'data-group-id': group.id },
      el('h3', {}, pick(group.title)), list));
  }
  const broken = catalogue.layers.filter((layer) => !layer.def);
  if (broken.length > 0) {
    const list = el('ul', { class: 'layer-list' });
    panel.appendChild(el('section', { class: 'layer-group layer-group-broken' }, el('h3', {}, t('panel.broken')), list));
    for (const layer of broken) list.appendChild(layerRow(layer, actions).element);
  }
  for (const layer of catalogue.layers) {
    if (!layer.def) continue;
    const row = layerRow(layer, actions);
    rows.set(layer.id, row);
    groupOf.set(layer.id, layer.def.group);
  }
  container.appendChild(panel);

  return {
    element: panel,
    update(state, statuses) {
      for (const id of state.order) {
        const row = rows.get(id);
        const list = lists.get(groupOf.get(id) ?? '');
        if (!row || !list) continue;
        row.update(state.visible.get(id), statuses.get(id));
        placeLast(list, row.element);
      }
    },
  };
}

/** Appends in state order; a focused row keeps the focus (moving a node blurs it). */
function placeLast(list: HTMLElement, row: HTMLElement): void {
  if (list.lastElementChild === row) return;
  const focused = row.contains(document.activeElement) ? (document.activeElement as HTMLElement) : null;
  list.appendChild(row);
  focused?.focus();
}
