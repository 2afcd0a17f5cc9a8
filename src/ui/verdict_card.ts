// The flood verdict card for the side sheet: one headline, what it means in plain words, the
// legend of the flood classes, what to do next, historical floods within a chosen distance,
// who mapped what and when, and buttons to show the layers. "Demonstration data" is said once.
// Announced to screen readers through a status region. Text only, never HTML.
import type { LayerDefinition, Lang } from '../catalogue/types';
import { pick, t } from '../i18n';
import type { HistoryAnswer, HistoryYear, LayerInfo, Verdict, ZoneAnswer } from '../queries/flood_verdict';
import { RADIUS_CHOICES_KM } from '../queries/flood_verdict_load';
import { formatCoordinate, formatNumber, formatYear } from '../queries/identify_format';
import { el } from './dom';
import { renderFloodLegend, renderMeaning, renderTodo } from './verdict_guidance';
import { verdictHeadline, verdictSummary, zoneCaveat, zoneStatusText } from './verdict_text';

export interface VerdictCardOptions {
  verdict: Verdict;
  /** The place name when the point came from search. */
  label?: string;
  lang: Lang;
  visible: ReadonlySet<string>;
  defs: ReadonlyMap<string, LayerDefinition>;
  onRadius(km: number): void;
  onShowLayer(id: string): void;
}

const VISUALLY_HIDDEN = 'position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap';
const SYNTHETIC_STYLE = 'font-size:0.8rem;font-style:italic;color:#7a4b00;background:#fff4dc;padding:2px 6px;border-radius:3px;margin:4px 0';
const HEADLINE_COLOURS: Record<string, string> = { '0-20': '#08519c', '20-100': '#1f5f99' };
const SECTION_TITLE = 'font-size:0.95rem;margin:14px 0 4px';

export function renderVerdictLoading(lon: number, lat: number, label: string | undefined, lang: Lang): HTMLElement {
  return el('div', { class: 'verdict-card', 'aria-busy': 'true' },
    ...placeLines(lon, lat, label, lang), el('p', { role: 'status' }, t('verdict.loading')));
}

export function renderVerdictCard(options: VerdictCardOptions): HTMLElement {
  const { verdict, lang, defs } = options;
  const colour = verdict.highestClass ? HEADLINE_COLOURS[verdict.highestClass] : '#5b6170';
  // The region exists empty first and is filled a moment later: screen readers announce
  // changes to a live region, not a region that arrives already full.
  const status = el('p', { role: 'status', 'aria-live': 'polite', class: 'verdict-summary', style: VISUALLY_HIDDEN });
  setTimeout(() => { status.textContent = verdictSummary(verdict); }, 150);
  const synthetic = verdict.synthetic || verdict.history.some((answer) => answer.layer.synthetic);
  return el('div', { class: 'verdict-card', 'data-class': verdict.highestClass ?? 'none' },
    status,
    el('p', { class: 'verdict-headline', style: `margin:4px 0 6px;padding:8px 10px;border-radius:6px;color:#fff;font-weight:600;background:${colour}` },
      verdictHeadline(verdict)),
    ...placeLines(verdict.point.lon, verdict.point.lat, options.label, lang),
    synthetic ? el('p', { class: 'verdict-synthetic', style: SYNTHETIC_STYLE }, t('verdict.synthetic')) : null,
    renderMeaning(verdict),
    renderFloodLegend(verdict, defs, lang),
    renderTodo(verdict, defs, lang),
    renderHistory(verdict, options),
    renderSources(verdict, lang),
    renderLayerButtons(verdict, options));
}

function placeLines(lon: number, lat: number, label: string | undefined, lang: Lang): HTMLElement[] {
  const coordinates = el('p', { class: 'verdict-at', style: 'color:#5b6170;margin:2px 0' },
    t('verdict.at', { lat: formatCoordinate(lat, lang), lon: formatCoordinate(lon, lang) }));
  return label ? [el('p', { class: 'verdict-place', style: 'font-weight:600;margin:2px 0' }, label), coordinates] : [coordinates];
}

/** Who mapped each flood layer and when; a layer's own answer only when several layers disagree or one failed. */
function renderSources(verdict: Verdict, lang: Lang): HTMLElement {
  const headline = verdictHeadline(verdict);
  return el('section', { class: 'verdict-sources' },
    el('h3', { style: SECTION_TITLE }, t('flood.details_title')),
    ...verdict.zones.map((zone) => renderZone(zone, headline, lang)),
    ...verdict.history.map((answer) => el('p', { style: 'margin:2px 0;color:#5b6170' }, `${pick(answer.layer.title, lang)} — ${mappedBy(answer.layer, lang)}`)));
}

