// The toolbar button "Zone inondable ?" and the prompt shown while the user picks a point.
import { t } from '../i18n';
import { el } from './dom';
import { addTool } from './toolbar';

export interface VerdictButton {
  element: HTMLButtonElement;
  setPicking(on: boolean): void;
  relabel(): void;
}

export function mountVerdictButton(toolbar: HTMLElement, onClick: () => void): VerdictButton {
  const button = el('button', {
    type: 'button', id: 'verdict-button', 'aria-pressed': 'false',
  });
  button.addEventListener('click', onClick);
  const relabel = () => {
    button.title = t('verdict.button_title');
  };
  relabel();
  addTool(toolbar, button);
  return {
    element: button,
    setPicking: (on) => button.setAttribute('aria-pressed', String(on)),
    relabel,
  };
}

export function renderVerdictPrompt(onCentre: () => void, onCancel: () => void): HTMLElement {
  const centre = el('button', { type: 'button', class: 'verdict-use-centre', style: 'padding:4px 8px;cursor:pointer' }, t('verdict.use_centre'));
  const cancel = el('button', { type: 'button', class: 'verdict-cancel', style: 'padding:4px 8px;cursor:pointer' }, t('verdict.cancel'));
  centre.addEventListener('click', onCentre);
  cancel.addEventListener('click', onCancel);
  return el('div', { class: 'verdict-prompt' },
    el('p', { role: 'status' }, t('verdict.pick_prompt')),
    el('p', { style: 'display:flex;gap:8px;flex-wrap:wrap' }, centre, cancel));
}
