// The AOI report: one section per visible layer (vector or COG), filled as results arrive,
// then the all-layers CSV and the map PNG.
import { area } from '@turf/area';
import { pick, t } from '../i18n';
import type { LayerDefinition } from '../catalogue/types';
import type { CsvRow } from '../queries/export_csv';
import { toCsv } from '../queries/export_csv';
import { exportFileName } from '../queries/export_names';
import { el } from './dom';
import { formatArea, formatDate } from './report_format';
import { fillVectorSection } from './report_vector';
import { fillRasterSection } from './report_raster';
import { exportButton } from './report_download';
import type { ReportAoi, ReportDeps } from './report_types';
import { reportKind } from '../sources/kinds/traits';
import { reportErrorText } from './report_error_text';

export interface ReportOptions {
  aoi: ReportAoi;
  layers: LayerDefinition[];
  deps: ReportDeps;
  /** PNG of the map with legend, scale, north arrow, attribution and date */
  mapPng(date: Date): Promise<Blob>;
  signal: AbortSignal;
}

export function reportPanel(options: ReportOptions): HTMLElement {
  const date = new Date();
  const rows = new Map<string, CsvRow[]>();
  const usable = options.layers.filter((d) => reportKind(d.source) !== null);
  const sections = usable.map((def) => section(def, options, date, rows));
  const allCsv = exportButton(t('report.export_all_csv'), () => ({
    name: exportFileName(t('formats.report_file'), 'csv', date, undefined, options.aoi.name), mime: 'text/csv;charset=utf-8', data: toCsv(usable.flatMap((d) => rows.get(d.id) ?? [])),
  }));
  const png = exportButton(t('report.export_png'), async () => {
    const blob = await options.mapPng(date);
    return { name: exportFileName(t('formats.map_file'), 'png', date, undefined, options.aoi.name), mime: 'image/png', data: await blob.arrayBuffer() };
  });
  return el('div', { class: 'report', 'data-aoi': options.aoi.id },
    el('p', { class: 'report-meta' }, `${options.aoi.name} — ${formatArea(area(options.aoi.feature))} — ${formatDate(date)}`),
    usable.length ? null : el('p', {}, t('report.no_layers')),
    ...sections,
    el('div', { class: 'report-actions' }, allCsv, png));
}

function section(def: LayerDefinition, options: ReportOptions, date: Date, rows: Map<string, CsvRow[]>): HTMLElement {
  const body = el('div', { class: 'report-body', 'aria-busy': 'true' }, el('p', {}, t('report.loading')));
  const node = el('section', { class: 'report-layer', 'data-layer': def.id }, el('h3', {}, pick(def.title)), def.synthetic ? el('p', { class: 'report-note' }, t('report.synthetic')) : null, body);
  const ctx = { def, aoi: options.aoi, deps: options.deps, date, signal: options.signal, setRows: (r: CsvRow[]) => rows.set(def.id, r) };
  const fill = reportKind(def.source) === 'raster' ? fillRasterSection : fillVectorSection;
  fill(body, ctx).then(
    () => body.setAttribute('aria-busy', 'false'),
    (error: unknown) => {
      if (options.signal.aborted) return;
      body.setAttribute('aria-busy', 'false');
      body.replaceChildren(el('p', { class: 'report-error', role: 'alert' }, reportErrorText(pick(def.title), error)));
    },
  );
  return node;
}
