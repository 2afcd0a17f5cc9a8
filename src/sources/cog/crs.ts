// The CRSs the viewer knows, as proj4 definitions. Codes were checked against GDAL's PROJ
// database (gdal3.js) by tests/unit/cog_crs.test.ts.
import proj4, { type Converter } from 'proj4';

const NAD83 = '+ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs';
const WGS84 = '+datum=WGS84 +units=m +no_defs';

/** Modified Transverse Mercator (Québec, Maritimes): 3° zones, central meridian of zone n. */
function mtm(zone: number): string {
  const centralMeridian = zone <= 2 ? -50 - 3 * zone : -49.5 - 3 * zone;
  return `+proj=tmerc +lat_0=0 +lon_0=${centralMeridian} +k=0.9999 +x_0=304800 +y_0=0 ${NAD83}`;
}

function utm(zone: number, south: boolean, datum: string): string {
  return `+proj=utm +zone=${zone}${south ? ' +south' : ''} ${datum}`;
}

function buildDefinitions(): Map<number, string> {
  const defs = new Map<number, string>([
    [32198, `+proj=lcc +lat_0=44 +lon_0=-68.5 +lat_1=60 +lat_2=46 +x_0=0 +y_0=0 ${NAD83}`],
    [3978, `+proj=lcc +lat_0=49 +lon_0=-95 +lat_1=49 +lat_2=77 +x_0=0 +y_0=0 ${NAD83}`],
    [4269, '+proj=longlat +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +no_defs'],
    [4617, '+proj=longlat +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +no_defs'],
  ]);
  // NAD83 / MTM zones 1–10: EPSG:32181–32190 (Québec uses 3–10).
  for (let zone = 1; zone <= 10; zone++) defs.set(32180 + zone, mtm(zone));
  // NAD83(CSRS) / MTM zones 3–10: EPSG:2945–2952 (2944 is SCoPQ zone 2). NAD83(CSRS) is
  // treated as WGS 84 here: the ~1 m difference is below a screen pixel at useful zooms.
  for (let zone = 3; zone <= 10; zone++) defs.set(2942 + zone, mtm(zone));
  // NAD83 / UTM zones 1–23 N: EPSG:26901–26923.
  for (let zone = 1; zone <= 23; zone++) defs.set(26900 + zone, utm(zone, false, NAD83));
  // WGS 84 / UTM zones 1–60 N and S: EPSG:32601–32660, 32701–32760.
  for (let zone = 1; zone <= 60; zone++) {
    defs.set(32600 + zone, utm(zone, false, WGS84));
    defs.set(32700 + zone, utm(zone, true, WGS84));
  }
  return defs;
}

const DEFINITIONS = buildDefinitions();
let registered = false;

function registerAll(): void {
  if (registered) return;
  for (const [code, def] of DEFINITIONS) proj4.defs(`EPSG:${code}`, def);
  registered = true;
}

/** EPSG codes with a definition (4326 and 3857 come with proj4). */
export function supportedEpsgCodes(): number[] {
  return [4326, 3857, ...DEFINITIONS.keys()];
}

export function isSupportedEpsg(code: number): boolean {
  return code === 4326 || code === 3857 || code === 900913 || DEFINITIONS.has(code);
}

/** A 2D converter between lon/lat (EPSG:4326) and the given EPSG code. */
export function converterFor(code: number): Converter {
  if (!isSupportedEpsg(code)) throw new Error(`EPSG:${code} is not a supported CRS`);
  registerAll();
  return proj4('EPSG:4326', code === 900913 ? 'EPSG:3857' : `EPSG:${code}`);
}
