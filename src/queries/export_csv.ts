// The report as CSV: one row per layer and class (a raster without classes is one row).
// UTF-8 with a BOM and CRLF line ends, so Excel opens accents and columns correctly.
import type { VectorStats } from './stats_vector';
import type { ZonalStats } from './zonal_stats';

export const CSV_COLUMNS = [
  'layer_id', 'layer', 'class', 'features', 'area_m2', 'area_ha', 'length_m',
  'pixel_count', 'min', 'max', 'mean', 'std', 'sum', 'p10', 'p50', 'p90', 'estimate',
  // The time the layer showed on the map (empty: not a time layer); see export_time.ts.
  'time',
] as const;

export type CsvRow = Partial<Record<(typeof CSV_COLUMNS)[number], string | number | boolean | null>>;

export function vectorRows(layerId: string, title: string, stats: VectorStats, time?: string): CsvRow[] {
  const classes = Object.keys(stats.counts).sort();
  if (classes.length === 0) return [{ layer_id: layerId, layer: title, class: '', features: 0, area_m2: 0, area_ha: 0, length_m: 0, time }];
  return classes.map((key) => {
    const m2 = stats.by[key] ?? 0;
    return { layer_id: layerId, layer: title, class: key, features: stats.counts[key] ?? 0, area_m2: round(m2, 2), area_ha: round(m2 / 1e4, 4), length_m: classes.length === 1 ? round(stats.length_m, 2) : null, time };
  });
}

export function rasterRows(layerId: string, title: string, stats: ZonalStats, labels: Record<string, string> = {}, time?: string): CsvRow[] {
  const base = { layer_id: layerId, layer: title, estimate: stats.estimate, time };
  if (stats.categories) {
    return Object.entries(stats.categories).map(([value, c]) => ({
      ...base, class: labels[value] ? `${value} ${labels[value]}` : value, pixel_count: c.count, area_m2: round(c.area_m2, 2), area_ha: round(c.area_m2 / 1e4, 4),
    }));
  }
  const { count, min, max, mean, std, sum, p10, p50, p90 } = stats;
  return [{ ...base, class: '', pixel_count: count, area_m2: round(stats.area_m2, 2), area_ha: round(stats.area_m2 / 1e4, 4), min, max, mean, std, sum, p10, p50, p90 }];
}

export function toCsv(rows: CsvRow[]): string {
  const lines = [CSV_COLUMNS.join(','), ...rows.map((row) => CSV_COLUMNS.map((c) => cell(row[c])).join(','))];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

function cell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '';
  const text = String(value);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

function round(value: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}
