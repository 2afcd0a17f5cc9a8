// Short messages for the user (bad link values, failed layers); announced to screen readers.
import { t } from '../i18n';
import { el } from './dom';

export type NoticeKind = 'info' | 'warning' | 'error';

export interface Notices {
  show(message: string, kind?: NoticeKind): void;
}

const MAX_NOTICES = 5;
const LIFETIME_MS = 15000;

export function mountNotices(container: HTMLElement): Notices {
  const list = el('div', { id: 'notices', role: 'status', 'aria-live': 'polite' });
  container.appendChild(list);
  return {
    show(message, kind = 'warning') {
      const dismiss = el('button', { type: 'button', class: 'notice-dismiss', 'aria-label': t('notices.dismiss') }, '×');
      const notice = el('div', { class: `notice notice-${kind}` }, el('span', {}, message), dismiss);
      dismiss.addEventListener('click', () => notice.remove());
      list.appendChild(notice);
      while (list.children.length > MAX_NOTICES) list.firstElementChild?.remove();
      setTimeout(() => notice.remove(), LIFETIME_MS);
    },
  };
}
