// The "Add data" form shown in the side sheet: a URL field, a file input with a drop zone, and a
// message line. It only collects input and shows results; opening is done by the feature.
import { t } from '../i18n';
import { el } from './dom';
import { VECTOR_ACCEPT } from './add_data_vector';

export interface AddDataFormActions {
  addUrl(text: string): void;
  addFiles(files: File[]): void;
}

export interface AddDataForm {
  element: HTMLElement;
  /** Shows progress, success or an error under the form. */
  say(kind: 'busy' | 'ok' | 'error', text: string): void;
  setBusy(busy: boolean): void;
}

const BUTTON = 'padding:6px 10px;min-height:36px;border-radius:4px;cursor:pointer';
const ZONE = 'display:block;border:2px dashed #8a94a6;border-radius:8px;padding:14px;text-align:center;cursor:pointer;margin:6px 0';

export function renderAddDataForm(actions: AddDataFormActions, initialUrl = ''): AddDataForm {
  const url = el('input', { type: 'url', id: 'add-data-url', name: 'url', placeholder: 'https://…/fichier.tif', value: initialUrl, autocomplete: 'off', style: 'flex:1;min-width:0;padding:6px' });
  const submit = el('button', { type: 'submit', id: 'add-data-submit', style: BUTTON }, t('add_data.add'));
  const urlForm = el('form', { class: 'add-data-url-form' },
    el('label', { for: 'add-data-url', style: 'display:block;font-weight:600;margin-bottom:4px' }, t('add_data.url_label')),
    el('div', { style: 'display:flex;gap:6px' }, url, submit),
    el('p', { class: 'add-data-hint', style: 'margin:4px 0 0;color:#555;font-size:0.85rem' }, t('add_data.url_hint')));
  urlForm.addEventListener('submit', (event) => {
    event.preventDefault();
    actions.addUrl(url.value);
  });

  const input = el('input', { type: 'file', id: 'add-data-file', accept: `.tif,.tiff,.pmtiles,${VECTOR_ACCEPT}`, multiple: true, style: 'position:absolute;width:1px;height:1px;opacity:0' });
  const zone = el('label', { for: 'add-data-file', class: 'add-data-drop', style: ZONE },
    el('strong', {}, t('add_data.drop')), el('br'), el('span', { style: 'font-size:0.85rem' }, t('add_data.drop_hint')));
  input.addEventListener('change', () => {
    if (input.files?.length) actions.addFiles([...input.files]);
    input.value = '';
  });
  wireDrop(zone, actions);

  const message = el('p', { class: 'add-data-message', role: 'status', 'aria-live': 'polite', style: 'margin:8px 0;white-space:pre-line' });
  const element = el('div', { class: 'add-data' },
    urlForm,
    el('p', { style: 'font-weight:600;margin:14px 0 4px' }, t('add_data.file_label')),
    input, zone,
    el('p', { class: 'add-data-local-note', style: 'margin:4px 0;color:#555;font-size:0.85rem' }, t('add_data.local_note')),
    message);

  return {
    element,
    say(kind, text) {
      message.textContent = text;
      message.dataset.kind = kind;
      message.style.color = kind === 'error' ? '#b00020' : kind === 'ok' ? '#1b5e20' : '#333';
      if (kind === 'error') message.setAttribute('role', 'alert');
      else message.setAttribute('role', 'status');
    },
    setBusy(busy) {
      submit.disabled = busy;
      element.setAttribute('aria-busy', String(busy));
    },
  };
}

function wireDrop(zone: HTMLElement, actions: AddDataFormActions): void {
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.style.background = '#eef3fb';
  });
  zone.addEventListener('dragleave', () => { zone.style.background = ''; });
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.style.background = '';
    const files = [...(event.dataTransfer?.files ?? [])];
    if (files.length > 0) actions.addFiles(files);
  });
}
