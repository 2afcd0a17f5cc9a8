// "No offline data here": said plainly over the map when the browser is offline and the view
// meets no saved area (otherwise the map would just stay empty).
import { t } from '../i18n';
import { el } from './dom';

export interface OfflineBanner {
  element: HTMLElement;
  show(on: boolean): void;
  relabel(): void;
}

export function mountOfflineBanner(mapHost: HTMLElement): OfflineBanner {
  const banner = el('div', {
    id: 'offline-banner', role: 'status', hidden: true,
    style: 'position:absolute;top:50%;left:50%;transform:translate(-50%,-50%);z-index:5;pointer-events:none;' +
      'background:rgba(32,33,36,0.88);color:#fff;padding:10px 16px;border-radius:6px;font-size:1rem;max-width:80%;text-align:center',
  });
  const relabel = () => { banner.textContent = t('offline.no_data_here'); };
  relabel();
  mapHost.appendChild(banner);
  return {
    element: banner,
    show: (on) => { banner.hidden = !on; },
    relabel,
  };
}
