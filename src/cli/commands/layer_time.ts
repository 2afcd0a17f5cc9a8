// A catalogue layer (layers/<id>.json) at the time asked with `--time <value>` or
// `--from <a> --to <b>`, resolved with the app's own functions — collectTimes (the layer's
// times), resolveSelection, timeFilter (the map's filter), shownUrl (a series' file of that
// date) and exportTime (file names, `time` column) — so the CLI reads what the map shows at
// that time, with no second predicate. Without a time option: every time of an attribute-time
// layer (no filter) and the default file (source.url) of a series, as the app before a choice.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { LayerDefinition } from '../../catalogue/types';
import type { DataAccess } from '../../queries/identify_data';
import { fileDataAccess } from '../../queries/identify_data_node';
import { collectTimes, isTimeLayer } from '../../queries/time_collect';
import { timeFilter, type FilterExpression } from '../../queries/time_filter';
import { exportTime, type ExportTime } from '../../queries/export_time';
import { resolveSelection, shownUrl } from '../../state/time_selection';
import type { TimeSelection } from '../../state/time_state';

/** Where catalogue URLs such as "data/x.pmtiles" live on disk (the app's public folder). */
export const DATA_ROOT = 'public';
const LAYER_DIRS = ['layers', 'layers/local'];

export interface LayerAtTime {
  def: LayerDefinition;
  /** The catalogue URL of the file read: a series' file of the date asked, else source.url. */
  url: string;
  /** The map's time filter (null: every feature kept). */
  filter: FilterExpression | null;
  /** The time for file names, the CSV `time` column and the output (undefined: no time asked). */
  time?: ExportTime;
}

export async function readLayerDefinition(id: string): Promise<LayerDefinition> {
  const file = LAYER_DIRS.map((dir) => path.join(dir, `${id}.json`)).find((f) => existsSync(f));
  if (!file) throw new Error(`layer "${id}": no layers/${id}.json (give a catalogue layer id)`);
  try {
    return JSON.parse(await readFile(file, 'utf8')) as LayerDefinition;
  } catch (error) {
    throw new Error(`${file}: not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** A catalogue URL as a local path under DATA_ROOT (http(s) URLs unchanged). */
export function localLocation(url: string): string {
  return /^https?:\/\//i.test(url) ? url : path.join(DATA_ROOT, url);
}

/** The selection of `--time` or `--from`/`--to` (null: none given). */
export function askedTime(options: Map<string, string>): TimeSelection | null {
  const [time, from, to] = [options.get('time'), options.get('from'), options.get('to')];
  if (time !== undefined && (from !== undefined || to !== undefined)) throw new Error('give either --time <value> or --from <a> --to <b>, not both');
  if ((from === undefined) !== (to === undefined)) throw new Error('--from and --to go together (a range of times)');
  if (time !== undefined) return { mode: 'single', value: time };
  return from !== undefined && to !== undefined ? { mode: 'range', from, to } : null;
}

/** True when the command line asks for a time. */
export function hasTimeOption(options: Map<string, string>): boolean {
  return ['time', 'from', 'to'].some((name) => options.has(name));
}

function checkAsked(def: LayerDefinition, values: string[], asked: TimeSelection): void {
  if (def.source.series && asked.mode === 'range') {
    throw new Error(`layer "${def.id}": a series shows one date at a time; give --time <date> (one of ${values.join(', ')})`);
  }
  const wanted = asked.mode === 'single' ? [asked.value] : [asked.from, asked.to];
  const unknown = wanted.find((value) => !values.includes(value));
  // The app snaps a link's time to the nearest one; a command line is explicit, so it says so.
  if (unknown !== undefined) throw new Error(`layer "${def.id}": "${unknown}" is not one of its times: ${values.join(', ')}`);
}

/** The layer as the map shows it at the asked time (or as it is, when none is asked). */
export async function layerAtTime(def: LayerDefinition, asked: TimeSelection | null, data: DataAccess = fileDataAccess(DATA_ROOT)): Promise<LayerAtTime> {
  if (!asked) return { def, url: def.source.url, filter: null };
  if (!isTimeLayer(def)) throw new Error(`layer "${def.id}" has no time (no "time" field nor "source.series"); drop --time/--from/--to`);
  const values = await collectTimes(def, data);
  if (values.length === 0) throw new Error(`layer "${def.id}": no time found in its data`);
  checkAsked(def, values, asked);
  const selection = resolveSelection(def, values, asked);
  const filter = def.source.series ? null : timeFilter(def.time ?? { kind: 'date' }, values, selection);
  const url = shownUrl(def, { layerId: def.id, selection });
  const label = selection.mode === 'single' ? selection.value : `${selection.from}–${selection.to}`;
  return { def, url, filter, time: exportTime({ selection, label, filter }) };
}
