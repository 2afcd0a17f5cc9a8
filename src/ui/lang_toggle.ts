// The one-click language switch (French first, English one click away).
import type { Lang } from '../catalogue/types';
import { t } from '../i18n';
import { el } from './dom';

export function mountLangToggle(container: HTMLElement, current: Lang, onSwitch: (lang: Lang) => void): HTMLButtonElement {
  const other: Lang = current === 'fr' ? 'en' : 'fr';
  const button = el('button', {
    type: 'button', id: 'lang-toggle', lang: other, title: t('lang.switch_label'),
  },
  // Named by the language's full name; on phones that name is kept for screen readers only and
  // the two-letter code is shown instead (toolbar.css).
  el('span', { class: 'lang-long' }, t('lang.switch')),
  el('span', { class: 'lang-short', 'aria-hidden': 'true' }, other.toUpperCase()));
  button.addEventListener('click', () => onSwitch(other));
  container.appendChild(button);
  return button;
}
