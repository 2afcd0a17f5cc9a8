// The times of a time-enabled layer, as text: years "2019", dates "2019-05-04", periods
// "1990-1999". Raw attribute values are normalised, deduplicated and sorted in time order,
// so the slider steps over the layer's actual times. Pure: runs in the browser and in Node.
import type { TimeSpec } from '../catalogue/types';

export type TimeKind = TimeSpec['kind'];

const PERIOD = /^(\d{4})\s*[-–]\s*(\d{4})$/;

/** "1990-1999" → [1990, 1999]; null when the text is not a period of years. */
export function parsePeriod(value: string): [number, number] | null {
  const match = PERIOD.exec(value.trim());
  if (!match) return null;
  const start = Number(match[1]);
  const end = Number(match[2]);
  return start <= end ? [start, end] : null;
}

/** A raw attribute value → the layer's time text, or null when it holds no time of that kind. */
export function normaliseTime(kind: TimeKind, raw: unknown): string | null {
  if (raw === null || raw === undefined) return null;
  const text = String(raw).trim();
  if (kind === 'period') return parsePeriod(text) ? text : null;
  // Years may be stored as numbers (1990), strings ("1990") or dates ("1990-07-14").
  if (kind === 'year') return /^\d{4}(\D|$)/.test(text) ? text.slice(0, 4) : null;
  return /^\d{4}-\d{2}-\d{2}/.test(text) ? text.slice(0, 10) : null;
}

/** Where a time starts and ends, as comparable text ("1990", "2019-05-04"). */
export function timeBounds(kind: TimeKind, value: string): [string, string] {
  if (kind !== 'period') return [value, value];
  const period = parsePeriod(value);
  return period ? [String(period[0]), String(period[1])] : [value, value];
}

/** Distinct times of raw values, in time order (periods by start, then end). */
export function distinctTimes(kind: TimeKind, raws: Iterable<unknown>): string[] {
  const seen = new Set<string>();
  for (const raw of raws) {
    const value = normaliseTime(kind, raw);
    if (value !== null) seen.add(value);
  }
  return sortTimes(kind, [...seen]);
}

export function sortTimes(kind: TimeKind, values: string[]): string[] {
  return [...values].sort((a, b) => {
    const [aStart, aEnd] = timeBounds(kind, a);
    const [bStart, bEnd] = timeBounds(kind, b);
    return aStart.localeCompare(bStart) || aEnd.localeCompare(bEnd);
  });
}

/** The values from `from` to `to` inclusive (in list order); empty when either is unknown. */
export function valuesBetween(values: readonly string[], from: string, to: string): string[] {
  const start = values.indexOf(from);
  const end = values.indexOf(to);
  if (start < 0 || end < 0) return [];
  return values.slice(Math.min(start, end), Math.max(start, end) + 1);
}

/** The listed value closest to a wanted one (same text, else the first that starts at or after it). */
export function nearestTime(kind: TimeKind, values: readonly string[], wanted: string): string | undefined {
  if (values.includes(wanted)) return wanted;
  const [start] = timeBounds(kind, normaliseTime(kind, wanted) ?? wanted);
  return values.find((value) => timeBounds(kind, value)[1] >= start) ?? values[values.length - 1];
}
