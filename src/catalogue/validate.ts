// Validators for layers/catalogue.json and layers/<id>.json (shape in ./types.ts).
// Pure and DOM-free: they return every problem as a value and never throw, so a test can
// list all problems of all files at once and the app can show a broken layer in its panel.
import type { CatalogueFile, LayerDefinition } from './types';
import { Checker, joinPath, type JsonObject, type ValidationError } from './validate_checker';
import {
  checkAttribution, checkBounds, checkFields, checkLegend, checkSource, checkTime, checkZooms,
} from './validate_parts';
import { checkStyleWithSpec, type StyleEntry } from './validate_style';
import { checkFloodFields } from './validate_flood';

export { formatError, type ValidationError } from './validate_checker';

const LAYER_REQUIRED = ['id', 'title', 'description', 'group', 'source', 'style', 'legend', 'attribution'] as const;
const LAYER_OPTIONAL = ['fields', 'time', 'synthetic', 'visible', 'opacity', 'minzoom', 'maxzoom', 'bounds',
  'coverage', 'floodZone', 'floodHistory', 'refresh'] as const;
/** Near-real-time checks: not more often than every second, at least once a day. */
const REFRESH_RANGE = [1, 86400] as const;
const STYLE_TYPES = ['fill', 'line', 'circle', 'symbol', 'raster', 'fill-extrusion', 'heatmap'] as const;

/** "layers/local/my-fires.json" → "my-fires" */
export function fileStem(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.json$/i, '');
}

/** Checks one layers/<id>.json; `groupIds` are the group ids of catalogue.json. */
export function validateLayer(json: unknown, file: string, groupIds: string[]): ValidationError[] {
  const check = new Checker(file);
  try {
    checkLayer(check, json, file, groupIds);
  } catch (error) {
    // A validator bug must not take the app down; report it like any other problem.
    check.add('', `validator failed: ${String(error)}`);
  }
  return check.errors;
}

/** True when `json` is a valid layer definition (a guard for the loader). */
export function isLayerDefinition(json: unknown, file: string, groupIds: string[]): json is LayerDefinition {
  return validateLayer(json, file, groupIds).length === 0;
}

function checkLayer(check: Checker, json: unknown, file: string, groupIds: string[]): void {
  const layer = check.object(json, '');
  if (!layer) return;
  check.keys(layer, '', LAYER_REQUIRED, LAYER_OPTIONAL);
  checkIdentity(check, layer, file, groupIds);
  const source = layer.source === undefined ? {} : checkSource(check, layer.source, 'source');
  if (layer.style !== undefined) {
    const entries = checkStyleEntries(check, layer.style);
    checkStyleWithSpec(check, entries, source.kind, source.sourceLayer);
  }
  if (layer.legend !== undefined) checkLegend(check, layer.legend, 'legend');
  if (layer.fields !== undefined) checkFields(check, layer.fields, 'fields');
  if (layer.attribution !== undefined) checkAttribution(check, layer.attribution, 'attribution');
  if (layer.time !== undefined) checkTime(check, layer.time, 'time', (layer.source as JsonObject | undefined)?.series !== undefined);
  if (layer.synthetic !== undefined) check.boolean(layer.synthetic, 'synthetic');
  if (layer.visible !== undefined) check.boolean(layer.visible, 'visible');
  if (layer.opacity !== undefined) check.number(layer.opacity, 'opacity', 0, 1);
  checkZooms(check, layer);
  if (layer.bounds !== undefined) checkBounds(check, layer.bounds, 'bounds');
  checkFloodFields(check, layer, source.kind);
  if (layer.refresh !== undefined) check.number(layer.refresh, 'refresh', ...REFRESH_RANGE);
}

function checkIdentity(check: Checker, layer: JsonObject, file: string, groupIds: string[]): void {
  if (layer.id !== undefined) {
    const id = check.id(layer.id, 'id');
    const stem = fileStem(file);
    if (id !== undefined && id !== stem) check.add('id', `id must equal the file name "${stem}", "${id}" found`);
  }
  if (layer.title !== undefined) check.i18n(layer.title, 'title');
  if (layer.description !== undefined) check.i18n(layer.description, 'description');
  if (layer.group !== undefined) {
    const group = check.string(layer.group, 'group');
    if (group !== undefined && !groupIds.includes(group)) {
      check.add('group', `one of the catalogue groups (${groupIds.join(', ')}) expected, "${group}" found`);
    }
  }
}

/** Structural checks of style[]; returns the entries MapLibre's validator should see. */
function checkStyleEntries(check: Checker, value: unknown): StyleEntry[] {
  const style = check.array(value, 'style', 1);
  if (!style) return [];
  const entries: StyleEntry[] = [];
  style.forEach((item, index) => {
    const path = joinPath('style', index);
    const obj = check.object(item, path);
    if (!obj) return;
    check.keys(obj, path, ['type'], ['paint', 'layout', 'filter', 'minzoom', 'maxzoom']);
    if (obj.type === undefined) return;
    if (check.oneOf(obj.type, joinPath(path, 'type'), STYLE_TYPES) === undefined) return;
    const known: JsonObject = {};
    for (const key of ['type', 'paint', 'layout', 'filter', 'minzoom', 'maxzoom']) {
      if (obj[key] !== undefined) known[key] = obj[key];
    }
    entries.push({ index, obj: known });
  });
  return entries;
}

/** Checks layers/catalogue.json. */
export function validateCatalogue(json: unknown, file: string): ValidationError[] {
  const check = new Checker(file);
  try {
    const catalogue = check.object(json, '');
    if (catalogue) {
      check.keys(catalogue, '', ['groups', 'layers'], ['refresh']);
      if (catalogue.refresh !== undefined) check.number(catalogue.refresh, 'refresh', ...REFRESH_RANGE);
      if (catalogue.groups !== undefined) checkGroups(check, catalogue.groups);
      if (catalogue.layers !== undefined) checkLayerIds(check, catalogue.layers);
    }
  } catch (error) {
    check.add('', `validator failed: ${String(error)}`);
  }
  return check.errors;
}

/** True when `json` is a valid catalogue.json (a guard for the loader). */
export function isCatalogueFile(json: unknown, file: string): json is CatalogueFile {
  return validateCatalogue(json, file).length === 0;
}

function checkGroups(check: Checker, value: unknown): void {
  const groups = check.array(value, 'groups', 1);
  const seen = new Set<string>();
  groups?.forEach((group, i) => {
    const path = joinPath('groups', i);
    const obj = check.object(group, path);
    if (!obj) return;
    check.keys(obj, path, ['id', 'title'], []);
    const id = obj.id === undefined ? undefined : check.id(obj.id, joinPath(path, 'id'));
    if (id !== undefined && seen.has(id)) check.add(joinPath(path, 'id'), `group "${id}" is listed twice`);
    if (id !== undefined) seen.add(id);
    if (obj.title !== undefined) check.i18n(obj.title, joinPath(path, 'title'));
  });
}

function checkLayerIds(check: Checker, value: unknown): void {
  const ids = check.array(value, 'layers');
  const seen = new Set<string>();
  ids?.forEach((item, i) => {
    const id = check.id(item, joinPath('layers', i));
    if (id !== undefined && seen.has(id)) check.add(joinPath('layers', i), `layer "${id}" is listed twice`);
    if (id !== undefined) seen.add(id);
  });
}
