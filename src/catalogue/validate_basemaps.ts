// Validator for layers/basemaps.json (shape in ./basemap_types.ts). Like the layer validators it
// returns every problem as a value and never throws; each basemap is checked on its own, so one
// broken entry is reported and skipped while the others stay in the switcher.
import { BASEMAP_KINDS, PROTOMAPS_FLAVORS, type Basemap, type BasemapKind } from './basemap_types';
import { Checker, joinPath, type JsonObject, type ValidationError } from './validate_checker';

const COMMON_REQUIRED = ['id', 'kind', 'title', 'attribution'] as const;
const COMMON_OPTIONAL = ['synthetic'] as const;
/** What each kind needs beyond the common fields, and what it may have. */
const KIND_FIELDS: Record<BasemapKind, { required: string[]; optional: string[] }> = {
  embedded: { required: ['url', 'detailMaxZoom'], optional: ['worldUrl'] },
  'pmtiles-vector': { required: ['url', 'flavor'], optional: [] },
  'raster-xyz': { required: ['url', 'tileSize', 'maxZoom'], optional: [] },
  wmts: { required: ['url', 'tileSize', 'maxZoom'], optional: [] },
};
/** Placeholders a tile URL template must hold, per kind. */
const TEMPLATE_PARTS: Partial<Record<BasemapKind, string[]>> = {
  'raster-xyz': ['{z}', '{x}', '{y}'],
  wmts: ['{TileMatrix}', '{TileRow}', '{TileCol}'],
};

export interface CheckedBasemaps {
  /** Valid entries, in file order (duplicates of an earlier id dropped). */
  basemaps: Basemap[];
  /** Id of the default basemap, when it names a valid entry. */
  defaultId?: string;
  errors: ValidationError[];
}

export function validateBasemaps(json: unknown, file = 'basemaps.json'): CheckedBasemaps {
  const check = new Checker(file);
  const basemaps: Basemap[] = [];
  try {
    const root = check.object(json, '');
    if (!root) return { basemaps, errors: check.errors };
    check.keys(root, '', ['default', 'basemaps'], []);
    const entries = root.basemaps === undefined ? [] : (check.array(root.basemaps, 'basemaps', 1) ?? []);
    entries.forEach((entry, index) => {
      const path = joinPath('basemaps', index);
      const before = check.errors.length;
      checkBasemap(check, entry, path);
      const id = (entry as JsonObject | null)?.id;
      if (check.errors.length === before && basemaps.some((other) => other.id === id)) check.add(joinPath(path, 'id'), `id "${String(id)}" is used twice`);
      else if (check.errors.length === before) basemaps.push(entry as Basemap);
    });
    const defaultId = root.default === undefined ? undefined : check.id(root.default, 'default');
    if (defaultId !== undefined && !basemaps.some((basemap) => basemap.id === defaultId)) {
      check.add('default', `"${defaultId}" is not the id of a valid basemap of this file`);
      return { basemaps, errors: check.errors };
    }
    return { basemaps, defaultId, errors: check.errors };
  } catch (error) {
    check.add('', `validator failed: ${String(error)}`);
    return { basemaps, errors: check.errors };
  }
}

function checkBasemap(check: Checker, value: unknown, path: string): void {
  const entry = check.object(value, path);
  if (!entry) return;
  const kind = check.oneOf(entry.kind, joinPath(path, 'kind'), BASEMAP_KINDS);
  if (kind === undefined) return;
  const fields = KIND_FIELDS[kind];
  check.keys(entry, path, [...COMMON_REQUIRED, ...fields.required], [...COMMON_OPTIONAL, ...fields.optional]);
  if (entry.id !== undefined) check.id(entry.id, joinPath(path, 'id'));
  if (entry.title !== undefined) check.i18n(entry.title, joinPath(path, 'title'));
  if (entry.attribution !== undefined) check.string(entry.attribution, joinPath(path, 'attribution'));
  if (entry.synthetic !== undefined) check.boolean(entry.synthetic, joinPath(path, 'synthetic'));
  if (entry.url !== undefined) checkUrl(check, entry.url, joinPath(path, 'url'), TEMPLATE_PARTS[kind] ?? []);
  if (entry.worldUrl !== undefined) checkUrl(check, entry.worldUrl, joinPath(path, 'worldUrl'), []);
  if (entry.flavor !== undefined) check.oneOf(entry.flavor, joinPath(path, 'flavor'), PROTOMAPS_FLAVORS);
  if (entry.detailMaxZoom !== undefined) check.number(entry.detailMaxZoom, joinPath(path, 'detailMaxZoom'), 0, 24);
  if (entry.maxZoom !== undefined) check.number(entry.maxZoom, joinPath(path, 'maxZoom'), 0, 24);
  if (entry.tileSize !== undefined && entry.tileSize !== 256 && entry.tileSize !== 512) {
    check.add(joinPath(path, 'tileSize'), `256 or 512 expected, ${JSON.stringify(entry.tileSize)} found`);
  }
}

/** A relative path or an http(s) URL; tile templates must hold their placeholders. */
function checkUrl(check: Checker, value: unknown, path: string, placeholders: string[]): void {
  const url = check.string(value, path);
  if (url === undefined) return;
  if (/^[a-z][a-z0-9+.-]*:/i.test(url) && !/^https?:\/\//i.test(url)) {
    check.add(path, `http(s) URL or a path relative to the app expected, "${url.slice(0, 40)}" found`);
    return;
  }
  const missing = placeholders.filter((part) => !url.includes(part));
  if (missing.length > 0) check.add(path, `URL template lacks ${missing.join(', ')}`);
}
