// Checks for the nested blocks of a layer file (source, cog, legend, fields, attribution,
// time, bounds). Each function reports into the Checker and never throws.
import { Checker, joinPath, type JsonObject } from './validate_checker';
import type { SourceKind } from './types';
import { kindsWhere, SOURCE_KIND_TRAITS, SOURCE_KINDS } from '../sources/kinds/traits';

export { SOURCE_KINDS };

/** What the source block tells the style check. */
export interface SourceInfo {
  kind?: SourceKind;
  sourceLayer?: string;
}

export function checkSource(check: Checker, value: unknown, path: string): SourceInfo {
  const obj = check.object(value, path);
  if (!obj) return {};
  check.keys(obj, path, ['kind', 'url'], ['sourceLayer', 'cog', 'series']);
  const info: SourceInfo = {};
  if (obj.kind !== undefined) info.kind = check.oneOf(obj.kind, joinPath(path, 'kind'), SOURCE_KINDS);
  if (obj.url !== undefined) check.string(obj.url, joinPath(path, 'url'));
  if (obj.sourceLayer !== undefined) info.sourceLayer = check.string(obj.sourceLayer, joinPath(path, 'sourceLayer'));
  if (obj.cog !== undefined) checkCog(check, obj.cog, joinPath(path, 'cog'));
  if (info.kind !== undefined) checkKindKeys(check, obj, info.kind, path);
  if (obj.series !== undefined) checkSeries(check, obj, info.kind, joinPath(path, 'series'));
  return info;
}

/** The keys only some kinds take: required by their kind, refused by the others (sourceLayer is tolerated). */
function checkKindKeys(check: Checker, obj: JsonObject, kind: SourceKind, path: string): void {
  const required = SOURCE_KIND_TRAITS[kind].requires;
  if (required && obj[required.key] === undefined) {
    check.add(joinPath(path, required.key), `required for kind "${kind}": ${required.why}`);
  }
  if (obj.cog !== undefined && required?.key !== 'cog') check.add(joinPath(path, 'cog'), `only allowed for kind "cog", kind is "${kind}"`);
}

const COG_KEYS = ['bands', 'ramp', 'categories', 'stretch', 'stretchPercent', 'resampling', 'product', 'unit', 'crs'] as const;

export function checkCog(check: Checker, value: unknown, path: string): void {
  const obj = check.object(value, path);
  if (!obj) return;
  check.keys(obj, path, ['mode'], COG_KEYS);
  const mode = obj.mode === undefined ? undefined : check.oneOf(obj.mode, joinPath(path, 'mode'), ['continuous', 'categorical', 'rgb'] as const);
  if (obj.bands !== undefined) checkBands(check, obj.bands, joinPath(path, 'bands'), mode === 'rgb' ? 3 : 1);
  if (obj.ramp !== undefined) checkRamp(check, obj.ramp, joinPath(path, 'ramp'));
  else if (mode === 'continuous' && obj.product === undefined) check.add(joinPath(path, 'ramp'), 'required for mode "continuous": [value, colour] stops');
  if (obj.categories !== undefined) checkCategories(check, obj.categories, joinPath(path, 'categories'));
  else if (mode === 'categorical') check.add(joinPath(path, 'categories'), 'required for mode "categorical": code → colour');
  if (obj.stretch !== undefined) checkStretch(check, obj.stretch, joinPath(path, 'stretch'));
  if (obj.stretchPercent !== undefined) checkStretch(check, [obj.stretchPercent], joinPath(path, 'stretchPercent'));
  if (obj.resampling !== undefined) check.oneOf(obj.resampling, joinPath(path, 'resampling'), ['nearest', 'bilinear']);
  if (obj.product !== undefined) check.oneOf(obj.product, joinPath(path, 'product'), ['hillshade', 'slope']);
  if (obj.unit !== undefined) check.string(obj.unit, joinPath(path, 'unit'));
}

function checkBands(check: Checker, value: unknown, path: string, expected: number): void {
  const bands = check.array(value, path, 1);
  if (!bands) return;
  if (bands.length !== expected) check.add(path, `${expected} band number(s) expected for this mode, ${bands.length} found`);
  bands.forEach((band, i) => {
    if (!Number.isInteger(band) || (band as number) < 1) check.add(joinPath(path, i), `1-based band number expected, ${String(band)} found`);
  });
}

