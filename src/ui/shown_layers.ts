// "Couches affichées / Layers on the map": the visible layers in drawing order, top of the map
// first. ▲ ▼, Alt+↑/↓ on a row, or drag and drop move a layer among the shown ones only, so the
// map's drawing order changes exactly as this list shows. A status line announces the new place.
import type { LayerDefinition } from '../catalogue/types';
import { pick, t } from '../i18n';
import type { AppState } from '../state/app_state';
import { el } from './dom';

export interface ShownLayersActions {
  /** One step up (-1) or down (+1) among the shown layers. */
  moveShown(id: string, step: -1 | 1): void;
  /** Just above or below another shown layer (drag and drop). */
  reorder(id: string, targetId: string, position: 'before' | 'after'): void;
  toggle(id: string, on: boolean): void;
}

export interface ShownLayers {
  element: HTMLElement;
  update(state: AppState): void;
}

export function mountShownLayers(container: HTMLElement, defs: ReadonlyMap<string, LayerDefinition>, actions: ShownLayersActions): ShownLayers {
  const list = el('ol', { class: 'shown-list' });
  const empty = el('p', { class: 'shown-empty' }, t('layers_shown.empty'));
  const status = el('p', { class: 'visually-hidden shown-status', role: 'status', 'aria-live': 'polite' });
  const element = el('section', { id: 'shown-layers', 'aria-labelledby': 'shown-layers-title' },
    el('h2', { id: 'shown-layers-title' }, t('layers_shown.title')),
    el('p', { class: 'shown-hint' }, t('layers_shown.hint')), empty, list, status);
  container.prepend(element);
  let lastKey = '';
  let pendingFocus: { id: string; cls: string } | null = null;

  const moveAndFocus = (id: string, step: -1 | 1, cls: string) => {
    pendingFocus = { id, cls };
    actions.moveShown(id, step);
  };
  return {
    element,
    update(state) {
      const ids = state.order.filter((id) => state.visible.has(id) && defs.has(id));
      const key = `${ids.join('|')}`;
      if (key === lastKey) return;
      const moved = pendingFocus;
      lastKey = key;
      empty.hidden = ids.length > 0;
      list.replaceChildren(...ids.map((id, index) => shownRow(defs.get(id)!, index, ids.length, actions, moveAndFocus)));
      if (moved) {
        pendingFocus = null;
        const position = ids.indexOf(moved.id);
        const row = list.querySelector<HTMLElement>(`li[data-layer-id="${CSS.escape(moved.id)}"]`);
        (row?.querySelector<HTMLButtonElement>(`.${moved.cls}:not(:disabled)`) ?? row?.querySelector<HTMLButtonElement>('button:not(:disabled)'))?.focus();
        status.textContent = t('panel.moved', { title: pick(defs.get(moved.id)!.title), position: position + 1, count: ids.length });
      }
    },
  };
}

function shownRow(def: LayerDefinition, index: number, count: number, actions: ShownLayersActions,
  move: (id: string, step: -1 | 1, cls: string) => void): HTMLLIElement {
  const title = pick(def.title);
  const up = el('button', { type: 'button', class: 'icon-button shown-up', 'aria-label': t('layers_shown.up', { title }), title: t('layers_shown.up', { title }), disabled: index === 0 }, '▲');
  const down = el('button', { type: 'button', class: 'icon-button shown-down', 'aria-label': t('layers_shown.down', { title }), title: t('layers_shown.down', { title }), disabled: index === count - 1 }, '▼');
  const hide = el('button', { type: 'button', class: 'icon-button shown-hide', 'aria-label': t('layers_shown.hide', { title }), title: t('layers_shown.hide', { title }) }, '×');
  const row = el('li', { class: 'shown-row', 'data-layer-id': def.id, draggable: 'true' },
    el('span', { class: 'drag-handle', 'aria-hidden': 'true' }, '⋮⋮'),
    el('span', { class: 'shown-title' }, title), up, down, hide);
  up.addEventListener('click', () => move(def.id, -1, 'shown-up'));
  down.addEventListener('click', () => move(def.id, 1, 'shown-down'));
  hide.addEventListener('click', () => actions.toggle(def.id, false));
  row.addEventListener('keydown', (event) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    move(def.id, event.key === 'ArrowUp' ? -1 : 1, event.key === 'ArrowUp' ? 'shown-up' : 'shown-down');
  });
  enableDrop(row, def.id, actions);
  return row;
}

function enableDrop(row: HTMLElement, id: string, actions: ShownLayersActions): void {
  row.addEventListener('dragstart', (event) => {
    event.dataTransfer?.setData('text/plain', id);
    row.classList.add('dragging');
  });
  row.addEventListener('dragend', () => row.classList.remove('dragging'));
  row.addEventListener('dragover', (event) => {
    if (document.querySelector('.shown-row.dragging')) event.preventDefault();
  });
  row.addEventListener('drop', (event) => {
    event.preventDefault();
    const dragged = event.dataTransfer?.getData('text/plain');
    if (!dragged || dragged === id) return;
    const box = row.getBoundingClientRect();
    actions.reorder(dragged, id, event.clientY > box.top + box.height / 2 ? 'after' : 'before');
  });
}
