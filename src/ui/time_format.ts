// Times as people read them, in the UI language: "4 mai 2019" / "May 4, 2019", "1990–1999",
// and ranges "1990–2019". Intl does the dates (UTC, so a date never shifts by a day).
import type { Lang } from '../catalogue/types';
import { parsePeriod, type TimeKind } from '../queries/time_values';
import type { TimeSelection } from '../state/time_state';

const LOCALES: Record<Lang, string> = { fr: 'fr-CA', en: 'en-CA' };

function asDate(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})/.exec(value);
  return match ? new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]))) : null;
}

/** One time in full ("4 mai 2019"); `short` for slider ticks ("4 mai"). */
export function formatTime(kind: TimeKind, value: string, lang: Lang, short = false): string {
  if (kind === 'period') {
    const period = parsePeriod(value);
    return period ? (short ? String(period[0]) : `${period[0]}–${period[1]}`) : value;
  }
  const date = kind === 'date' ? asDate(value) : null;
  if (!date) return value;
  const options: Intl.DateTimeFormatOptions = short
    ? { day: 'numeric', month: 'short', timeZone: 'UTC' }
    : { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' };
  return new Intl.DateTimeFormat(LOCALES[lang], options).format(date);
}

/** A selection as one label: the time, or "start–end" of a range (periods: first year to last year). */
export function formatSelection(kind: TimeKind, selection: TimeSelection, lang: Lang): string {
  if (selection.mode === 'single') return formatTime(kind, selection.value, lang);
  if (selection.from === selection.to) return formatTime(kind, selection.from, lang);
  if (kind === 'period') {
    const start = parsePeriod(selection.from)?.[0] ?? selection.from;
    const end = parsePeriod(selection.to)?.[1] ?? selection.to;
    return `${start}–${end}`;
  }
  const separator = kind === 'year' ? '–' : ' – ';
  return `${formatTime(kind, selection.from, lang)}${separator}${formatTime(kind, selection.to, lang)}`;
}
