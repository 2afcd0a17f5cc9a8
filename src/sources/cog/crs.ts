// A coordinate reference system as the viewer uses it: a proj4 definition plus the two facts the
// rest of the code asks about (is it geographic? in which units?). Built from an EPSG code
// (crs_epsg.ts) or from a file's GeoKeys (crs_geokeys.ts); every "is it geographic?" question
// is answered here, from the definition, never from a list of codes.
import proj4, { type Converter } from 'proj4';
import { CrsError } from '../errors';

export interface Crs {
  /** EPSG code, or null for a CRS defined only by parameters (GeoKeys "user-defined", a proj4 string). */
  code: number | null;
  name: string;
  proj4: string;
  /** Coordinates are longitude/latitude (degrees), not metres on a projection. */
  geographic: boolean;
  /** Unit of the coordinates, as EPSG names it ("metre", "degree", "US survey foot"…). */
  units: string;
}

/**
 * NAD83(CSRS) ⇄ WGS 84: EPSG's definitions carry a 7-parameter Helmert; PROJ without its grids —
 * what GDAL (gdal3.js) uses — lands within 1.5 m of a null transformation for every Canadian CSRS
 * CRS measured (tests/unit/cog_crs.test.ts; exactly 0 for 6622), closer than with the Helmert.
 * So NAD83(CSRS), like NAD83, is taken as WGS 84 (accuracy chosen: 1.5 m, under a map pixel up
 * to zoom 16; a point within 1.5 m of a cell edge may fall in the neighbouring cell).
 */
const CSRS_HELMERT = /\+towgs84=-0\.991,1\.9072,0\.5129,-1\.25033e-0?7,-4\.6785e-0?8,-5\.6529e-0?8,0/i;

/** The definition proj4js gets: datum choice above, GIS axis order (GeoTIFF is always x=east). */
export function normaliseProj4(definition: string): string {
  return definition
    .replace(CSRS_HELMERT, '+towgs84=0,0,0,0,0,0,0')
    .replace(/\s*\+axis=\w+/g, '')
    .replace(/\s*\+type=crs/g, '')
    .trim();
}

export function isGeographicProj4(definition: string): boolean {
  return /\+proj=(longlat|latlong|lonlat|latlon)\b/.test(definition);
}

/** A CRS from a bare proj4 definition (a layer's override, a user-defined CRS). */
export function crsFromProj4(definition: string, name = 'user-defined', code: number | null = null): Crs {
  const clean = normaliseProj4(definition);
  try {
    proj4(clean);
  } catch (error) {
    throw new CrsError('bad-definition', `invalid CRS definition "${definition}" (${error instanceof Error ? error.message : String(error)})`, definition);
  }
  const geographic = isGeographicProj4(clean);
  return { code, name, proj4: clean, geographic, units: geographic ? 'degree' : unitsOf(clean) };
}

function unitsOf(definition: string): string {
  const units = /\+units=(\S+)/.exec(definition)?.[1];
  if (units === 'm' || (!units && !/\+to_meter=/.test(definition))) return 'metre';
  if (units === 'us-ft') return 'US survey foot';
  if (units === 'ft') return 'foot';
  return units ?? `${/\+to_meter=(\S+)/.exec(definition)?.[1]} m`;
}

/** Length of one unit of a projected CRS in metres (feet-based CRSs exist). */
export function metresPerUnit(crs: Crs): number {
  const toMeter = /\+to_meter=(\S+)/.exec(crs.proj4)?.[1];
  if (toMeter) return Number(toMeter);
  return crs.units === 'US survey foot' ? 1200 / 3937 : crs.units === 'foot' ? 0.3048 : 1;
}

/** "EPSG:6622", or the proj4 definition of a CRS without a code. */
export function crsLabel(crs: Crs): string {
  return crs.code !== null ? `EPSG:${crs.code}` : crs.proj4;
}

const converters = new Map<string, Converter>();

/** A 2D converter between lon/lat (WGS 84) and the CRS. */
export function converterFor(crs: Crs): Converter {
  let converter = converters.get(crs.proj4);
  if (!converter) {
    converter = proj4('EPSG:4326', crs.proj4);
    converters.set(crs.proj4, converter);
  }
  return converter;
}
