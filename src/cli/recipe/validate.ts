// Validates recipes/<name>.json like layer files: every problem is returned as a value (file, JSON
// path, message), so `npm run recipe` can list them all before importing anything.

import { Checker, joinPath, type JsonObject, type ValidationError } from '../../catalogue/validate_checker';
import { checkAttribution, checkFields, checkTime } from '../../catalogue/validate_parts';
import { checkRecipeStyle } from './validate_style';
import { detectFormat } from '../import/formats';

const RECIPE_KEYS = ['title', 'base'] as const;
const LAYER_REQUIRED = ['id', 'input', 'title', 'description', 'group', 'attribution'] as const;
const LAYER_OPTIONAL = ['style', 'time', 'fields', 'refresh', 'visible', 'opacity', 'layer', 'minzoom', 'maxzoom', 'partitions'] as const;
/** Parts beyond this are a typo, not a plan: even the province's LiDAR fits in 4096 blocks per job. */
export const MAX_PARTITIONS = 4096;

/** Checks a parsed recipe; `groupIds` are the groups of layers/catalogue.json, `mainIds` its layer ids. */
export function validateRecipe(json: unknown, file: string, groupIds: string[], mainIds: string[] = []): ValidationError[] {
  const check = new Checker(file);
  try {
    const recipe = check.object(json, '');
    if (recipe) checkRecipe(check, recipe, groupIds, mainIds);
  } catch (error) {
    check.add('', `validator failed: ${String(error)}`);
  }
  return check.errors;
}

function checkRecipe(check: Checker, recipe: JsonObject, groupIds: string[], mainIds: string[]): void {
  check.keys(recipe, '', ['layers'], RECIPE_KEYS);
  if (recipe.title !== undefined) check.i18n(recipe.title, 'title');
  if (recipe.base !== undefined) check.string(recipe.base, 'base');
  const layers = recipe.layers === undefined ? undefined : check.array(recipe.layers, 'layers', 1);
  const seen = new Set<string>();
  layers?.forEach((layer, i) => {
    const id = checkLayer(check, layer, joinPath('layers', i), groupIds);
    if (id === undefined) return;
    if (seen.has(id)) check.add(joinPath(joinPath('layers', i), 'id'), `layer "${id}" is listed twice`);
    if (mainIds.includes(id)) check.add(joinPath(joinPath('layers', i), 'id'), `"${id}" is already a layer of layers/catalogue.json; choose another id`);
    seen.add(id);
  });
}

function checkLayer(check: Checker, value: unknown, path: string, groupIds: string[]): string | undefined {
  const layer = check.object(value, path);
  if (!layer) return undefined;
  const at = (key: string): string => joinPath(path, key);
  check.keys(layer, path, LAYER_REQUIRED, LAYER_OPTIONAL);
  const id = layer.id === undefined ? undefined : check.id(layer.id, at('id'));
  if (layer.input !== undefined) check.string(layer.input, at('input'));
  if (layer.title !== undefined) check.i18n(layer.title, at('title'));
  if (layer.description !== undefined) check.i18n(layer.description, at('description'));
  if (layer.group !== undefined) {
    const group = check.string(layer.group, at('group'));
    if (group !== undefined && !groupIds.includes(group)) check.add(at('group'), `one of the catalogue groups (${groupIds.join(', ')}) expected, "${group}" found`);
  }
  if (layer.style !== undefined) checkRecipeStyle(check, layer.style, at('style'), typeof layer.input === 'string' ? detectFormat(layer.input)?.kind : undefined);
  if (layer.time !== undefined) checkTime(check, layer.time, at('time'));
  if (layer.fields !== undefined) checkFields(check, layer.fields, at('fields'));
  if (layer.attribution !== undefined) checkAttribution(check, layer.attribution, at('attribution'));
  if (layer.refresh !== undefined) check.number(layer.refresh, at('refresh'), 1, 86400);
  if (layer.visible !== undefined) check.boolean(layer.visible, at('visible'));
  if (layer.opacity !== undefined) check.number(layer.opacity, at('opacity'), 0, 1);
  if (layer.layer !== undefined) check.string(layer.layer, at('layer'));
  const min = layer.minzoom === undefined ? undefined : wholeNumber(check, layer.minzoom, at('minzoom'), 0, 22);
  const max = layer.maxzoom === undefined ? undefined : wholeNumber(check, layer.maxzoom, at('maxzoom'), 0, 22);
  if (min !== undefined && max !== undefined && min > max) check.add(at('maxzoom'), `maxzoom ≥ minzoom (${min}) expected, ${max} found`);
  if (layer.partitions !== undefined) wholeNumber(check, layer.partitions, at('partitions'), 1, MAX_PARTITIONS);
  return id;
}

function wholeNumber(check: Checker, value: unknown, path: string, min: number, max: number): number | undefined {
  const number = check.number(value, path, min, max);
  if (number !== undefined && !Number.isInteger(number)) {
    check.add(path, `whole number expected, ${number} found`);
    return undefined;
  }
  return number;
}
