// Checks for the flood-verdict fields of a layer file: coverage, floodZone, floodHistory.
// Like the other parts, they report into the Checker and never throw.
import { Checker, joinPath, type JsonObject } from './validate_checker';
import { FLOOD_CLASSES, type SourceKind } from './types';
import { canGiveVerdict, kindsWhere } from '../sources/kinds/traits';

const VECTOR_KINDS = kindsWhere((traits) => traits.holds === 'features');

export function checkFloodFields(check: Checker, layer: JsonObject, kind: SourceKind | undefined): void {
  if (layer.coverage !== undefined) checkCoverage(check, layer.coverage);
  const fieldNames = declaredFieldNames(layer.fields);
  if (layer.floodZone !== undefined) {
    checkVectorOnly(check, 'floodZone', kind);
    checkFloodZone(check, layer.floodZone, fieldNames);
  }
  if (layer.floodHistory !== undefined) {
    checkVectorOnly(check, 'floodHistory', kind);
    const spec = check.object(layer.floodHistory, 'floodHistory');
    if (!spec) return;
    check.keys(spec, 'floodHistory', ['dateField'], []);
    if (spec.dateField !== undefined) checkFieldName(check, spec.dateField, 'floodHistory.dateField', fieldNames);
  }
}

function checkCoverage(check: Checker, value: unknown): void {
  const url = check.string(value, 'coverage');
  if (url !== undefined && !/\.(geo)?json(\?.*)?$/i.test(url)) {
    check.add('coverage', `URL of a GeoJSON file (.geojson or .json) expected, "${url}" found`);
  }
}

function checkFloodZone(check: Checker, value: unknown, fieldNames: Set<string> | null): void {
  const spec = check.object(value, 'floodZone');
  if (!spec) return;
  check.keys(spec, 'floodZone', ['field', 'classes'], ['links']);
  if (spec.links !== undefined) checkFloodLinks(check, spec.links);
  if (spec.field !== undefined) checkFieldName(check, spec.field, 'floodZone.field', fieldNames);
  if (spec.classes === undefined) return;
  const classes = check.object(spec.classes, 'floodZone.classes');
  if (!classes) return;
  if (Object.keys(classes).length === 0) check.add('floodZone.classes', 'at least one value → class expected, none found');
  for (const [raw, recurrence] of Object.entries(classes)) {
    check.oneOf(recurrence, joinPath('floodZone.classes', raw), FLOOD_CLASSES);
  }
}

/** Links people follow from the flood answer: a label in both languages and an https:// address. */
function checkFloodLinks(check: Checker, value: unknown): void {
  const links = check.array(value, 'floodZone.links');
  links?.forEach((item, index) => {
    const path = joinPath('floodZone.links', String(index));
    const link = check.object(item, path);
    if (!link) return;
    check.keys(link, path, ['label', 'url'], []);
    if (link.label !== undefined) check.i18n(link.label, joinPath(path, 'label'));
    const url = link.url === undefined ? undefined : check.string(link.url, joinPath(path, 'url'));
    if (url !== undefined && !/^https:\/\/[^\s]+$/i.test(url)) check.add(joinPath(path, 'url'), `https:// address expected, "${url}" found`);
  });
}

function checkVectorOnly(check: Checker, key: string, kind: SourceKind | undefined): void {
  if (kind !== undefined && !canGiveVerdict({ kind })) {
    check.add(key, `only allowed for vector layers (${VECTOR_KINDS.join(', ')}), kind is "${kind}"`);
  }
}

/** A field named by the flood spec must be one the layer declares, when it declares any. */
function checkFieldName(check: Checker, value: unknown, path: string, fieldNames: Set<string> | null): void {
  const name = check.string(value, path);
  if (name !== undefined && fieldNames && !fieldNames.has(name)) {
    check.add(path, `"${name}" is not one of the layer's fields (${[...fieldNames].join(', ')})`);
  }
}

function declaredFieldNames(fields: unknown): Set<string> | null {
  if (!Array.isArray(fields)) return null;
  const names = fields
    .map((field) => (typeof field === 'object' && field !== null ? (field as JsonObject).name : undefined))
    .filter((name): name is string => typeof name === 'string');
  return new Set(names);
}
