// "New version available — reload": shown when a new service worker waits. The page keeps the
// version it started with until the user reloads, so old and new files never run mixed.
import { t } from '../i18n';
import { el } from './dom';

export function showUpdatePrompt(onReload: () => void): void {
  document.getElementById('pwa-update')?.remove();
  const reload = el('button', { type: 'button', id: 'pwa-reload', style: 'padding:4px 10px;cursor:pointer' }, t('pwa.reload'));
  reload.addEventListener('click', onReload);
  const box = el('div', {
    id: 'pwa-update', role: 'status',
    style: 'position:fixed;bottom:16px;left:50%;transform:translateX(-50%);z-index:30;background:#202124;color:#fff;' +
      'padding:8px 12px;border-radius:6px;display:flex;gap:10px;align-items:center;max-width:calc(100vw - 24px)',
  }, el('span', {}, `${t('pwa.update')} — `), reload);
  document.body.appendChild(box);
}
