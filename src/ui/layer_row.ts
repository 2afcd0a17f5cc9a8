// One row of the layer panel: toggle, status, opacity, info, legend. The drawing order is
// changed in "Layers on the map" (shown_layers.ts), which lists layers as the map draws them.
import type { LayerDefinition } from '../catalogue/types';
import type { LoadedLayer } from '../catalogue/load';
import { pick, t } from '../i18n';
import type { LayerStatus } from '../state/layer_status';
import { el } from './dom';
import { renderLayerLegend } from './legend';
import { layerErrorText } from './layer_error_text';

export interface RowActions {
  toggle(id: string, on: boolean): void;
  opacity(id: string, value: number): void;
  info(def: LayerDefinition, opener: HTMLElement): void;
}

export interface LayerRow {
  element: HTMLLIElement;
  update(opacity: number | undefined, status: LayerStatus | undefined): void;
}

export function layerRow(layer: LoadedLayer, actions: RowActions): LayerRow {
  return layer.def ? definedRow(layer.def, actions) : brokenRow(layer);
}

function definedRow(def: LayerDefinition, actions: RowActions): LayerRow {
  const title = pick(def.title);
  const toggleId = `toggle-${def.id}`;
  const toggle = el('input', { type: 'checkbox', class: 'layer-toggle', id: toggleId });
  const opacity = el('input', {
    type: 'range', class: 'layer-opacity', min: 0, max: 100, step: 5, 'aria-label': t('panel.opacity', { title }),
  });
  const status = el('span', { class: 'layer-status', 'aria-live': 'polite' });
  const error = el('p', { class: 'layer-error', hidden: true });
  const info = iconButton('layer-info', 'i', t('panel.info', { title }));
  const body = el('div', { class: 'layer-body' }, opacity, renderLayerLegend(def));
  const element = el(
    'li',
    { class: 'layer', 'data-layer-id': def.id, 'data-state': 'idle' },
    el('div', { class: 'layer-head' },
      toggle,
      el('label', { for: toggleId, class: 'layer-title' }, title),
      status, info),
    error,
    body,
  );
  toggle.addEventListener('change', () => actions.toggle(def.id, toggle.checked));
  opacity.addEventListener('input', () => actions.opacity(def.id, Number(opacity.value) / 100));
  info.addEventListener('click', () => actions.info(def, info));
  return {
    element,
    update(value, layerStatus) {
      toggle.checked = value !== undefined;
      body.hidden = value === undefined;
      if (value !== undefined) opacity.value = String(Math.round(value * 100));
      showStatus(element, status, error, layerStatus, title);
    },
  };
}

function brokenRow(layer: LoadedLayer): LayerRow {
  const message = layer.error ? errorText(layer) : '';
  const element = el(
    'li',
    { class: 'layer', 'data-layer-id': layer.id, 'data-state': 'error' },
    el('div', { class: 'layer-head' },
      el('input', { type: 'checkbox', class: 'layer-toggle', disabled: true, 'aria-label': layer.file }),
      el('span', { class: 'layer-title' }, layer.file),
      el('span', { class: 'layer-status' }, t('panel.state_error'))),
    el('p', { class: 'layer-error' }, message),
  );
  return { element, update() {} };
}

export function errorText(layer: LoadedLayer): string {
  const error = layer.error;
  if (!error) return '';
  if (error.kind === 'fetch') return t('errors.layer_fetch', { file: layer.file, message: error.message });
  if (error.kind === 'json') return t('errors.layer_json', { file: layer.file, message: error.message });
  const count = error.problems?.length ?? 1;
  const detail = count > 1 ? t('errors.problems', { count, first: error.message }) : error.message;
  return t('errors.layer_file', { file: layer.file, message: detail });
}

function showStatus(row: HTMLElement, status: HTMLElement, error: HTMLElement, value: LayerStatus | undefined, title: string): void {
  const state = value?.state ?? 'idle';
  row.dataset.state = state;
  status.textContent = state === 'loading' ? t('panel.state_loading') : state === 'error' ? t('panel.state_error') : '';
  error.hidden = state !== 'error';
  error.textContent = state === 'error' ? layerErrorText(title, value?.problem ?? value?.message ?? '') : '';
}

function iconButton(cls: string, symbol: string, label: string): HTMLButtonElement {
  return el('button', { type: 'button', class: `icon-button ${cls}`, 'aria-label': label, title: label }, symbol);
}
