// What the side sheet shows about an added layer: where it comes from and what the file holds.
import type { LayerDefinition } from '../catalogue/types';
import { pick, t } from '../i18n';
import type { AddedData } from './add_data_open';
import { el } from './dom';
import { renderLayerLegend } from './legend';

export function renderAddedInfo(def: LayerDefinition, data: AddedData): HTMLElement {
  const facts = el('dl', { style: 'display:grid;grid-template-columns:auto 1fr;gap:2px 8px;margin:8px 0' });
  const fact = (label: string, value: string) => facts.append(el('dt', { style: 'font-weight:600' }, label), el('dd', { style: 'margin:0;overflow-wrap:anywhere' }, value));
  fact(t('info.source'), data.local ? data.name : data.key);
  if (data.cog) {
    fact(t('add_data.about_crs'), data.cog.crs);
    fact(t('add_data.about_size'), `${data.cog.width} × ${data.cog.height} × ${data.cog.bands} (${data.cog.dtype})`);
  }
  return el('div', { class: 'add-data-info' },
    el('p', {}, pick(def.description)),
    facts,
    data.local ? el('p', { style: 'color:#555;font-size:0.85rem' }, t('add_data.local_note')) : null,
    renderLayerLegend(def));
}
