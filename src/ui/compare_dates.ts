// The comparison's dates in the side sheet: the right side's date (a select of the layer's actual
// times; "from"/"to" selects where the layer takes ranges), a button back to the left's time,
// and the one-click preset "same layer, another date".
import type { Lang } from '../catalogue/types';
import { t } from '../i18n';
import type { TimeKind } from '../queries/time_values';
import type { TimeSelection } from '../state/time_state';
import { el } from './dom';
import { formatTime } from './time_format';

export interface CompareDatesModel {
  /** The right side's time layer and what it shows; null when the right has none. */
  right: { title: string; kind: TimeKind; values: string[]; selection: TimeSelection; own: boolean; allowRange: boolean } | null;
  /** The left's time layer (the preset compares it with itself); null when the left has none. */
  left: { title: string } | null;
  lang: Lang;
}

export interface CompareDatesActions {
  /** undefined: the right follows the left's time. */
  setRightTime(selection: TimeSelection | undefined): void;
  sameLayerAnotherDate(): void;
}

const ROW = 'display:flex;align-items:center;gap:6px;flex-wrap:wrap;margin:4px 0';

export function renderCompareDates(model: CompareDatesModel, actions: CompareDatesActions): HTMLElement {
  const section = el('section', { class: 'compare-dates', style: 'margin:0 0 12px;font-size:0.85rem' },
    el('h3', { style: 'font-size:0.9rem;margin:0 0 6px' }, t('compare.dates')));
  if (model.left) {
    const preset = el('button', { type: 'button', class: 'compare-same-layer', style: 'padding:6px 10px;margin-bottom:6px', title: t('compare.same_layer_hint', { layer: model.left.title }) }, t('compare.same_layer'));
    preset.addEventListener('click', () => actions.sameLayerAnotherDate());
    section.appendChild(preset);
  }
  if (!model.right) {
    section.appendChild(el('p', { class: 'compare-no-time', style: 'margin:4px 0' }, t('compare.no_right_time')));
    return section;
  }
  const { right } = model;
  section.appendChild(el('p', { style: 'margin:4px 0' }, t('compare.right_time', { layer: right.title })));
  section.appendChild(right.allowRange ? rangePickers(model, actions) : singlePicker(model, actions));
  const follow = el('button', { type: 'button', class: 'compare-follow', style: 'padding:4px 8px', disabled: !right.own }, t('compare.follow_left'));
  follow.addEventListener('click', () => actions.setRightTime(undefined));
  section.appendChild(el('div', { style: ROW }, follow));
  return section;
}

function timeSelect(model: CompareDatesModel, className: string, label: string, chosen: string): HTMLSelectElement {
  const { kind, values } = model.right!;
  const select = el('select', { class: className, 'aria-label': label, style: 'font:inherit;padding:2px' },
    ...values.map((value) => el('option', { value }, formatTime(kind, value, model.lang))));
  select.value = chosen;
  return select;
}

function singlePicker(model: CompareDatesModel, actions: CompareDatesActions): HTMLElement {
  const { selection } = model.right!;
  const current = selection.mode === 'single' ? selection.value : selection.from;
  const select = timeSelect(model, 'compare-right-time', t('compare.right_date'), current);
  select.addEventListener('change', () => actions.setRightTime({ mode: 'single', value: select.value }));
  return el('label', { style: ROW }, t('compare.right_date'), select);
}

function rangePickers(model: CompareDatesModel, actions: CompareDatesActions): HTMLElement {
  const { selection, values } = model.right!;
  const [from, to] = selection.mode === 'single' ? [selection.value, selection.value] : [selection.from, selection.to];
  const fromSelect = timeSelect(model, 'compare-right-from', t('compare.right_from'), from);
  const toSelect = timeSelect(model, 'compare-right-to', t('compare.right_to'), to);
  const changed = () => {
    const [a, b] = [fromSelect.value, toSelect.value].sort((x, y) => values.indexOf(x) - values.indexOf(y)) as [string, string];
    actions.setRightTime(a === b ? { mode: 'single', value: a } : { mode: 'range', from: a, to: b });
  };
  fromSelect.addEventListener('change', changed);
  toSelect.addEventListener('change', changed);
  return el('div', { style: ROW },
    el('label', {}, `${t('compare.right_from')} `, fromSelect),
    el('label', {}, `${t('compare.right_to')} `, toSelect));
}
