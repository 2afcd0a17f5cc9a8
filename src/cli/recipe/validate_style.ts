// Checks a recipe's style block: vector styles (single, categorical, graduated) and raster styles
// (ramp, categories, rgb). Reports into the Checker; never throws.

import { Checker, joinPath, type JsonObject } from '../../catalogue/validate_checker';
import { checkCog } from '../../catalogue/validate_parts';
import { RASTER_STYLES, VECTOR_STYLES } from './types';

const STYLE_KEYS: Record<string, { required: string[]; optional: string[] }> = {
  single: { required: ['type', 'color'], optional: ['label', 'labelField', 'outlineOnly'] },
  categorical: { required: ['type', 'field', 'classes'], optional: ['other', 'labelField', 'outlineOnly'] },
  graduated: { required: ['type', 'classes'], optional: ['field', 'band', 'labelField', 'outlineOnly'] },
  ramp: { required: ['type', 'stops'], optional: ['unit', 'band'] },
  categories: { required: ['type', 'classes'], optional: ['band'] },
  rgb: { required: ['type'], optional: ['bands', 'stretch', 'stretchPercent'] },
};

/** `kind`: what the layer's input holds, when its extension tells (a graduated style needs a field for vectors, a band for rasters). */
export function checkRecipeStyle(check: Checker, value: unknown, path: string, kind?: 'vector' | 'raster'): void {
  const style = check.object(value, path);
  if (!style) return;
  const type = check.oneOf(style.type, joinPath(path, 'type'), [...VECTOR_STYLES, ...RASTER_STYLES]);
  if (type === undefined) return;
  const keys = STYLE_KEYS[type] as { required: string[]; optional: string[] };
  check.keys(style, path, keys.required, keys.optional);
  const at = (key: string): string => joinPath(path, key);
  if (style.field !== undefined) check.string(style.field, at('field'));
  if (style.labelField !== undefined) check.string(style.labelField, at('labelField'));
  if (style.outlineOnly !== undefined) check.boolean(style.outlineOnly, at('outlineOnly'));
  if (style.color !== undefined) check.color(style.color, at('color'));
  if (style.other !== undefined) check.color(style.other, at('other'));
  if (style.label !== undefined) check.i18n(style.label, at('label'));
  if (style.classes !== undefined) checkClasses(check, style.classes, at('classes'), type === 'graduated');
  if (style.band !== undefined && (!Number.isInteger(style.band) || (style.band as number) < 1)) check.add(at('band'), `1-based band number expected, ${String(style.band)} found`);
  if (type === 'ramp' || type === 'rgb') checkCog(check, cogPart(style, type), path);
  if (type === 'graduated' && kind === 'vector' && style.field === undefined) check.add(at('field'), 'required for vector data: the number field the classes divide');
  if (type === 'graduated' && kind === 'raster' && style.field !== undefined) check.add(at('field'), 'a raster has bands, not fields: use "band" (1-based, default 1)');
}

/** The parts a COG rendering block shares with the recipe, checked by the layer validator's own rules. */
function cogPart(style: JsonObject, type: 'ramp' | 'rgb'): JsonObject {
  if (type === 'ramp') return { mode: 'continuous', ...(style.stops !== undefined ? { ramp: style.stops } : {}), ...(style.unit !== undefined ? { unit: style.unit } : {}) };
  const part: JsonObject = { mode: 'rgb' };
  for (const key of ['bands', 'stretch', 'stretchPercent']) if (style[key] !== undefined) part[key] = style[key];
  return part;
}

function checkClasses(check: Checker, value: unknown, path: string, ranges: boolean): void {
  const classes = check.array(value, path, 1);
  const seen = new Set<string>();
  classes?.forEach((item, i) => {
    const itemPath = joinPath(path, i);
    const entry = check.object(item, itemPath);
    if (!entry) return;
    check.keys(entry, itemPath, ranges ? ['color', 'label'] : ['value', 'color', 'label'], ranges ? ['min', 'max'] : []);
    if (entry.color !== undefined) check.color(entry.color, joinPath(itemPath, 'color'));
    if (entry.label !== undefined) check.i18n(entry.label, joinPath(itemPath, 'label'));
    if (ranges) return checkRange(check, entry, itemPath);
    if (typeof entry.value !== 'string' && typeof entry.value !== 'number') {
      return check.add(joinPath(itemPath, 'value'), `string or number expected, ${JSON.stringify(entry.value)} found`);
    }
    if (seen.has(String(entry.value))) check.add(joinPath(itemPath, 'value'), `value ${JSON.stringify(entry.value)} is listed twice`);
    seen.add(String(entry.value));
  });
}

function checkRange(check: Checker, entry: JsonObject, path: string): void {
  const min = entry.min === undefined ? undefined : check.number(entry.min, joinPath(path, 'min'));
  const max = entry.max === undefined ? undefined : check.number(entry.max, joinPath(path, 'max'));
  if (entry.min === undefined && entry.max === undefined) check.add(path, 'min or max (or both) expected');
  if (min !== undefined && max !== undefined && min >= max) check.add(path, `min < max expected, [${min}, ${max}] found`);
}