function renderZone(zone: ZoneAnswer, headline: string, lang: Lang): HTMLElement {
  const statusText = zoneStatusText(zone);
  const caveat = zoneCaveat(zone);
  return el('div', { class: 'verdict-zone', 'data-layer': zone.layer.id, 'data-status': zone.status },
    el('p', { style: 'margin:2px 0;color:#5b6170' }, `${pick(zone.layer.title, lang)} — ${mappedBy(zone.layer, lang)}`),
    statusText !== headline ? el('p', { class: 'verdict-zone-status', style: 'margin:2px 0;font-weight:600' }, statusText) : null,
    caveat && statusText !== headline ? el('p', { style: 'margin:2px 0' }, caveat) : null);
}

function mappedBy(layer: LayerInfo, lang: Lang): string {
  return t('verdict.mapped_by', { producer: pick(layer.producer, lang), date: layer.date });
}

function renderHistory(verdict: Verdict, options: VerdictCardOptions): HTMLElement {
  const select = el('select', { id: 'verdict-radius', class: 'verdict-radius' });
  for (const km of RADIUS_CHOICES_KM) {
    select.append(el('option', { value: km, selected: km === verdict.radiusKm }, t('verdict.km', { km })));
  }
  select.addEventListener('change', () => options.onRadius(Number(select.value)));
  return el('section', { class: 'verdict-history' },
    el('h3', { style: SECTION_TITLE }, t('verdict.history_title', { km: verdict.radiusKm })),
    el('p', { style: 'margin:2px 0 6px' }, el('label', { for: 'verdict-radius' }, `${t('verdict.distance')} `), select),
    ...verdict.history.map((answer) => renderHistoryLayer(answer, verdict.radiusKm, options.lang)));
}

function renderHistoryLayer(answer: HistoryAnswer, radiusKm: number, lang: Lang): HTMLElement {
  const title = pick(answer.layer.title, lang);
  const section = el('div', { class: 'verdict-history-layer', 'data-layer': answer.layer.id, 'data-total': answer.total });
  if (answer.status === 'error') {
    section.append(el('p', { role: 'alert', style: 'color:#b3261e' }, t('verdict.layer_error', { message: answer.error ?? '' })));
  } else if (answer.total === 0) {
    section.append(el('p', { style: 'margin:2px 0' }, t('verdict.history_none', { title, km: formatNumber(radiusKm, lang) })));
  } else {
    section.append(
      el('p', { style: 'margin:2px 0' }, t('flood.history_total', { title, count: answer.total })),
      el('ul', { style: 'margin:2px 0 4px;padding-left:20px' }, ...answer.byYear.map((entry) => el('li', {}, historyYearText(entry, lang)))));
  }
  return section;
}

function historyYearText(entry: HistoryYear, lang: Lang): string {
  const year = entry.year === null ? t('verdict.unknown_year') : formatYear(entry.year, lang);
  if (entry.nearestKm === 0) return t('flood.history_year_at_point', { year, count: entry.count });
  return t('flood.history_year', { year, count: entry.count, distance: formatNumber(entry.nearestKm, lang) });
}

function renderLayerButtons(verdict: Verdict, options: VerdictCardOptions): HTMLElement {
  const ids = [...new Set([...verdict.zones, ...verdict.history].map((answer) => answer.layer.id))];
  const list = el('ul', { style: 'list-style:none;margin:0;padding:0;display:flex;flex-direction:column;gap:4px' });
  for (const id of ids) {
    const def = options.defs.get(id);
    if (!def) continue;
    const title = pick(def.title, options.lang);
    if (options.visible.has(id)) {
      list.append(el('li', { style: 'color:#5b6170' }, `✓ ${t('verdict.layer_shown', { title })}`));
      continue;
    }
    const button = el('button', { type: 'button', class: 'verdict-show-layer', 'data-layer': id, style: 'padding:4px 8px;cursor:pointer' },
      t('verdict.show_layer', { title }));
    button.addEventListener('click', () => options.onShowLayer(id));
    list.append(el('li', {}, button));
  }
  return el('section', { class: 'verdict-layers' }, el('h3', { style: SECTION_TITLE }, t('verdict.layers')), list);
}
