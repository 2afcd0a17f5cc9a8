// A layer's legend, generated from its catalogue entry, or from the bands the user picked.
import type { Legend, LegendItem, LayerDefinition } from '../catalogue/types';
import { pick, t } from '../i18n';
import { renderBandLegend, type BandLegend } from './band_legend';
import { el } from './dom';

/** Layers drawn with other bands than the catalogue's: their legend says so (band_legend.ts). */
const bandLegends = new Map<string, BandLegend>();

/** The legend of a layer as drawn now; marked with the layer id so a band change can replace it. */
export function renderLayerLegend(def: LayerDefinition): HTMLElement {
  const bands = bandLegends.get(def.id);
  const box = bands ? legendBox(renderBandLegend(bands), def.synthetic === true) : renderLegend(def.legend, def.synthetic === true);
  box.dataset.layerId = def.id;
  return box;
}

/** Shows (null: takes back) a band legend for a layer, in every place its legend is shown now or later. */
export function showBandLegend(def: LayerDefinition, legend: BandLegend | null): void {
  if (legend) bandLegends.set(def.id, legend);
  else bandLegends.delete(def.id);
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
