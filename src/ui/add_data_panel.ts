// The "Mes données" / "My data" group at the top of the layer panel: one row per added layer
// (the panel's own row component), plus a "remove" button. The layer panel is built from the
// catalogue, so added layers get their own section, rebuilt after a language change.
import type { LayerDefinition } from '../catalogue/types';
import type { AppState } from '../state/app_state';
import type { LayerStatuses } from '../state/layer_status';
import type { RowActions } from './layer_row';
import { t } from '../i18n';
import { el } from './dom';
import { layerRow, type LayerRow } from './layer_row';

export interface AddedLayersActions extends RowActions {
  remove(id: string): void;
}

export interface AddedLayersPanel {
  /** Re-inserts the section (the layer panel is rebuilt when the language changes). */
  attach(): void;
  add(def: LayerDefinition): void;
  remove(id: string): void;
  update(state: AppState, statuses: LayerStatuses): void;
  /** Takes the section off the layer panel (the feature is taken out). */
  detach(): void;
}

export function mountAddedLayers(actions: AddedLayersActions): AddedLayersPanel {
  const rows = new Map<string, { row: LayerRow; def: LayerDefinition }>();
  let list = el('ul', { class: 'layer-list' });
  let section: HTMLElement | null = null;

  const build = (def: LayerDefinition) => {
    const row = layerRow({ id: def.id, file: def.title.fr, def }, actions);
    row.element.draggable = false;
    row.element.querySelector<HTMLElement>('.layer-title')?.style.setProperty('overflow-wrap', 'anywhere');
    row.element.querySelector<HTMLElement>('.layer-title')?.style.setProperty('min-width', '0');
    const remove = el('button', { type: 'button', class: 'icon-button add-data-remove', 'aria-label': t('add_data.remove', { title: def.title.fr }), title: t('add_data.remove', { title: def.title.fr }) }, '✕');
    remove.addEventListener('click', () => actions.remove(def.id));
    row.element.querySelector('.layer-head')?.appendChild(remove);
    return row;
  };

  const attach = () => {
    const panel = document.getElementById('layer-panel');
    if (!panel || rows.size === 0) return section?.remove();
    list = el('ul', { class: 'layer-list' });
    section = el('section', { class: 'layer-group', 'data-group-id': 'mes-donnees', id: 'added-layers' },
      el('h3', {}, t('add_data.group')), list);
    for (const [id, entry] of rows) {
      entry.row = build(entry.def);
      rows.set(id, entry);
      list.appendChild(entry.row.element);
    }
    document.getElementById('added-layers')?.remove();
    panel.querySelector('#layer-panel-title')?.after(section);
  };

  return {
    attach,
    detach() {
      rows.clear();
      section?.remove();
      section = null;
    },
    add(def) {
      if (!rows.has(def.id)) rows.set(def.id, { row: build(def), def });
      attach();
    },
    remove(id) {
      rows.delete(id);
      attach();
    },
    update(state, statuses) {
      for (const id of state.order) {
        const entry = rows.get(id);
        if (!entry) continue;
        entry.row.update(state.visible.get(id), statuses.get(id));
        list.appendChild(entry.row.element);
      }
    },
  };
}
