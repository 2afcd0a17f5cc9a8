// The "My location" panel: show / follow the position, record a track and export it as GPX.
// Messages (position, refused, unavailable) go to one status line read by screen readers.
import { t } from '../i18n';
import { el } from './dom';

export interface GpsPanelActions {
  locate(): void;
  toggleRecording(): void;
  exportGpx(): void;
}

export interface GpsPanel {
  element: HTMLElement;
  setRecording(on: boolean): void;
  /** After a first fix the button says "follow", pressed while the map follows the position. */
  setFollowing(located: boolean, following: boolean): void;
  setStatus(text: string, isError?: boolean): void;
  setTrack(text: string): void;
}

const BUTTON = 'padding:6px 10px;cursor:pointer';

export function renderGpsPanel(actions: GpsPanelActions): GpsPanel {
  const locate = el('button', { type: 'button', id: 'gps-locate', style: BUTTON }, t('gps.locate'));
  const record = el('button', { type: 'button', id: 'gps-record', 'aria-pressed': 'false', style: BUTTON }, t('gps.record'));
  const exportButton = el('button', { type: 'button', id: 'gps-export', style: BUTTON }, t('gps.export'));
  const status = el('p', { id: 'gps-status', role: 'status', 'aria-live': 'polite', style: 'margin:0' });
  const track = el('p', { id: 'gps-track', style: 'margin:0;font-size:0.9rem' });
  locate.addEventListener('click', actions.locate);
  record.addEventListener('click', actions.toggleRecording);
  exportButton.addEventListener('click', actions.exportGpx);
  const element = el('div', { class: 'gps-panel', style: 'display:flex;flex-direction:column;gap:10px' },
    el('div', { style: 'display:flex;gap:8px;flex-wrap:wrap' }, locate, record, exportButton), status, track);
  return {
    element,
    setRecording: (on) => {
      record.setAttribute('aria-pressed', String(on));
      record.textContent = t(on ? 'gps.stop' : 'gps.record');
    },
    setFollowing: (located, following) => {
      locate.textContent = t(located ? 'gps.follow' : 'gps.locate');
      if (located) locate.setAttribute('aria-pressed', String(following));
    },
    setStatus: (text, isError = false) => {
      status.textContent = text;
      status.style.color = isError ? '#a50e0e' : '';
    },
    setTrack: (text) => { track.textContent = text; },
  };
}
