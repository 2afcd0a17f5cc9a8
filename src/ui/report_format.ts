// Numbers of the report in the UI language (Intl): counts, values, areas in ha or km².
import { currentLang } from '../i18n';

function locale(): string {
  return currentLang() === 'en' ? 'en-CA' : 'fr-CA';
}

export function formatNumber(value: number | null | undefined, maximumFractionDigits = 2): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return new Intl.NumberFormat(locale(), { maximumFractionDigits }).format(value);
}

/** m² → "12,3 ha" below 100 ha, "4,56 km²" above. */
export function formatArea(m2: number): string {
  if (m2 < 1e6) return `${formatNumber(m2 / 1e4, 2)} ha`;
  return `${formatNumber(m2 / 1e6, 2)} km²`;
}

export function formatLength(m: number): string {
  return m < 1000 ? `${formatNumber(m, 0)} m` : `${formatNumber(m / 1000, 2)} km`;
}

export function formatDate(date: Date): string {
  return new Intl.DateTimeFormat(locale(), { dateStyle: 'long' }).format(date);
}
