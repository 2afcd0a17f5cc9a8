// The comparison form in the side sheet: for each layer, a "left" and a "right" checkbox, and a
// button that ends the comparison. Left is the main map (the layer panel shows the same).
// `dates`: the comparison's date section (compare_dates.ts), shown above the table.
import type { LayerDefinition } from '../catalogue/types';
import { pick, t } from '../i18n';
import { el } from './dom';
import type { CompareState } from '../state/codecs/compare';

export interface ComparePanelActions {
  setSide(id: string, side: 'left' | 'right', on: boolean): void;
  stop(): void;
}

export function renderComparePanel(
  layers: LayerDefinition[],
  state: CompareState,
  actions: ComparePanelActions,
  dates?: HTMLElement,
): HTMLElement {
  const rows = layers.map((def) => {
    const title = pick(def.title);
    const box = (side: 'left' | 'right') => {
      const input = el('input', {
        type: 'checkbox', class: `compare-${side}`, 'data-layer-id': def.id,
        'aria-label': t(`compare.${side}_layer`, { title }),
      });
      input.checked = state[side].includes(def.id);
      input.addEventListener('change', () => actions.setSide(def.id, side, input.checked));
      return el('td', { style: 'text-align:center' }, input);
    };
    return el('tr', {}, el('th', { scope: 'row', style: 'text-align:left;font-weight:normal;padding:2px 4px' }, title), box('left'), box('right'));
  });
  const table = el('table', { class: 'compare-table', style: 'width:100%;border-collapse:collapse;font-size:0.85rem' },
    el('caption', { style: 'text-align:left;padding-bottom:6px' }, t('compare.caption')),
    el('thead', {}, el('tr', {},
      el('th', { scope: 'col', style: 'text-align:left' }, t('compare.layer')),
      el('th', { scope: 'col' }, t('compare.left')),
      el('th', { scope: 'col' }, t('compare.right')))),
    el('tbody', {}, ...rows));
  const stop = el('button', { type: 'button', class: 'compare-stop', style: 'margin-top:10px;padding:6px 10px' }, t('compare.stop'));
  stop.addEventListener('click', () => actions.stop());
  return el('div', { class: 'compare-panel' },
    el('p', { style: 'margin:0 0 8px;font-size:0.85rem' }, t('compare.help')), dates, table, stop);
}
