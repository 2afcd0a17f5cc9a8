// The AOI side-sheet content: draw buttons, file upload, messages, and the list of saved areas.
import './aoi_panel.css';
import { t } from '../i18n';
import type { DrawShape } from '../map/aoi_draw';
import type { Aoi } from '../state/aoi_store';
import { el } from './dom';
import { renderAoiList, type AoiListActions } from './aoi_list';
import { renderAoiUpload } from './aoi_upload';

export interface AoiPanelActions extends AoiListActions {
  draw(shape: DrawShape): void;
  cancelDraw(): void;
  upload(files: File[]): void;
}

export interface AoiPanel {
  element: HTMLElement;
  showList(aois: Aoi[]): void;
  showDrawing(shape: DrawShape | null): void;
  /** The shape's button busy (and the other words under it) while the drawing tool loads; null when done. */
  showLoading(shape: DrawShape | null): void;
  /** A message (and optional details, e.g. one line per repaired feature, and a button such as Cancel). */
  showStatus(message: string, kind: 'info' | 'error' | 'busy', details?: string[], action?: { label: string; run(): void }): void;
  /** Takes the message away (what it said no longer holds). */
  clearStatus(): void;
}

const SHAPES: DrawShape[] = ['polygon', 'rectangle', 'circle'];

export function renderAoiPanel(actions: AoiPanelActions): AoiPanel {
  const drawButtons = SHAPES.map((shape) => {
    const button = el('button', { type: 'button', class: 'aoi-draw-button', 'data-shape': shape, 'aria-pressed': 'false' },
      t(`aoi.draw_${shape}`));
    button.addEventListener('click', () => actions.draw(shape));
    return button;
  });
  const cancel = el('button', { type: 'button', class: 'aoi-draw-cancel', hidden: true }, t('aoi.draw_cancel'));
  cancel.addEventListener('click', () => actions.cancelDraw());
  const drawHint = el('p', { class: 'aoi-hint', 'aria-live': 'polite' }, t('aoi.draw_hint'));
  const status = el('div', { class: 'aoi-status', role: 'status', 'aria-live': 'polite' });
  const listHost = el('div', { class: 'aoi-list-host' });
  /** The button that had the focus when it became busy (a disabled button loses it). */
  let focusBack: HTMLElement | null = null;
  const element = el('div', { class: 'aoi-panel' },
    el('section', { class: 'aoi-section' },
      el('h3', {}, t('aoi.draw_title')),
      el('div', { class: 'aoi-draw-buttons' }, ...drawButtons, cancel),
      drawHint),
    renderAoiUpload(actions.upload),
    status,
    el('section', { class: 'aoi-section' }, el('h3', {}, t('aoi.list_title')), listHost));

  return {
    element,
    showList(aois) {
      listHost.replaceChildren(renderAoiList(aois, actions));
    },
    showDrawing(shape) {
      drawButtons.forEach((button) => button.setAttribute('aria-pressed', String(button.dataset.shape === shape)));
      cancel.hidden = shape === null;
      drawHint.textContent = shape ? t(`aoi.draw_hint_${shape}`) : t('aoi.draw_hint');
    },
    showLoading(shape) {
      for (const button of drawButtons) {
        const busy = button.dataset.shape === shape;
        if (busy && document.activeElement === button) focusBack = button;
        button.disabled = busy;
        button.setAttribute('aria-busy', String(busy));
      }
      drawHint.textContent = shape ? t('aoi_draw.loading') : t('aoi.draw_hint');
      if (shape) return;
      if (focusBack && (document.activeElement === document.body || document.activeElement === null)) focusBack.focus();
      focusBack = null;
    },
    clearStatus() {
      delete status.dataset.kind;
      status.setAttribute('aria-busy', 'false');
      status.replaceChildren();
    },
    showStatus(message, kind, details = [], action) {
      status.dataset.kind = kind;
      status.setAttribute('aria-busy', String(kind === 'busy'));
      status.replaceChildren(el('p', {}, message));
      if (details.length) status.appendChild(el('ul', { class: 'aoi-notes' }, ...details.map((line) => el('li', {}, line))));
      if (action) {
        const button = el('button', { type: 'button', class: 'aoi-action aoi-status-action' }, action.label);
        button.addEventListener('click', () => action.run());
        status.appendChild(button);
      }
    },
  };
}
