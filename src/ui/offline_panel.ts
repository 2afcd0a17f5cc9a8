// The "Take offline" panel: area and zoom range, size estimate, download with progress and
// pause / resume / cancel, and the list of areas on this device with their size and date.
// It only draws; the feature (app/feature_offline.ts) owns the download.
import { t } from '../i18n';
import { el } from './dom';
import { formatBytes, formatDateTime } from './offline_format';

export interface AreaChoice { id: string; label: string }
export interface AreaLine { id: string; name: string; bytes: number; minZoom: number; maxZoom: number; created: string }

export type Phase = 'idle' | 'estimating' | 'estimated' | 'downloading' | 'paused';

export interface OfflineModel {
  phase: Phase;
  choices: AreaChoice[];
  estimate: { bytes: number; files: number } | null;
  freeBytes: number | null;
  progress: { done: number; total: number } | null;
  /** The last outcome, said once in the status line. */
  message: { text: string; kind: 'info' | 'error' } | null;
  areas: AreaLine[];
}

export interface OfflineActions {
  estimate(area: string, minZoom: number, maxZoom: number): void;
  download(): void;
  pause(): void;
  resume(): void;
  cancel(): void;
  remove(id: string, name: string): void;
}

export interface OfflinePanel {
  element: HTMLElement;
  update(model: OfflineModel): void;
}

const FIELD = 'display:flex;flex-direction:column;gap:2px;font-size:0.9rem';
const BUTTON = 'padding:6px 10px;cursor:pointer';

export function renderOfflinePanel(actions: OfflineActions, zoomDefaults: [number, number]): OfflinePanel {
  const area = el('select', { id: 'offline-area' });
  const zoomInput = (id: string, value: number) => el('input', { id, type: 'number', min: 0, max: 18, step: 1, value, inputmode: 'numeric', style: 'width:5em' });
  const from = zoomInput('offline-zoom-from', zoomDefaults[0]);
  const to = zoomInput('offline-zoom-to', zoomDefaults[1]);
  const estimate = el('button', { type: 'button', id: 'offline-estimate', style: BUTTON }, t('offline.estimate'));
  const download = el('button', { type: 'button', id: 'offline-download', style: BUTTON }, t('offline.download'));
  const pause = el('button', { type: 'button', id: 'offline-pause', style: BUTTON });
  const cancel = el('button', { type: 'button', id: 'offline-cancel', style: BUTTON }, t('offline.cancel'));
  const bar = el('progress', { id: 'offline-progress', max: 1, value: 0, 'aria-label': t('offline.title'), style: 'width:100%' });
  const sizeLine = el('p', { class: 'offline-estimate' });
  const status = el('p', { id: 'offline-status', role: 'status', 'aria-live': 'polite' });
  const list = el('ul', { id: 'offline-areas', style: 'list-style:none;padding:0;margin:0;display:flex;flex-direction:column;gap:6px' });
  let model: OfflineModel | null = null;

  estimate.addEventListener('click', () => actions.estimate(area.value, Number(from.value), Number(to.value)));
  download.addEventListener('click', () => actions.download());
  pause.addEventListener('click', () => (model?.phase === 'paused' ? actions.resume() : actions.pause()));
  cancel.addEventListener('click', () => actions.cancel());

  const element = el('div', { class: 'offline-panel', style: 'display:flex;flex-direction:column;gap:10px;max-width:100%' },
    el('p', { style: 'margin:0;font-size:0.9rem' }, t('offline.intro')),
    el('label', { style: FIELD }, t('offline.area'), area),
    el('div', { style: 'display:flex;gap:12px;flex-wrap:wrap' },
      el('label', { style: FIELD }, t('offline.zoom_from'), from),
      el('label', { style: FIELD }, t('offline.zoom_to'), to)),
    el('div', { style: 'display:flex;gap:8px;flex-wrap:wrap' }, estimate, download, pause, cancel),
    sizeLine, bar, status,
    el('h3', { style: 'margin:8px 0 0;font-size:1rem' }, t('offline.areas')), list);

  const update = (next: OfflineModel) => {
    model = next;
    fillChoices(area, next.choices);
    const busy = next.phase === 'estimating' || next.phase === 'downloading' || next.phase === 'paused';
    for (const input of [area, from, to, estimate]) input.disabled = busy;
    const tooBig = next.estimate !== null && next.freeBytes !== null && next.freeBytes < next.estimate.bytes;
    download.disabled = next.phase !== 'estimated' || tooBig;
    pause.hidden = cancel.hidden = !(next.phase === 'downloading' || next.phase === 'paused');
    pause.textContent = t(next.phase === 'paused' ? 'offline.resume' : 'offline.pause');
    sizeLine.textContent = sizeText(next);
    if (next.estimate) sizeLine.dataset.bytes = String(next.estimate.bytes);
    bar.hidden = !next.progress;
    if (next.progress) {
      bar.max = Math.max(1, next.progress.total);
      bar.value = next.progress.done;
    }
    status.textContent = statusText(next);
    status.style.color = next.message?.kind === 'error' ? '#a50e0e' : '';
    fillAreas(list, next.areas, actions);
  };
  return { element, update };
}

function fillChoices(select: HTMLSelectElement, choices: AreaChoice[]): void {
  const same = select.options.length === choices.length && choices.every((c, i) => select.options[i]?.value === c.id);
  if (same) return;
  const keep = select.value;
  select.replaceChildren(...choices.map((c) => el('option', { value: c.id }, c.label)));
  if (choices.some((c) => c.id === keep)) select.value = keep;
}

function sizeText(model: OfflineModel): string {
  if (model.phase === 'estimating') return t('offline.estimating');
  if (!model.estimate) return '';
  const parts = [t('offline.estimate_result', { size: formatBytes(model.estimate.bytes), files: model.estimate.files })];
  if (model.freeBytes !== null) {
    parts.push(model.freeBytes < model.estimate.bytes
      ? t('offline.storage_short', { need: formatBytes(model.estimate.bytes), free: formatBytes(model.freeBytes) })
      : t('offline.storage_free', { size: formatBytes(model.freeBytes) }));
  }
  return parts.join(' ');
}

function statusText(model: OfflineModel): string {
  const p = model.progress;
  if (p && model.phase === 'downloading') return t('offline.progress', { done: formatBytes(p.done), total: formatBytes(p.total) });
  if (p && model.phase === 'paused') return t('offline.paused', { done: formatBytes(p.done), total: formatBytes(p.total) });
  return model.message?.text ?? '';
}

function fillAreas(list: HTMLUListElement, areas: AreaLine[], actions: OfflineActions): void {
  if (areas.length === 0) {
    list.replaceChildren(el('li', {}, t('offline.none')));
    return;
  }
  list.replaceChildren(...areas.map((area) => {
    const remove = el('button', { type: 'button', class: 'offline-delete', style: BUTTON, 'aria-label': t('offline.delete_label', { name: area.name }) }, t('offline.delete'));
    remove.addEventListener('click', () => actions.remove(area.id, area.name));
    const text = t('offline.area_line', { name: area.name, size: formatBytes(area.bytes), from: area.minZoom, to: area.maxZoom, date: formatDateTime(area.created) });
    return el('li', { class: 'offline-area', 'data-bytes': area.bytes, style: 'display:flex;gap:8px;align-items:center;justify-content:space-between;flex-wrap:wrap' },
      el('span', {}, text), remove);
  }));
}
