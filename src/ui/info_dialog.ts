// The "about this layer" view: producer, licence, data date, description.
import type { LayerDefinition } from '../catalogue/types';
import { pick, t } from '../i18n';
import { append, clear, el } from './dom';

export interface InfoDialog {
  open(def: LayerDefinition, groupTitle: string, opener: HTMLElement): void;
}

export function mountInfoDialog(container: HTMLElement): InfoDialog {
  const dialog = el('dialog', { id: 'layer-info', 'aria-labelledby': 'layer-info-title' });
  container.appendChild(dialog);
  let returnFocus: HTMLElement | undefined;
  dialog.addEventListener('close', () => returnFocus?.focus());
  return {
    open(def, groupTitle, opener) {
      returnFocus = opener;
      clear(dialog);
      const close = el('button', { type: 'button', class: 'dialog-close' }, t('info.close'));
      close.addEventListener('click', () => dialog.close());
      append(dialog, [
        el('h2', { id: 'layer-info-title' }, pick(def.title)),
        def.synthetic && el('p', { class: 'legend-synthetic' }, t('panel.synthetic')),
        el('p', { class: 'layer-info-description' }, pick(def.description)),
        facts(def, groupTitle),
        close,
      ]);
      dialog.showModal();
    },
  };
}

function facts(def: LayerDefinition, groupTitle: string): HTMLElement {
  const list = el('dl', { class: 'layer-info-facts' });
  const add = (label: string, value: Node | string) => list.append(el('dt', {}, label), el('dd', {}, value));
  add(t('info.group'), groupTitle);
  add(t('info.organisation'), pick(def.attribution.organisation));
  add(t('info.licence'), def.attribution.licence);
  add(t('info.date'), def.attribution.date);
  add(t('info.source'), def.source.url);
  const link = safeLink(def.attribution.url);
  if (link) add(t('info.link'), el('a', { href: link, target: '_blank', rel: 'noopener noreferrer' }, link));
  return list;
}

/** Only http(s) links are clickable: a javascript: URL in a layer file stays inert text. */
function safeLink(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
