// Zipped Shapefiles whose attribute table (.dbf) is not UTF-8 and comes without a .cpg saying
// so: many Québec files are in Latin-1 / Windows-1252, and reading them as UTF-8 turns
// "Rivière aux Rats" into "Rivi�re aux Rats". Bytes that are not valid UTF-8 are read as
// windows-1252 (a superset of Latin-1 for text); a .cpg, when present, is always obeyed.
import { iter } from 'but-unzip';
import { combine, parseDbf, parseShp } from 'shpjs';
import type { FeatureCollection } from 'geojson';

/** The encoding assumed for a .dbf without .cpg whose bytes are not valid UTF-8. */
export const FALLBACK_DBF_ENCODING = 'windows-1252';

interface ShapefileParts {
  shp?: Uint8Array;
  dbf?: Uint8Array;
  prj?: string;
  cpg?: string;
}

/**
 * The layers of the zip decoded with the fallback encoding, or null when every .dbf is valid
 * UTF-8 or names its encoding (then shpjs's own reading is right and is used as it is).
 */
export async function readLatin1Layers(zip: Uint8Array): Promise<FeatureCollection[] | null> {
  const parts = await shapefileParts(zip);
  const needsFallback = [...parts.values()].some((part) => part.dbf && part.cpg === undefined && !isUtf8(part.dbf));
  if (!needsFallback) return null;
  return [...parts.values()].filter((part) => part.shp).map((part) => {
    const encoding = part.cpg ?? (part.dbf && !isUtf8(part.dbf) ? FALLBACK_DBF_ENCODING : undefined);
    return combine([parseShp(part.shp!, part.prj), part.dbf ? parseDbf(part.dbf, encoding) : undefined]);
  });
}

export function isUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    return true;
  } catch {
    return false;
  }
}

/** The files of each Shapefile in the zip, by base name (macOS resource forks skipped). */
async function shapefileParts(zip: Uint8Array): Promise<Map<string, ShapefileParts>> {
  const parts = new Map<string, ShapefileParts>();
  for (const entry of iter(zip)) {
    const match = /^(.+)\.(shp|dbf|prj|cpg)$/i.exec(entry.filename);
    if (!match || entry.filename.includes('__MACOSX')) continue;
    const base = match[1]!;
    const extension = match[2]!.toLowerCase() as keyof ShapefileParts;
    const bytes = await entry.read();
    const part = parts.get(base) ?? {};
    if (extension === 'shp' || extension === 'dbf') part[extension] = bytes;
    else part[extension] = new TextDecoder().decode(bytes).trim();
    parts.set(base, part);
  }
  return parts;
}
