// Exports of a time-filtered layer hold what the map shows: a researcher who set the slider to
// 1990–2019 and exports expects those decades, not every feature of the file. So the features
// are kept with the map's own time filter (time_match.ts), the time is written in the file name
// (geoveille_<layer>_<time>_<date>.csv), in a `time` column of the CSV and in the GeoJSON, and
// the report notes it. A layer shown on every time (no filter) is exported whole, named as before.
import type { ClippedLayer } from './stats_vector';
import type { FilterExpression } from './time_filter';
import { keepShownTime } from './time_match';
import type { TimeSelection } from '../state/time_state';

export interface ExportTime {
  /** As people read it, in the UI language ("1990–2019", "4 mai 2019"). */
  label: string;
  /** As written in file names and columns: "1990-1999" or "1990-1999_2010-2019". */
  text: string;
  /** The map's time filter; null keeps every feature (a series: one file per date). */
  filter: FilterExpression | null;
}

export type TimedClippedLayer = ClippedLayer & { time?: ExportTime };

/** The time of a layer as the map shows it, for exports (undefined: not a time layer). */
export function exportTime(shown: { selection: TimeSelection; label: string; filter: FilterExpression | null } | undefined): ExportTime | undefined {
  if (!shown) return undefined;
  const { selection } = shown;
  const text = selection.mode === 'single' || selection.from === selection.to
    ? (selection.mode === 'single' ? selection.value : selection.from)
    : `${selection.from}_${selection.to}`;
  return { label: shown.label, text, filter: shown.filter };
}

/** The clipped features of the time shown, with a note saying so (`note` is in the UI language). */
export function clippedAtTime(clipped: ClippedLayer, time: ExportTime | undefined, note?: (time: ExportTime, dropped: number) => string): TimedClippedLayer {
  if (!time) return clipped;
  const kept = keepShownTime(clipped.clipped, time.filter);
  const dropped = clipped.clipped.length - kept.length;
  const notes = note && time.filter ? [...clipped.notes, note(time, dropped)] : clipped.notes;
  return { ...clipped, clipped: kept, notes, time };
}
