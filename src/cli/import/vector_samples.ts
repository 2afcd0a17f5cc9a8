// What the importer reads of a vector layer's values to choose defaults: the distinct values of each
// candidate field (up to a limit) and the latest value of date fields, with OGR SQL (no geometry read).

import type { Gdal, GdalDataset } from './gdal';
import type { VectorField } from './layer_json';
import { quoteIdentifier } from './vector_inspect';

/** A field with more distinct values than this is neither classes nor a short list of periods. */
export const DISTINCT_LIMIT = 200;
const CANDIDATE_TYPES = new Set(['String', 'Integer', 'Integer64', 'Date', 'DateTime']);
const MAX_FIELDS = 24;

export interface FieldSample {
  name: string;
  type: string;
  /** Distinct non-empty values as text, sorted; undefined when there are more than DISTINCT_LIMIT. */
  distinct?: string[];
  /** Largest value as text (dates and years: the latest). */
  max?: string;
}

interface OgrRows {
  layers: Array<{ features?: Array<{ properties: Record<string, unknown> }> }>;
}

async function rows(gdal: Gdal, dataset: GdalDataset, sql: string): Promise<Array<Record<string, unknown>>> {
  const result = (await gdal.ogrinfo(dataset, ['-features', '-geom=NO', '-sql', sql])) as OgrRows;
  return (result.layers[0]?.features ?? []).map((feature) => feature.properties);
}

export async function sampleFields(gdal: Gdal, dataset: GdalDataset, layer: string, fields: VectorField[]): Promise<FieldSample[]> {
  const samples: FieldSample[] = [];
  for (const field of fields.filter((f) => CANDIDATE_TYPES.has(f.type)).slice(0, MAX_FIELDS)) {
    const column = quoteIdentifier(field.name);
    try {
      const values = (await rows(gdal, dataset, `SELECT DISTINCT ${column} FROM ${quoteIdentifier(layer)} LIMIT ${DISTINCT_LIMIT + 1}`))
        .map((row) => row[field.name])
        .filter((value) => value !== null && value !== undefined && String(value).trim() !== '')
        .map(String);
      const distinct = values.length > DISTINCT_LIMIT ? undefined : [...new Set(values)].sort();
      const max = distinct ? distinct[distinct.length - 1] : await maxOf(gdal, dataset, layer, field.name);
      samples.push({ name: field.name, type: field.type, ...(distinct ? { distinct } : {}), ...(max !== undefined ? { max } : {}) });
    } catch {
      samples.push({ name: field.name, type: field.type }); // defaults only: a field GDAL cannot query is left alone
    }
  }
  return samples;
}

async function maxOf(gdal: Gdal, dataset: GdalDataset, layer: string, name: string): Promise<string | undefined> {
  const [row] = await rows(gdal, dataset, `SELECT MAX(${quoteIdentifier(name)}) AS latest FROM ${quoteIdentifier(layer)}`);
  return row?.latest === null || row?.latest === undefined ? undefined : String(row.latest);
}
