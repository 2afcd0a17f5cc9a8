// Text attributes: counts damaged characters (U+FFFD) and picks a Shapefile's encoding.
//
// A .dbf without a .cpg file and without a code page byte is read by GDAL as raw bytes, so a Latin-1
// "è" arrives as an invalid UTF-8 byte and shows as U+FFFD. Québec Shapefiles of that kind are almost
// always Windows-1252; we reread as CP1252 only when that removes every U+FFFD and does not produce
// the "Ã©" pattern of UTF-8 misread as CP1252. Other formats keep their strings exactly as they are.

import type { Gdal, GdalDataset } from './gdal';
import type { VectorField } from './layer_json';
import { quoteIdentifier } from './vector_inspect';

const SCAN_LIMIT = 5000;
const REPLACEMENT = '\uFFFD';
const UTF8_READ_AS_CP1252 = /[\u00C2\u00C3][\u00A0-\u00BF\u20AC\u201A\u0192\u201E\u2026\u2020\u2021\u02C6\u2030\u0160\u2039\u0152\u017D\u2018\u2019\u201C\u201D\u2022\u2013\u2014\u02DC\u2122\u0161\u203A\u0153\u017E\u0178]/;

interface OgrFeatures {
  layers: Array<{ features?: Array<{ properties: Record<string, unknown> }> }>;
}

/** The text values of the first SCAN_LIMIT features (OGR SQL, geometry left out). */
export async function readTextValues(gdal: Gdal, dataset: GdalDataset, layer: string, fields: VectorField[]): Promise<string[]> {
  const textFields = fields.filter((field) => field.type === 'String' || field.type === 'StringList');
  if (textFields.length === 0) return [];
  const sql = `SELECT ${textFields.map((f) => quoteIdentifier(f.name)).join(', ')} FROM ${quoteIdentifier(layer)} LIMIT ${SCAN_LIMIT}`;
  try {
    const result = (await gdal.ogrinfo(dataset, ['-features', '-geom=NO', '-sql', sql])) as OgrFeatures;
    const features = result.layers[0]?.features ?? [];
    return features.flatMap((feature) => Object.values(feature.properties).filter((v): v is string => typeof v === 'string'));
  } catch {
    return []; // only used for reporting and encoding choice
  }
}

/** How many values hold at least one U+FFFD. */
export function countDamaged(values: string[]): number {
  return values.filter((value) => value.includes(REPLACEMENT)).length;
}

/** True when the CP1252 reading is the right one (see the file comment). */
export function cp1252Fixes(rawValues: string[], cp1252Values: string[]): boolean {
  return (
    countDamaged(rawValues) > 0 &&
    countDamaged(cp1252Values) === 0 &&
    !cp1252Values.some((value) => UTF8_READ_AS_CP1252.test(value))
  );
}
