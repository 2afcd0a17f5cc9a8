// A layer's legend, generated from its catalogue entry.
import type { Legend, LegendItem } from '../catalogue/types';
import { pick, t } from '../i18n';
import { el } from './dom';

export function renderLegend(legend: Legend, synthetic: boolean): HTMLElement {
  const box = el('div', { class: 'layer-legend' });
  if (synthetic) box.appendChild(el('p', { class: 'legend-synthetic' }, t('panel.synthetic')));
  box.appendChild(legend.type === 'ramp' ? renderRamp(legend.items) : renderCategories(legend.items));
  return box;
}

function renderCategories(items: LegendItem[]): HTMLElement {
  return el(
    'ul',
    { class: 'legend-items' },
    ...items.map((item) =>
      el('li', {}, swatch(item), el('span', { class: 'legend-label' }, pick(item.label))),
    ),
  );
}

function renderRamp(items: LegendItem[]): HTMLElement {
  const bar = el('div', { class: 'legend-ramp', 'aria-hidden': 'true' });
  // A CSS gradient from catalogue colours; setProperty keeps it out of any HTML string.
  bar.style.setProperty('background', `linear-gradient(to right, ${items.map((i) => i.color).join(', ')})`);
  const first = items[0];
  const last = items[items.length - 1];
  return el(
    'div',
    { class: 'legend-ramp-box' },
    bar,
    el(
      'div',
      { class: 'legend-ramp-labels' },
      el('span', {}, first ? pick(first.label) : ''),
      el('span', {}, last && items.length > 1 ? pick(last.label) : ''),
    ),
  );
}

function swatch(item: LegendItem): HTMLElement {
  const shape = item.shape ?? 'fill';
  const box = el('span', { class: `legend-swatch legend-swatch-${shape}`, 'aria-hidden': 'true' });
  box.style.setProperty('--swatch-color', item.color);
  return box;
}
