// A two-column summary table; each value cell carries its raw number (data-value) so tests and
// screen readers get exact values while the text is formatted for people.
import { el } from './dom';

export interface TableRow {
  key: string;
  label: string;
  text: string;
  value?: number | null;
}

export function summaryTable(caption: string, rows: TableRow[], layerId: string): HTMLTableElement {
  return el('table', { class: 'report-table', 'data-layer': layerId },
    el('caption', {}, caption),
    el('tbody', {}, ...rows.map((row) => el('tr', { 'data-stat': row.key },
      el('th', { scope: 'row' }, row.label),
      el('td', { 'data-value': row.value === null || row.value === undefined ? undefined : String(row.value) }, row.text)))));
}
