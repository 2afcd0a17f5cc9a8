// Sizes and dates for the offline panel, in the UI language.
import { currentLang } from '../i18n';

export function formatBytes(bytes: number): string {
  const units = currentLang() === 'fr' ? ['o', 'ko', 'Mo', 'Go'] : ['B', 'KB', 'MB', 'GB'];
  let value = bytes, unit = 0;
  while (value >= 1000 && unit < units.length - 1) { value /= 1000; unit++; }
  const digits = unit === 0 || value >= 100 ? 0 : 1;
  return `${value.toLocaleString(currentLang() === 'fr' ? 'fr-CA' : 'en-CA', { maximumFractionDigits: digits })} ${units[unit]}`;
}

export function formatDateTime(iso: string | Date): string {
  const date = typeof iso === 'string' ? new Date(iso) : iso;
  return date.toLocaleString(currentLang() === 'fr' ? 'fr-CA' : 'en-CA', { dateStyle: 'medium', timeStyle: 'short' });
}