function checkRamp(check: Checker, value: unknown, path: string): void {
  const stops = check.array(value, path, 2);
  if (!stops) return;
  let previous = -Infinity;
  stops.forEach((stop, i) => {
    const stopPath = joinPath(path, i);
    const pair = check.array(stop, stopPath);
    if (!pair) return;
    if (pair.length !== 2) return check.add(stopPath, `[value, colour] expected, ${pair.length} items found`);
    const at = check.number(pair[0], joinPath(stopPath, 0));
    check.color(pair[1], joinPath(stopPath, 1));
    if (at === undefined) return;
    if (at <= previous) check.add(joinPath(stopPath, 0), `values must ascend: ${at} follows ${previous}`);
    previous = at;
  });
}

function checkCategories(check: Checker, value: unknown, path: string): void {
  const obj = check.object(value, path);
  if (!obj) return;
  if (Object.keys(obj).length === 0) check.add(path, 'at least one code → colour expected, none found');
  for (const [code, colour] of Object.entries(obj)) check.color(colour, joinPath(path, code));
}

function checkStretch(check: Checker, value: unknown, path: string): void {
  const ranges = check.array(value, path, 1);
  ranges?.forEach((range, i) => {
    const pair = check.array(range, joinPath(path, i));
    if (!pair) return;
    if (pair.length !== 2) return check.add(joinPath(path, i), `[min, max] expected, ${pair.length} items found`);
    const min = check.number(pair[0], joinPath(joinPath(path, i), 0));
    const max = check.number(pair[1], joinPath(joinPath(path, i), 1));
    if (min !== undefined && max !== undefined && min >= max) check.add(joinPath(path, i), `min < max expected, [${min}, ${max}] found`);
  });
}

export function checkLegend(check: Checker, value: unknown, path: string): void {
  const obj = check.object(value, path);
  if (!obj) return;
  check.keys(obj, path, ['type', 'items'], []);
  if (obj.type !== undefined) check.oneOf(obj.type, joinPath(path, 'type'), ['categories', 'ramp']);
  if (obj.items === undefined) return;
  const items = check.array(obj.items, joinPath(path, 'items'), obj.type === 'ramp' ? 2 : 1);
  items?.forEach((item, i) => {
    const itemPath = joinPath(joinPath(path, 'items'), i);
    const entry = check.object(item, itemPath);
    if (!entry) return;
    check.keys(entry, itemPath, ['label', 'color'], ['shape']);
    if (entry.label !== undefined) check.i18n(entry.label, joinPath(itemPath, 'label'));
    if (entry.color !== undefined) check.color(entry.color, joinPath(itemPath, 'color'));
    if (entry.shape !== undefined) check.oneOf(entry.shape, joinPath(itemPath, 'shape'), ['fill', 'line', 'circle', 'raster']);
  });
}

export function checkFields(check: Checker, value: unknown, path: string): void {
  const fields = check.array(value, path);
  const seen = new Set<string>();
  fields?.forEach((field, i) => {
    const fieldPath = joinPath(path, i);
    const obj = check.object(field, fieldPath);
    if (!obj) return;
    check.keys(obj, fieldPath, ['name', 'label'], ['type', 'unit', 'codes']);
    const name = obj.name === undefined ? undefined : check.string(obj.name, joinPath(fieldPath, 'name'));
    if (name !== undefined && seen.has(name)) check.add(joinPath(fieldPath, 'name'), `field "${name}" is listed twice`);
    if (name !== undefined) seen.add(name);
    if (obj.label !== undefined) check.i18n(obj.label, joinPath(fieldPath, 'label'));
    if (obj.type !== undefined) check.oneOf(obj.type, joinPath(fieldPath, 'type'), ['string', 'number', 'date', 'year']);
    if (obj.unit !== undefined) check.string(obj.unit, joinPath(fieldPath, 'unit'));
    if (obj.codes !== undefined) checkCodes(check, obj.codes, joinPath(fieldPath, 'codes'));
  });
}

function checkCodes(check: Checker, value: unknown, path: string): void {
  const codes = check.object(value, path);
  if (!codes) return;
  for (const [code, label] of Object.entries(codes)) check.i18n(label, joinPath(path, code));
}

export function checkAttribution(check: Checker, value: unknown, path: string): void {
  const obj = check.object(value, path);
  if (!obj) return;
  check.keys(obj, path, ['organisation', 'licence', 'date'], ['url']);
  if (obj.organisation !== undefined) check.i18n(obj.organisation, joinPath(path, 'organisation'));
  if (obj.licence !== undefined) check.string(obj.licence, joinPath(path, 'licence'));
  if (obj.date !== undefined) {
    const date = check.string(obj.date, joinPath(path, 'date'));
    if (date !== undefined && !/^\d{4}(-\d{2}(-\d{2})?)?$/.test(date)) {
      check.add(joinPath(path, 'date'), `ISO date or year expected (2021, 2021-06 or 2021-06-30), ${JSON.stringify(date)} found`);
    }
  }
  if (obj.url !== undefined) check.string(obj.url, joinPath(path, 'url'));
}

