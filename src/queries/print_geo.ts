// Web Mercator maths of a printed map: the ground resolution of a scale, the MapLibre zoom that
// draws it, the extent the map frame holds, and the corner coordinates written in the PDF.
// Pure (no DOM), so the CLI-free unit tests check every number.

const EARTH_RADIUS = 6378137;
const WORLD = 2 * Math.PI * EARTH_RADIUS;
/** MapLibre draws the world 512 CSS px wide at zoom 0. */
const WORLD_PX_Z0 = 512;
const METRES_PER_INCH = 0.0254;

/** [minX, minY, maxX, maxY] in EPSG:3857 metres. */
export type Extent3857 = [number, number, number, number];

export function lonLatToMercator(lon: number, lat: number): [number, number] {
  const clamped = Math.max(-85.0511287798, Math.min(85.0511287798, lat));
  const y = Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360)) * EARTH_RADIUS;
  return [(lon * Math.PI * EARTH_RADIUS) / 180, y];
}

export function mercatorToLonLat(x: number, y: number): [number, number] {
  const lon = (x / EARTH_RADIUS) * (180 / Math.PI);
  const lat = (2 * Math.atan(Math.exp(y / EARTH_RADIUS)) - Math.PI / 2) * (180 / Math.PI);
  return [lon, lat];
}

/** Mercator metres per CSS pixel at a MapLibre zoom. */
export function cssResolution(zoom: number): number {
  return WORLD / (WORLD_PX_Z0 * 2 ** zoom);
}

/** Mercator metres per printed pixel for a 1:n scale at a latitude (Mercator stretches by 1/cos φ). */
export function resolutionForScale(scale: number, dpi: number, lat: number): number {
  return (scale * METRES_PER_INCH) / dpi / Math.cos((lat * Math.PI) / 180);
}

/** The 1:n scale a print resolution gives at a latitude. */
export function scaleForResolution(resolution: number, dpi: number, lat: number): number {
  return (resolution * dpi * Math.cos((lat * Math.PI) / 180)) / METRES_PER_INCH;
}

/** The smallest resolution at which `frame` printed pixels hold the whole `visible` extent. */
export function resolutionToFit(visible: Extent3857, frame: { width: number; height: number }): number {
  return Math.max((visible[2] - visible[0]) / frame.width, (visible[3] - visible[1]) / frame.height);
}

/** The zoom at which a map of the given pixel ratio draws `resolution` metres per device pixel. */
export function zoomForResolution(resolution: number, pixelRatio: number): number {
  return Math.log2(WORLD / (WORLD_PX_Z0 * resolution * pixelRatio));
}

/** The extent a frame of `width` × `height` printed pixels holds around a centre. */
export function frameExtent(center: [number, number], resolution: number, width: number, height: number): Extent3857 {
  const [cx, cy] = center;
  const halfW = (width * resolution) / 2;
  const halfH = (height * resolution) / 2;
  return [cx - halfW, cy - halfH, cx + halfW, cy + halfH];
}

/**
 * The Measure dictionary's numbers, as GDAL writes them (gdal_translate -of PDF): corners
 * upper-left, lower-left, lower-right, upper-right; GPTS in lat/lon, LPTS in the viewport's
 * 0–1 units with y up.
 */
export function georefPoints(extent: Extent3857): { gpts: number[]; lpts: number[] } {
  const [minX, minY, maxX, maxY] = extent;
  const corners: Array<[number, number, number, number]> = [
    [minX, maxY, 0, 1], [minX, minY, 0, 0], [maxX, minY, 1, 0], [maxX, maxY, 1, 1],
  ];
  const gpts: number[] = [];
  const lpts: number[] = [];
  for (const [x, y, u, v] of corners) {
    const [lon, lat] = mercatorToLonLat(x, y);
    gpts.push(lat, lon);
    lpts.push(u, v);
  }
  return { gpts, lpts };
}

/** ESRI-style WKT of EPSG:3857, the one GDAL writes into geospatial PDFs. */
export const WKT_3857 =
  'PROJCS["WGS_1984_Web_Mercator_Auxiliary_Sphere",GEOGCS["GCS_WGS_1984",DATUM["D_WGS_1984",' +
  'SPHEROID["WGS_1984",6378137.0,298.257223563]],PRIMEM["Greenwich",0.0],UNIT["Degree",0.0174532925199433]],' +
  'PROJECTION["Mercator_Auxiliary_Sphere"],PARAMETER["False_Easting",0.0],PARAMETER["False_Northing",0.0],' +
  'PARAMETER["Central_Meridian",0.0],PARAMETER["Standard_Parallel_1",0.0],PARAMETER["Auxiliary_Sphere_Type",0.0],' +
  'UNIT["Meter",1.0]]';

/** The six lines of a world file (.pgw): pixel size, rotation, centre of the upper-left pixel. */
export function worldFile(extent: Extent3857, width: number, height: number): string {
  const resX = (extent[2] - extent[0]) / width;
  const resY = (extent[3] - extent[1]) / height;
  const lines = [resX, 0, 0, -resY, extent[0] + resX / 2, extent[3] - resY / 2];
  return `${lines.map((value) => value.toFixed(10)).join('\n')}\n`;
}

/** A round length (1, 2 or 5 × 10ⁿ metres) no longer than `maxMetres`. */
export function roundLength(maxMetres: number): number {
  const power = 10 ** Math.floor(Math.log10(maxMetres));
  return [5, 2, 1].map((m) => m * power).find((m) => m <= maxMetres) ?? power;
}
