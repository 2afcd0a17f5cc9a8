// The identify results for the side sheet: per visible layer (top first), the features at
// the point with labelled, formatted attributes. Text only: values never become HTML.
import type { Feature } from 'geojson';
import type { LayerDefinition, Lang } from '../catalogue/types';
import { pick, t } from '../i18n';
import type { LayerAnswer } from '../queries/identify';
import { formatAttributes, formatCoordinate, rasterValueText } from '../queries/identify_format';
import { bandName } from './band_legend';
import { el } from './dom';

export interface IdentifyView {
  lon: number;
  lat: number;
  answers: LayerAnswer[];
  defs: ReadonlyMap<string, LayerDefinition>;
  /** Per time-filtered layer, the time on screen ("1990–1999"): only its features are listed. */
  times?: ReadonlyMap<string, string>;
  /** Per multi-band raster layer, the 1-based bands the map draws: their rows are marked. */
  drawnBands?: ReadonlyMap<string, readonly number[]>;
}

const SYNTHETIC_STYLE = 'font-size:0.75rem;font-style:italic;color:#7a4b00;background:#fff4dc;padding:1px 6px;border-radius:3px;margin:0 0 4px';
const FACTS_STYLE = 'display:grid;grid-template-columns:max-content 1fr;gap:2px 10px;margin:4px 0 8px';

export function renderIdentifyLoading(lon: number, lat: number, lang: Lang): HTMLElement {
  return el('div', { class: 'identify-results', 'aria-busy': 'true' },
    placeLine(lon, lat, lang), el('p', { role: 'status' }, t('identify.loading')));
}

export function renderNoVisibleLayer(lon: number, lat: number, lang: Lang): HTMLElement {
  return el('div', { class: 'identify-results' }, placeLine(lon, lat, lang), el('p', { role: 'status' }, t('identify.none_visible')));
}

export function renderIdentify(view: IdentifyView, lang: Lang): HTMLElement {
  // What is listed below: features, and pixel values (a raster with a value at the point).
  const found = view.answers.reduce((sum, answer) => sum + (answer.kind === 'features' ? answer.features.length
    : answer.kind === 'raster-values' && answer.values.some((value) => value !== null) ? 1 : 0), 0);
  const summary = `${t('identify_more.results', { count: found })} ${t('identify_more.in_layers', { count: view.answers.length })}`;
  return el('div', { class: 'identify-results' },
    placeLine(view.lon, view.lat, lang),
    el('p', { role: 'status', class: 'identify-summary' }, summary),
    ...view.answers.map((answer) => renderLayer(answer, view.defs.get(answer.layerId), lang, view.times?.get(answer.layerId), view.drawnBands?.get(answer.layerId))));
}

function placeLine(lon: number, lat: number, lang: Lang): HTMLElement {
  return el('p', { class: 'identify-at' }, t('identify.at', { lat: formatCoordinate(lat, lang), lon: formatCoordinate(lon, lang) }));
}

function renderLayer(answer: LayerAnswer, def: LayerDefinition | undefined, lang: Lang, time: string | undefined, drawn?: readonly number[]): HTMLElement {
  const section = el('section', { class: 'identify-layer', 'data-layer': answer.layerId },
    el('h3', { style: 'font-size:0.95rem;margin:12px 0 2px;overflow-wrap:anywhere' }, def ? pick(def.title, lang) : answer.layerId),
    time === undefined ? null : el('p', { class: 'identify-time', style: 'font-size:0.8rem;color:#5b6170;margin:0 0 4px' }, t('identify.time', { time })),
    def?.synthetic ? el('p', { style: SYNTHETIC_STYLE }, t('identify.synthetic')) : null);
  switch (answer.kind) {
    case 'features':
      if (answer.features.length === 0) section.append(el('p', { class: 'identify-nothing' }, t('identify.nothing')));
      answer.features.forEach((feature, index) =>
        section.append(renderFeature(feature, def, lang, answer.features.length > 1 ? index + 1 : null)));
      if (answer.truncated) section.append(el('p', {}, t('identify.truncated', { count: answer.features.length })));
      break;
    case 'raster-visible':
      section.append(el('p', {}, t('identify.raster_visible')));
      break;
    case 'raster-values':
      section.append(renderRasterValues(answer, def, lang, drawn ?? []));
      break;
    case 'error':
      section.append(el('p', { role: 'alert', style: 'color:#b3261e;overflow-wrap:anywhere' }, t('identify.error', { message: answer.message })));
      break;
  }
  return section;
}

function renderFeature(feature: Feature, def: LayerDefinition | undefined, lang: Lang, number: number | null): HTMLElement {
  const rows = formatAttributes(feature.properties, def?.fields, lang);
  const list = el('dl', { class: 'identify-attributes', style: FACTS_STYLE });
  for (const row of rows) {
    list.append(el('dt', { style: 'color:#5b6170' }, row.label), el('dd', { style: 'margin:0;overflow-wrap:anywhere', 'data-field': row.name }, row.value));
  }
  return el('div', { class: 'identify-feature' },
    number === null ? null : el('h4', { style: 'font-size:0.85rem;margin:6px 0 0' }, t('identify.feature', { n: number })),
    list);
}

type RasterValues = Extract<LayerAnswer, { kind: 'raster-values' }>;

function renderRasterValues({ values, units, names }: RasterValues, def: LayerDefinition | undefined, lang: Lang, drawn: readonly number[]): HTMLElement {
  if (values.every((value) => value === null)) return el('p', {}, t('identify.nodata'));
  const list = el('dl', { class: 'identify-attributes', style: FACTS_STYLE });
  const categorical = def?.source.cog?.mode === 'categorical';
  values.forEach((value, index) => {
    // One band: "Valeur" / "Classe"; several: "Bande 1", "Bande 2"… ("Bande 2 — Vert" when the file names them)
    const label = values.length > 1 ? bandName({ band: index + 1, description: names?.[index] ?? null }) : t(categorical ? 'identify_more.class' : 'identify_more.value');
    const text = rasterValueText(value, def, lang, units?.[index]) ?? t('identify.nodata');
    // of several bands, the ones the map draws: marked in words (read out too), not by style alone
    const shown = values.length > 1 && drawn.includes(index + 1);
    const term = el('dt', { style: shown ? 'color:#1d2330;font-weight:600' : 'color:#5b6170', ...(shown ? { 'data-drawn': 'true' } : {}) }, label);
    if (shown) term.append(' ', el('span', { class: 'identify-band-drawn' }, t('polish.identify_band_drawn')));
    list.append(term, el('dd', { style: 'margin:0;overflow-wrap:anywhere', 'data-band': index + 1 }, text));
  });
  return list;
}
