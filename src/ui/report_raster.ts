// Report section of a COG layer: zonal statistics at full resolution (progress bar + Cancel),
// an optional overview estimate clearly labelled, histogram or area per category, and the
// CSV and clipped GeoTIFF downloads.
import { pick, t } from '../i18n';
import type { LayerDefinition } from '../catalogue/types';
import type { Cog } from '../sources/cog/open';
import type { ZonalStats } from '../queries/zonal_stats';
import { zonalStatsOffMainThread } from '../queries/zonal_worker_client';
import { rasterRows } from '../queries/export_csv';
import { rasterCsvFile, rasterGeotiffFile } from '../queries/export_layer';
import { el } from './dom';
import { barChart, histogramChart } from './report_charts';
import { formatArea, formatNumber } from './report_format';
import { summaryTable, type TableRow } from './report_table';
import { exportButton } from './report_download';
import { tiffExportButton } from './report_tiff_export';
import { button, classLabel } from './report_vector';
import type { SectionContext } from './report_types';
import { exportTime } from '../queries/export_time';

export async function fillRasterSection(body: HTMLElement, ctx: SectionContext): Promise<void> {
  // A series is read on the date the map shows (openRaster opens that file); exports name it.
  const time = exportTime(ctx.deps.timeOf(ctx.def.id))?.text;
  const cog = await ctx.deps.openRaster(ctx.def);
  const categorical = ctx.def.source.cog?.mode === 'categorical';
  const crs = ctx.def.source.cog?.crs;
  const run = async (level: number) => {
    const controller = new AbortController();
    ctx.signal.addEventListener('abort', () => controller.abort());
    const progress = el('progress', { max: 1, value: 0, 'aria-label': t('report.progress') });
    const cancel = button(t('report.cancel'), () => controller.abort());
    body.replaceChildren(el('div', { class: 'report-progress' }, progress, ' ', cancel));
    try {
      // in a worker: the page stays responsive and the progress bar moves (issue 15)
      const stats = await zonalStatsOffMainThread(cog, ctx.aoi.feature, {
        level, categorical, signal: controller.signal, ...(crs ? { crs } : {}),
        onProgress: (done, total) => { progress.max = Math.max(1, total); progress.value = done; },
      });
      ctx.setRows(rasterRows(ctx.def.id, pick(ctx.def.title), stats, categoryLabels(ctx.def, stats), time));
      body.replaceChildren(...rasterView(ctx, cog, stats, run, time));
    } catch (error) {
      if (!controller.signal.aborted) throw error;
      const estimate = cog.levels.length > 1 ? button(t('report.estimate_run'), () => run(cog.levels.length - 1)) : null;
      body.replaceChildren(el('p', { class: 'report-note' }, t('report.cancelled')), button(t('report.full_run'), () => run(0)), estimate ?? '');
    }
  };
  await run(0);
}

function categoryLabels(def: LayerDefinition, stats: ZonalStats): Record<string, string> {
  const field = def.fields?.[0]?.name;
  return Object.fromEntries(Object.keys(stats.categories ?? {}).map((k) => [k, classLabel(def, field, k)]));
}

function rasterView(ctx: SectionContext, cog: Cog, stats: ZonalStats, rerun: (level: number) => Promise<void>, time: string | undefined): Node[] {
  const { def } = ctx;
  const unit = def.source.cog?.unit ? ` ${def.source.cog.unit}` : '';
  const v = (x: number | null) => (x === null ? '—' : `${formatNumber(x)}${unit}`);
  const rows: TableRow[] = [
    { key: 'count', label: t('report.pixels'), text: formatNumber(stats.count, 0), value: stats.count },
    { key: 'area_m2', label: t('report.area'), text: formatArea(stats.area_m2), value: stats.area_m2 },
  ];
  if (!stats.categories) {
    for (const key of ['min', 'max', 'mean', 'std', 'p10', 'p50', 'p90'] as const) rows.push({ key, label: t(`report.${key}`), text: v(stats[key]), value: stats[key] });
    rows.push({ key: 'sum', label: t('report.sum'), text: formatNumber(stats.sum), value: stats.sum });
  }
  const labels = categoryLabels(def, stats);
  const colours = def.source.cog?.categories ?? {};
  const chart = stats.categories
    ? barChart(Object.entries(stats.categories).map(([k, c]) => ({ label: labels[k] ?? k, value: c.area_m2, text: formatArea(c.area_m2), color: colours[k] })), t('report.area_by_class'))
    : stats.histogram ? histogramChart(stats.histogram.edges, stats.histogram.counts, t('report.histogram'), (x) => v(x)) : null;
  const label = { id: def.id, title: pick(def.title), time, aoi: ctx.aoi.name };
  return [
    stats.estimate ? el('p', { class: 'report-estimate' }, t('report.estimate_label', { level: stats.level })) : null,
    summaryTable(t('report.summary'), rows, def.id),
    chart,
    stats.estimate ? button(t('report.full_run'), () => rerun(0)) : null,
    el('div', { class: 'report-actions' },
      exportButton(t('report.export_csv'), () => rasterCsvFile(label, stats, ctx.date, labels)),
      // clipped and encoded in a worker, with progress and Cancel (report_tiff_export.ts)
      tiffExportButton(t('report.export_tiff'), label.title, (signal, onProgress) => rasterGeotiffFile(label, cog, ctx.aoi.feature, ctx.date, {
        signal, onProgress, ...(def.source.cog?.crs ? { crs: def.source.cog.crs } : {}),
      }), ctx.signal)),
  ].filter((n): n is NonNullable<typeof n> => n !== null);
}