/** `hasSeries`: the source lists a series, whose dates make the layer's time (no field needed). */
export function checkTime(check: Checker, value: unknown, path: string, hasSeries = false): void {
  const obj = check.object(value, path);
  if (!obj) return;
  check.keys(obj, path, ['kind'], ['field', 'values']);
  if (obj.field !== undefined) check.string(obj.field, joinPath(path, 'field'));
  else if (!hasSeries) check.add(joinPath(path, 'field'), 'required unless source.series lists the dates: the attribute holding the time');
  const kind = obj.kind === undefined ? undefined : check.oneOf(obj.kind, joinPath(path, 'kind'), ['year', 'date', 'period']);
  const values = obj.values === undefined ? undefined : check.array(obj.values, joinPath(path, 'values'), 1);
  values?.forEach((item, i) => {
    const text = check.string(item, joinPath(joinPath(path, 'values'), i));
    if (text !== undefined && kind !== undefined && !TIME_PATTERNS[kind].test(text)) {
      check.add(joinPath(joinPath(path, 'values'), i), `${kind} expected (${TIME_EXAMPLES[kind]}), ${JSON.stringify(text)} found`);
    }
  });
}

const TIME_PATTERNS = { year: /^\d{4}$/, date: /^\d{4}-\d{2}-\d{2}/, period: /^\d{4}\s*[-–]\s*\d{4}$/ } as const;
const TIME_EXAMPLES = { year: '2019', date: '2019-05-04', period: '1990-1999' } as const;
const SERIES_KINDS = kindsWhere((traits) => traits.series);

/** source.series: [{date, url}], dates ascending and unique, one of them the source's own url. */
function checkSeries(check: Checker, source: JsonObject, kind: SourceKind | undefined, path: string): void {
  if (kind !== undefined && !SERIES_KINDS.includes(kind)) check.add(path, `only allowed for kinds ${SERIES_KINDS.join(', ')}, kind is "${kind}"`);
  const entries = check.array(source.series, path, 1);
  if (!entries) return;
  let previous = '';
  const urls: string[] = [];
  entries.forEach((entry, i) => {
    const entryPath = joinPath(path, i);
    const obj = check.object(entry, entryPath);
    if (!obj) return;
    check.keys(obj, entryPath, ['date', 'url'], []);
    const url = obj.url === undefined ? undefined : check.string(obj.url, joinPath(entryPath, 'url'));
    if (url !== undefined) urls.push(url);
    const date = obj.date === undefined ? undefined : check.string(obj.date, joinPath(entryPath, 'date'));
    if (date === undefined) return;
    if (!/^\d{4}(-\d{2}-\d{2})?$/.test(date)) return check.add(joinPath(entryPath, 'date'), `ISO date or year expected (2019-05-04 or 2019), ${JSON.stringify(date)} found`);
    if (date <= previous) check.add(joinPath(entryPath, 'date'), `dates must ascend without repeats: ${date} follows ${previous}`);
    previous = date;
  });
  if (typeof source.url === 'string' && urls.length > 0 && !urls.includes(source.url)) {
    check.add(joinPath(path.replace(/\.series$/, ''), 'url'), `must be one of the series' urls (the date shown first), "${source.url}" found`);
  }
}

export function checkBounds(check: Checker, value: unknown, path: string): void {
  const box = check.array(value, path);
  if (!box) return;
  if (box.length !== 4) return check.add(path, `[west, south, east, north] expected, ${box.length} numbers found`);
  const [west, south, east, north] = [
    check.number(box[0], joinPath(path, 0), -180, 180),
    check.number(box[1], joinPath(path, 1), -90, 90),
    check.number(box[2], joinPath(path, 2), -180, 180),
    check.number(box[3], joinPath(path, 3), -90, 90),
  ];
  if (west !== undefined && east !== undefined && west >= east) check.add(path, `west < east expected, ${west} ≥ ${east} found`);
  if (south !== undefined && north !== undefined && south >= north) check.add(path, `south < north expected, ${south} ≥ ${north} found`);
}

/** minzoom/maxzoom of a layer: 0..24 and min ≤ max. */
export function checkZooms(check: Checker, obj: JsonObject): void {
  const min = obj.minzoom === undefined ? undefined : check.number(obj.minzoom, 'minzoom', 0, 24);
  const max = obj.maxzoom === undefined ? undefined : check.number(obj.maxzoom, 'maxzoom', 0, 24);
  if (min !== undefined && max !== undefined && min > max) check.add('maxzoom', `maxzoom ≥ minzoom (${min}) expected, ${max} found`);
}
