// Side-sheet content for a series over the bands of a multi-band file without dates: the chart
// with bands on the x axis (labelled by their descriptions, else "Bande n" / "Band n"), a table
// and a CSV download. Values are GDAL's unscaled values; band descriptions are shown as text.
import type { LayerDefinition, Lang } from '../catalogue/types';
import { pick, t } from '../i18n';
import type { BandPoint } from '../queries/series_bands';
import { el } from './dom';
import { seriesChart } from './series_chart';
import { seriesCsvButton, seriesPointText, seriesTable } from './series_parts';

export interface BandSeriesResult {
  def: LayerDefinition;
  lon: number;
  lat: number;
  points: BandPoint[];
}

const LOCALES: Record<Lang, string> = { fr: 'fr-CA', en: 'en-CA' };

export function renderBandSeries({ def, lon, lat, points }: BandSeriesResult, lang: Lang): HTMLElement {
  const number = new Intl.NumberFormat(LOCALES[lang], { maximumFractionDigits: 3 });
  const unit = def.source.cog?.unit ?? points.find((p) => p.unit)?.unit ?? null;
  const format = (value: number | null) => (value === null ? t('series.no_value') : `${number.format(value)}${unit ? `\u00a0${unit}` : ''}`);
  const label = (p: BandPoint) => p.label ?? t('bands.band_n', { n: p.band });
  const layer = pick(def.title, lang);
  const chartPoints = points.map((p) => ({ date: label(p), value: p.value }));
  const chart = seriesChart(chartPoints, {
    title: t('series.chart_label', { layer }),
    xTitle: t('bands.axis'),
    yTitle: t('series.axis_value'),
    formatDate: (text) => text,
    formatValue: (value) => format(value),
    position: (i) => points[i]!.band,
  });
  const rows = points.map((p) => el('tr', { 'data-band': p.band }, el('td', {}, label(p)), el('td', {}, format(p.value))));
  const table = seriesTable(t('bands.table_caption'), t('bands.axis'), rows);
  const csv = seriesCsvButton(def, lat, lon, () => bandCsv(chartPoints, [t('bands.axis'), t('series.axis_value')]));
  return el('div', { class: 'series-result series-bands', 'data-layer-id': def.id }, seriesPointText(lat, lon, lang), chart, table, csv);
}

/** "band,value" lines (RFC 4180: descriptions from files may hold commas or quotes). */
function bandCsv(points: Array<{ date: string; value: number | null }>, header: [string, string]): string {
  const quote = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text);
  const lines = [header.map(quote).join(','), ...points.map((p) => `${quote(p.date)},${p.value === null ? '' : p.value}`)];
  return `${lines.join('\r\n')}\r\n`;
}
