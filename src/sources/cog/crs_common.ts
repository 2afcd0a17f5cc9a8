// The CRSs Québec and Canadian data most often come in, built into the app so that opening such a
// file costs no request for its definition. Every other EPSG code is looked up one at a time
// (crs_epsg.ts). tests/unit/cog_crs.test.ts checks each entry against the EPSG database
// (epsg-index) and GDAL.

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

const QUEBEC_LAMBERT = `+proj=lcc +lat_0=44 +lon_0=-68.5 +lat_1=60 +lat_2=46 +x_0=0 +y_0=0 ${NAD83}`;
const ATLAS_LAMBERT = `+proj=lcc +lat_0=49 +lon_0=-95 +lat_1=49 +lat_2=77 +x_0=0 +y_0=0 ${NAD83}`;
const MERCATOR = '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +wktext +no_defs';

function build(): Map<number, [string, string]> {
  const defs = new Map<number, [string, string]>([
    [4326, ['WGS 84', '+proj=longlat +datum=WGS84 +no_defs']],
    [3857, ['WGS 84 / Pseudo-Mercator', MERCATOR]],
    [4269, ['NAD83', '+proj=longlat +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +no_defs']],
    [4617, ['NAD83(CSRS)', '+proj=longlat +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +no_defs']],
    [32198, ['NAD83 / Quebec Lambert', QUEBEC_LAMBERT]],
    [6622, ['NAD83(CSRS) / Quebec Lambert', QUEBEC_LAMBERT]],
    [3978, ['NAD83 / Canada Atlas Lambert', ATLAS_LAMBERT]],
    [3979, ['NAD83(CSRS) / Canada Atlas Lambert', ATLAS_LAMBERT]],
  ]);
  // NAD83 / MTM zones 1–10: EPSG:32181–32190; NAD83(CSRS) / MTM zones 3–10: EPSG:2945–2952.
  for (let zone = 1; zone <= 10; zone++) defs.set(32180 + zone, [`NAD83 / MTM zone ${zone}`, mtm(zone)]);
  for (let zone = 3; zone <= 10; zone++) defs.set(2942 + zone, [`NAD83(CSRS) / MTM zone ${zone}`, mtm(zone)]);
  // NAD83 / UTM 1–23 N: EPSG:26901–26923; NAD83(CSRS) / UTM 17–21 N: EPSG:2958–2962.
  for (let zone = 1; zone <= 23; zone++) defs.set(26900 + zone, [`NAD83 / UTM zone ${zone}N`, utm(zone, false, NAD83)]);
  for (let zone = 17; zone <= 21; zone++) defs.set(2941 + zone, [`NAD83(CSRS) / UTM zone ${zone}N`, utm(zone, false, NAD83)]);
  // WGS 84 / UTM zones 1–60 N and S: EPSG:32601–32660, 32701–32760.
  for (let zone = 1; zone <= 60; zone++) {
    defs.set(32600 + zone, [`WGS 84 / UTM zone ${zone}N`, utm(zone, false, WGS84)]);
    defs.set(32700 + zone, [`WGS 84 / UTM zone ${zone}S`, utm(zone, true, WGS84)]);
  }
  defs.set(900913, ['Google Maps Global Mercator', MERCATOR]);
  return defs;
}

/** code → [name, proj4 definition]. */
export const COMMON_EPSG: ReadonlyMap<number, [string, string]> = build();
