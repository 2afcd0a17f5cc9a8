// Report section of a vector layer: features in the AOI, area inside it per class of a field
// (chooser), bars, notes on repaired/skipped geometry, CSV and clipped GeoJSON downloads.
import { bbox } from '@turf/bbox';
import { pick, t } from '../i18n';
import type { LayerDefinition } from '../catalogue/types';
import { clipLayer, summariseClipped, type ClippedLayer, type VectorStats } from '../queries/stats_vector';
import { classFields, defaultClassField } from '../queries/stats_class_field';
import { vectorRows } from '../queries/export_csv';
import { vectorCsvFile, vectorGeojsonFile } from '../queries/export_layer';
import { el } from './dom';
import { barChart } from './report_charts';
import { formatArea, formatLength, formatNumber } from './report_format';
import { summaryTable, type TableRow } from './report_table';
import { exportButton } from './report_download';
import type { SectionContext } from './report_types';
import { clippedAtTime, exportTime, type TimedClippedLayer } from '../queries/export_time';
import { vectorNotes } from './report_notes';

export function classLabel(def: LayerDefinition, field: string | undefined, key: string): string {
  const codes = def.fields?.find((f) => f.name === field)?.codes;
  const coded = codes?.[key];
  return coded ? pick(coded) : key === '' ? t('report.no_class') : key;
}

function legendColour(def: LayerDefinition, label: string): string | undefined {
  return def.legend.items.find((item) => pick(item.label) === label)?.color;
}

export async function fillVectorSection(body: HTMLElement, ctx: SectionContext): Promise<void> {
  const { def, aoi } = ctx;
  const loaded = await ctx.deps.loadVector(def, bbox(aoi.feature), ctx.signal);
  // A time-filtered layer: the report and its exports hold the time the map shows (export_time.ts).
  let timeNote: string | null = null;
  const clipped = clippedAtTime(clipLayer(loaded.index, aoi.feature, ctx.signal), exportTime(ctx.deps.timeOf(def.id)),
    (time) => (timeNote = t('report.time_note', { time: time.label })));
  let field = defaultClassField(def);
  const render = () => {
    const stats = summariseClipped(clipped, field);
    // the remarks in the UI language (the English `notes` are the command line's)
    const notes = [timeNote, ...vectorNotes({ unusable: loaded.index.unusable, repaired: stats.repaired, skipped: stats.skipped, tiles: loaded.tiles })];
    ctx.setRows(vectorRows(def.id, pick(def.title), stats, clipped.time?.text));
    body.replaceChildren(...vectorView(ctx, clipped, { ...stats, notes: notes.filter((note): note is string => note !== null) }, field, (next) => {
      field = next || undefined;
      render();
    }));
  };
  render();
}

function vectorView(ctx: SectionContext, clipped: TimedClippedLayer, stats: VectorStats, field: string | undefined, onField: (f: string) => void): Node[] {
  const { def } = ctx;
  const rows: TableRow[] = [
    { key: 'features', label: t('report.features'), text: formatNumber(stats.features, 0), value: stats.features },
    { key: 'area_m2', label: t('report.area'), text: formatArea(stats.area_m2), value: stats.area_m2 },
  ];
  if (stats.length_m > 0) rows.push({ key: 'length_m', label: t('report.length'), text: formatLength(stats.length_m), value: stats.length_m });
  const classes = Object.keys(stats.counts).sort();
  for (const key of classes) {
    const m2 = stats.by[key];
    const label = classLabel(def, field, key);
    rows.push({ key: `class:${key}`, label, text: m2 === undefined ? formatNumber(stats.counts[key], 0) : formatArea(m2), value: m2 ?? stats.counts[key] });
  }
  const bars = classes.filter((k) => (stats.by[k] ?? 0) > 0).map((key) => {
    const label = classLabel(def, field, key);
    return { label, value: stats.by[key] as number, text: formatArea(stats.by[key] as number), color: legendColour(def, label) };
  });
  return [
    fieldChooser(def, field, onField),
    summaryTable(t('report.summary'), rows, def.id),
    bars.length > 1 ? barChart(bars, t('report.area_by_class')) : null,
    ...stats.notes.map((note) => el('p', { class: 'report-note' }, note)),
    el('div', { class: 'report-actions' },
      exportButton(t('report.export_csv'), () => vectorCsvFile({ id: def.id, title: pick(def.title), aoi: ctx.aoi.name }, clipped, field, ctx.date)),
      exportButton(t('report.export_geojson'), () => vectorGeojsonFile({ id: def.id, title: pick(def.title), aoi: ctx.aoi.name }, clipped, ctx.aoi.name, ctx.date))),
  ].filter((n): n is NonNullable<typeof n> => n !== null);
}

function fieldChooser(def: LayerDefinition, field: string | undefined, onField: (f: string) => void): HTMLElement {
  const select = el('select', { 'aria-label': t('report.by_field') },
    el('option', { value: '' }, t('report.no_field')),
    ...classFields(def).map((name) => el('option', { value: name, selected: name === field },
      pick(def.fields?.find((f) => f.name === name)?.label ?? { fr: name, en: name }))));
  select.addEventListener('change', () => onField(select.value));
  return el('label', { class: 'report-field' }, t('report.by_field'), ' ', select);
}

export function button(label: string, action: () => void | Promise<void>): HTMLButtonElement {
  const node = el('button', { type: 'button', class: 'report-button' }, label);
  node.addEventListener('click', () => void action());
  return node;
}
