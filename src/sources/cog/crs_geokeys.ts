// The CRS a GeoTIFF declares in its GeoKeys: an EPSG code (crs_epsg.ts), or a "user-defined" CRS
// given by parameters (projection, datum, ellipsoid, units), turned into a proj4 definition by
// geotiff-geokeys-to-proj4 — loaded only for such files (it carries its own tables).
import { crsFromProj4, type Crs } from './crs';
import { crsFromEpsg } from './crs_epsg';
import { CrsError } from '../errors';

const USER_DEFINED = 32767;
type Keys = Record<string, unknown>;

export async function crsFromGeoKeys(keys: Keys): Promise<Crs> {
  const model = Number(keys.GTModelTypeGeoKey ?? 0);
  if (model === 3) throw new CrsError('unsupported-crs', 'the file has a geocentric CRS, which cannot be drawn on a map');
  const projected = Number(keys.ProjectedCSTypeGeoKey ?? 0);
  const geographic = Number(keys.GeographicTypeGeoKey ?? 0);
  const code = model === 2 ? geographic : model === 1 ? projected : projected || geographic;
  if (code > 0 && code !== USER_DEFINED) return crsFromEpsg(code);
  if (code === USER_DEFINED || hasParameters(keys, model)) return userDefined(keys);
  throw new CrsError('no-georef', 'the file has no CRS in its GeoKeys');
}

/** Parameters enough to build a CRS without a code (GDAL reads such files too). */
function hasParameters(keys: Keys, model: number): boolean {
  if (model === 1) return keys.ProjCoordTransGeoKey !== undefined || keys.ProjectionGeoKey !== undefined;
  return keys.GeogGeodeticDatumGeoKey !== undefined || keys.GeogEllipsoidGeoKey !== undefined || keys.GeogSemiMajorAxisGeoKey !== undefined;
}

async function userDefined(keys: Keys): Promise<Crs> {
  const { toProj4 } = await import('geotiff-geokeys-to-proj4');
  const result = toProj4(keys as never);
  const problems = Object.entries(result.errors ?? {}).filter(([name]) => name !== 'bothGCSAndPCSAreSet');
  if (problems.length > 0 || !result.proj4) {
    const detail = problems.map(([name, value]) => `${name}${typeof value === 'number' ? ` ${value}` : ''}`).join(', ');
    throw new CrsError('bad-definition', `the file's user-defined CRS cannot be read (${detail || 'no projection'})`, detail);
  }
  let definition = Number(keys.ProjCoordTransGeoKey) === CT_POLAR_STEREOGRAPHIC ? polarStereographic(result.proj4, keys) : result.proj4;
  const factor = result.coordinatesConversionParameters?.x ?? 1;
  // the file's coordinates are in its own linear unit (e.g. feet): proj4js converts with to_meter
  if (result.shouldConvertCoordinates && !result.isGCS && factor !== 1) {
    definition = `${definition.replace(/\s*\+units=\S+/g, '').replace(/\s*\+to_meter=\S+/g, '')} +to_meter=${factor}`;
  }
  const name = typeof keys.GTCitationGeoKey === 'string' ? keys.GTCitationGeoKey : typeof keys.GeogCitationGeoKey === 'string' ? keys.GeogCitationGeoKey : 'user-defined';
  return crsFromProj4(definition, name, null);
}

const CT_POLAR_STEREOGRAPHIC = 15;

/**
 * The library drops the pole and the latitude of true scale of polar stereographic files; GDAL
 * (gt_wkt_srs.cpp, SetPS) reads the origin latitude as the latitude of true scale (variant B) —
 * or, at ±90°, as the pole with a scale factor (variant A) — and the straight vertical pole
 * longitude as the central meridian.
 */
function polarStereographic(definition: string, keys: Keys): string {
  const first = (...names: string[]) => names.map((n) => keys[n]).find((v) => typeof v === 'number') as number | undefined;
  const latTs = first('ProjNatOriginLatGeoKey', 'ProjFalseOriginLatGeoKey', 'ProjCenterLatGeoKey') ?? 90;
  const lon0 = first('ProjStraightVertPoleLongGeoKey', 'ProjNatOriginLongGeoKey', 'ProjFalseOriginLongGeoKey', 'ProjCenterLongGeoKey') ?? 0;
  const scale = first('ProjScaleAtNatOriginGeoKey', 'ProjScaleAtCenterGeoKey') ?? 1;
  const pole = latTs >= 0 ? 90 : -90;
  const rest = definition.replace(/\s*\+(proj|lat_0|lon_0|lat_ts|k_0|k)=\S+/g, '');
  const origin = Math.abs(latTs) === 90 ? `+lat_0=${pole} +k_0=${scale}` : `+lat_0=${pole} +lat_ts=${latTs}`;
  return `+proj=stere ${origin} +lon_0=${lon0} ${rest.trim()}`;
}
