// The layer panel: catalogue groups, one row per layer, drag and drop within a group.
import type { Catalogue } from '../catalogue/load';
import { pick, t } from '../i18n';
import type { AppState } from '../state/app_state';
import type { LayerStatuses } from '../state/layer_status';
import { el } from './dom';
import { layerRow, type LayerRow, type RowActions } from './layer_row';

export interface PanelActions extends RowActions {
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
    el('h2', { id: 'layer-panel-title' }, t('panel.title')));

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
    enableDrag(row.element, layer.id, groupOf, actions);
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

function enableDrag(row: HTMLElement, id: string, groupOf: Map<string, string>, actions: PanelActions): void {
  row.addEventListener('dragstart', (event) => {
    event.dataTransfer?.setData('text/plain', id);
    row.classList.add('dragging');
  });
  row.addEventListener('dragend', () => row.classList.remove('dragging'));
  row.addEventListener('dragover', (event) => {
    const dragged = document.querySelector<HTMLElement>('.layer.dragging')?.dataset.layerId;
    if (dragged && groupOf.get(dragged) === groupOf.get(id)) event.preventDefault();
  });
  row.addEventListener('drop', (event) => {
    event.preventDefault();
    const dragged = event.dataTransfer?.getData('text/plain');
    if (!dragged || dragged === id) return;
    const box = row.getBoundingClientRect();
    actions.reorder(dragged, id, event.clientY > box.top + box.height / 2 ? 'after' : 'before');
  });
}
