// The parts a series sheet shares, by date (series_panel.ts) or by band (band_series_panel.ts):
// the clicked point, the value table and the CSV download.
import type { LayerDefinition, Lang } from '../catalogue/types';
import { t } from '../i18n';
import { formatCoordinate } from '../queries/identify_format';
import { el } from './dom';
import { download } from './report_download';

export function seriesPointText(lat: number, lon: number, lang: Lang): HTMLElement {
  return el('p', { class: 'series-point-text' }, t('series.point', { lat: formatCoordinate(lat, lang), lon: formatCoordinate(lon, lang) }));
}

/** A two-column table (x, value) with its caption and column headers. */
export function seriesTable(caption: string, xHeader: string, rows: HTMLElement[]): HTMLElement {
  return el('table', { class: 'series-table' },
    el('caption', {}, caption),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, xHeader), el('th', { scope: 'col' }, t('series.axis_value')))),
    el('tbody', {}, ...rows));
}

/** The CSV button; `csv` is built on click. */
export function seriesCsvButton(def: LayerDefinition, lat: number, lon: number, csv: () => string): HTMLElement {
  const button = el('button', { type: 'button', class: 'series-csv' }, t('series.csv'));
  button.addEventListener('click', () => download({
    // In the UI language ("serie-…" / "series-…"); coordinates with a dot whatever the language (file names).
    name: `${t('formats.series_file')}-${def.id}-${lat.toFixed(5)}_${lon.toFixed(5)}.csv`,
    mime: 'text/csv;charset=utf-8',
    data: `\uFEFF${csv()}`,
  }));
  return button;
}
