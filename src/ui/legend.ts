// A layer's legend, generated from its catalogue entry, or a stand-in (e.g. for the bands the user picked).
import type { Legend, LegendItem, LayerDefinition } from '../catalogue/types';
import { pick, t } from '../i18n';
import { el } from './dom';

/**
 * Legends that stand in for a layer's catalogue legend while it is drawn otherwise (the band
 * picker's, ui/band_legend.ts): renderers, so their code loads with the feature, not the page.
 */
const standIns = new Map<string, () => HTMLElement>();

/** The legend of a layer as drawn now; marked with the layer id so a stand-in can replace it. */
export function renderLayerLegend(def: LayerDefinition): HTMLElement {
  const standIn = standIns.get(def.id);
  const box = standIn ? legendBox(standIn(), def.synthetic === true) : renderLegend(def.legend, def.synthetic === true);
  box.dataset.layerId = def.id;
  return box;
}

/** Shows (null: takes back) a stand-in legend for a layer, in every place its legend is shown now or later. */
export function showLegendStandIn(def: LayerDefinition, render: (() => HTMLElement) | null): void {
  if (render) standIns.set(def.id, render);
  else standIns.delete(def.id);
  for (const old of document.querySelectorAll(`.layer-legend[data-layer-id="${CSS.escape(def.id)}"]`)) old.replaceWith(renderLayerLegend(def));
}

function legendBox(content: HTMLElement, synthetic: boolean): HTMLElement {
  const box = el('div', { class: 'layer-legend' });
  if (synthetic) box.appendChild(el('p', { class: 'legend-synthetic' }, t('panel.synthetic')));
  box.appendChild(content);
  return box;
}

export function renderLegend(legend: Legend, synthetic: boolean): HTMLElement {
  return legendBox(legend.type === 'ramp' ? renderRamp(legend.items) : renderCategories(legend.items), synthetic);
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
