// Side-sheet content for a pixel time series: the point, the chart, a table of values (with
// the layer's code labels, e.g. 1 → "Eau observée") and a CSV download.
import './series_panel.css';
import type { LayerDefinition, Lang } from '../catalogue/types';
import { pick, t } from '../i18n';
import { seriesCsv, type SeriesPoint } from '../queries/series';
import { el } from './dom';
import { seriesChart } from './series_chart';
import { seriesCsvButton, seriesPointText, seriesTable } from './series_parts';
import { formatTime } from './time_format';

export interface SeriesResult {
  def: LayerDefinition;
  lon: number;
  lat: number;
  points: SeriesPoint[];
}

const LOCALES: Record<Lang, string> = { fr: 'fr-CA', en: 'en-CA' };

function valueFormatter(def: LayerDefinition, lang: Lang): (value: number | null) => string {
  const field = def.fields?.[0];
  const number = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 3 });
  const unit = def.source.cog?.unit ?? field?.unit;
  return (value) => {
    if (value === null) return t('series.no_value');
    const code = field?.codes?.[String(value)];
    return code ? pick(code, lang) : `${number.format(value)}${unit ? ` ${unit}` : ''}`;
  };
}

/** Category ticks when the layer's values are codes (categorical COG or a field with codes). */
function categories(def: LayerDefinition, lang: Lang, points: SeriesPoint[]): Array<{ value: number; label: string }> | undefined {
  const codes = def.fields?.[0]?.codes;
  if (def.source.cog?.mode !== 'categorical' && !codes) return undefined;
  const values = new Set<number>([...Object.keys(codes ?? {}).map(Number).filter(Number.isFinite), ...points.flatMap((p) => (p.value === null ? [] : [p.value]))]);
  const format = valueFormatter(def, lang);
  return [...values].sort((a, b) => a - b).map((value) => ({ value, label: format(value) }));
}

export function renderSeriesLoading(count: number): HTMLElement {
  return el('p', { class: 'series-loading', role: 'status' }, t('series.loading', { count }));
}

export function renderSeries(result: SeriesResult, lang: Lang): HTMLElement {
  const { def, lon, lat, points } = result;
  const format = valueFormatter(def, lang);
  const layer = pick(def.title, lang);
  const formatDate = (date: string) => formatTime('date', date, lang, points.length > 3);
  const chart = seriesChart(points, {
    title: t('series.chart_label', { layer }),
    xTitle: t('series.axis_date'),
    yTitle: def.fields?.[0] ? pick(def.fields[0].label, lang) : t('series.axis_value'),
    categories: categories(def, lang, points),
    formatDate,
    formatValue: (value) => format(value),
  });
  const rows = points.map((p) => el('tr', { 'data-date': p.date },
    el('td', {}, formatTime('date', p.date, lang)), el('td', {}, format(p.value))));
  const table = seriesTable(t('series.table_caption'), t('series.axis_date'), rows);
  const csv = seriesCsvButton(def, lat, lon, () => seriesCsv(points));
  return el('div', { class: 'series-result', 'data-layer-id': def.id }, seriesPointText(lat, lon, lang), chart, table, csv);
}
