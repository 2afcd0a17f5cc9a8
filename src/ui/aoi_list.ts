// The list of saved AOIs: name (renamable in place), and per AOI Report, Zoom and Delete buttons.
import { t } from '../i18n';
import type { Aoi } from '../state/aoi_store';
import { el } from './dom';

export interface AoiListActions {
  rename(id: string, name: string): void;
  remove(id: string): void;
  report(aoi: Aoi): void;
  zoom(aoi: Aoi): void;
}

export function renderAoiList(aois: Aoi[], actions: AoiListActions): HTMLElement {
  if (aois.length === 0) return el('p', { class: 'aoi-empty' }, t('aoi.empty'));
  return el('ul', { class: 'aoi-list' }, ...aois.map((aoi) => aoiRow(aoi, actions)));
}

function aoiRow(aoi: Aoi, actions: AoiListActions): HTMLLIElement {
  const name = el('span', { class: 'aoi-name' }, aoi.name);
  const report = button('aoi-report', t('aoi.report'), t('aoi.report_for', { name: aoi.name }));
  const zoom = button('aoi-zoom', t('aoi.zoom_short'), t('aoi.zoom', { name: aoi.name }));
  const rename = button('aoi-rename', t('aoi.rename_short'), t('aoi.rename', { name: aoi.name }));
  const remove = button('aoi-delete', t('aoi.delete_short'), t('aoi.delete', { name: aoi.name }));
  const row = el('li', { class: 'aoi-row', 'data-aoi-id': aoi.id },
    el('div', { class: 'aoi-row-head' }, name),
    aoi.approximate ? el('p', { class: 'aoi-approximate' }, t('aoi.approximate')) : null,
    el('div', { class: 'aoi-row-actions' }, report, zoom, rename, remove));
  rename.addEventListener('click', () => startRename(row, name, aoi, actions));
  zoom.addEventListener('click', () => actions.zoom(aoi));
  report.addEventListener('click', () => actions.report(aoi));
  remove.addEventListener('click', () => actions.remove(aoi.id));
  return row;
}

/** Replaces the name by a text field: Enter or leaving the field saves, Escape cancels. */
function startRename(row: HTMLElement, name: HTMLElement, aoi: Aoi, actions: AoiListActions): void {
  const input = el('input', { type: 'text', class: 'aoi-name-input', maxlength: 60, 'aria-label': t('aoi.new_name') });
  input.value = aoi.name;
  name.replaceWith(input);
  input.focus();
  input.select();
  let done = false;
  const finish = (save: boolean) => {
    if (done) return;
    done = true;
    if (save && input.value.trim() && input.value.trim() !== aoi.name) actions.rename(aoi.id, input.value);
    else input.replaceWith(name);
    row.querySelector<HTMLButtonElement>('.aoi-rename')?.focus();
  };
  input.addEventListener('keydown', (event) => {
    if (event.key === 'Enter') finish(true);
    if (event.key === 'Escape') {
      event.stopPropagation();
      finish(false);
    }
  });
  input.addEventListener('blur', () => finish(true));
}

/** A short visible text; the accessible name also says which area (several rows have the same buttons). */
function button(className: string, text: string, label: string): HTMLButtonElement {
  return el('button', { type: 'button', class: `aoi-action ${className}`, 'aria-label': label, title: label }, text);
}
