// The summary printed at the end of `npm run recipe` (pure): one row per layer, aligned columns.

import type { LayerOutcome } from './run';

export function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 ** 2) return `${(bytes / 1024).toFixed(1)} KiB`;
  if (bytes < 1024 ** 3) return `${(bytes / 1024 ** 2).toFixed(1)} MiB`;
  return `${(bytes / 1024 ** 3).toFixed(2)} GiB`;
}

export function summaryTable(outcomes: LayerOutcome[]): string {
  const header = ['layer', 'status', 'features/pixels', 'size', 'time', 'warnings'];
  const rows = outcomes.map((o) => [
    o.id, o.status, o.count || '—', o.status === 'failed' ? '—' : formatBytes(o.bytes), `${o.seconds.toFixed(1)} s`,
    o.warnings.length ? o.warnings.join('; ') : '—',
  ]);
  const widths = header.map((title, i) => Math.max(title.length, ...rows.map((row) => (row[i] as string).length)));
  const line = (cells: string[]): string => cells.map((cell, i) => (i === cells.length - 1 ? cell : cell.padEnd(widths[i] as number))).join('  ');
  const failed = outcomes.filter((o) => o.status === 'failed').length;
  const total = outcomes.reduce((sum, o) => sum + o.seconds, 0);
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line),
    `${outcomes.length} layer(s), ${failed} failed, ${total.toFixed(1)} s`].join('\n');
}
