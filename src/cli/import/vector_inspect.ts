// Reads what the importer needs to know about a vector file before converting it: the layer to use,
// its fields, geometry kind, CRS, extent in degrees, vertex statistics and invalid geometry count.

import { ImportError } from './errors';
import type { Gdal, GdalDataset } from './gdal';
import type { GeometryKind, ZoomInput } from './zoom';
import type { VectorField } from './layer_json';

interface OgrGeometryField {
  name: string;
  type: string;
  extent?: [number, number, number, number];
  coordinateSystem?: { wkt?: string; projjson?: { type?: string } };
}
interface OgrLayer {
  name: string;
  featureCount: number;
  geometryFields: OgrGeometryField[];
  fields: VectorField[];
}
interface OgrInfo {
  layers: OgrLayer[];
}
interface OgrFeatures {
  layers: Array<{ features?: Array<{ properties: Record<string, unknown> }> }>;
}

export interface VectorFacts {
  layer: string;
  /** Other layers of the file with geometries, not imported. */
  skippedLayers: string[];
  geometry: GeometryKind;
  geometryColumn: string;
  /** The layer's CRS as WKT, and whether it is in degrees (then no transform is needed). */
  crs: { wkt: string; geographic: boolean };
  fields: VectorField[];
  featureCount: number;
  /** Geometries GEOS reports invalid (undefined when GDAL could not check). */
  invalidCount: number | undefined;
  zoomInput: ZoomInput;
}

export function geometryKind(ogrType: string): GeometryKind {
  if (/polygon|surface/i.test(ogrType)) return 'polygon';
  if (/line|curve/i.test(ogrType)) return 'line';
  if (/point/i.test(ogrType)) return 'point';
  return 'mixed';
}

export const quoteIdentifier = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * `knownInvalid`: the invalid-geometry count found by an earlier pass over the same file (a partitioned
 * import's parts and merge): the costly statistics pass is skipped, zooms must then be given.
 */
export async function inspectVector(gdal: Gdal, dataset: GdalDataset, file: string, wanted?: string, knownInvalid?: number): Promise<VectorFacts> {
  const info = (await gdal.ogrinfo(dataset, ['-so', '-al'])) as OgrInfo;
  const spatial = info.layers.filter((layer) => layer.geometryFields.length > 0);
  const layer = pickLayer(spatial, file, wanted);
  const geometryField = layer.geometryFields[0] as OgrGeometryField;
  if (!geometryField.coordinateSystem?.wkt) {
    throw new ImportError(file, `layer "${layer.name}" has no coordinate reference system (add a .prj file or declare the CRS)`);
  }
  const extent = geometryField.extent;
  if (!extent || extent.some((value) => !Number.isFinite(value))) throw new ImportError(file, `layer "${layer.name}" has no geometries`);
  const geometryColumn = geometryField.name || 'geometry';
  const stats = knownInvalid === undefined ? await geometryStats(gdal, dataset, layer.name, geometryColumn) : { vertices: 0, length: 0, invalid: knownInvalid };
  const geographic = /Geographic|Geodetic/.test(geometryField.coordinateSystem.projjson?.type ?? '');
  const bounds = geographic ? extent : await extentInDegrees(gdal, extent, geometryField.coordinateSystem.wkt);
  const degreesPerUnit = geographic ? 1 : spanOf(bounds) / spanOf(extent);
  return {
    layer: layer.name,
    skippedLayers: spatial.filter((other) => other !== layer).map((other) => other.name),
    geometry: geometryKind(geometryField.type),
    geometryColumn,
    crs: { wkt: geometryField.coordinateSystem.wkt, geographic },
    fields: layer.fields.map(({ name, type }) => ({ name, type })),
    featureCount: layer.featureCount,
    invalidCount: stats?.invalid,
    zoomInput: {
      kind: geometryKind(geometryField.type),
      featureCount: layer.featureCount,
      vertexCount: stats?.vertices ?? layer.featureCount,
      lengthDegrees: (stats?.length ?? 0) * degreesPerUnit,
      bounds,
    },
  };
}

function pickLayer(layers: OgrLayer[], file: string, wanted?: string): OgrLayer {
  if (wanted !== undefined) {
    const found = layers.find((layer) => layer.name === wanted);
    if (!found) throw new ImportError(file, `has no layer "${wanted}" with geometries (layers: ${layers.map((l) => l.name).join(', ') || 'none'})`);
    if (found.featureCount === 0) throw new ImportError(file, `layer "${wanted}" is empty (no features)`);
    return found;
  }
  if (layers.length === 0) throw new ImportError(file, 'contains no layer with geometries');
  const first = layers.find((layer) => layer.featureCount !== 0);
  if (!first) throw new ImportError(file, `layer "${layers[0]?.name}" is empty (no features)`);
  return first;
}

const spanOf = (b: readonly number[]): number => Math.max((b[2] as number) - (b[0] as number), (b[3] as number) - (b[1] as number), 1e-12);

interface GeometryStats {
  vertices: number;
  length: number;
  invalid: number;
}

/** Vertex count, total length/perimeter (in CRS units) and invalid count, in one SQLite-dialect pass. */
async function geometryStats(gdal: Gdal, dataset: GdalDataset, layer: string, column: string): Promise<GeometryStats | undefined> {
  const g = quoteIdentifier(column);
  const sql =
    `SELECT SUM(ST_NPoints(${g})) AS vertices, COALESCE(SUM(ST_Perimeter(${g})), 0) + COALESCE(SUM(ST_Length(${g})), 0) AS length, ` +
    `SUM(CASE WHEN ST_IsValid(${g}) THEN 0 ELSE 1 END) AS invalid FROM ${quoteIdentifier(layer)}`;
  try {
    const result = (await gdal.ogrinfo(dataset, ['-features', '-dialect', 'SQLite', '-sql', sql])) as OgrFeatures;
    const row = result.layers[0]?.features?.[0]?.properties ?? {};
    return { vertices: Number(row.vertices) || 0, length: Number(row.length) || 0, invalid: Number(row.invalid) || 0 };
  } catch {
    return undefined; // statistics only tune zooms and the report; the import still works without them
  }
}

/** Extent corners and edge midpoints taken to EPSG:4326, as [west, south, east, north]. */
export async function extentInDegrees(gdal: Gdal, extent: number[], wkt: string): Promise<[number, number, number, number]> {
  const [x0, y0, x1, y1] = extent as [number, number, number, number];
  const xm = (x0 + x1) / 2;
  const ym = (y0 + y1) / 2;
  const corners = [[x0, y0], [x1, y0], [x1, y1], [x0, y1], [xm, y0], [xm, y1], [x0, ym], [x1, ym]];
  const lonLat = await gdal.gdaltransform(corners, ['-s_srs', wkt, '-t_srs', 'EPSG:4326', '-output_xy']);
  const lons = lonLat.map((point) => point[0] as number);
  const lats = lonLat.map((point) => point[1] as number);
  return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
}

/** A [west, south, east, north] box in degrees → the envelope of its densified edges in the layer's CRS. */
export async function degreesToLayerExtent(gdal: Gdal, box: [number, number, number, number], wkt: string): Promise<[number, number, number, number]> {
  const [w, s, e, n] = box;
  const steps = 16;
  const points: number[][] = [];
  for (let i = 0; i <= steps; i++) {
    const [x, y] = [w + ((e - w) * i) / steps, s + ((n - s) * i) / steps];
    points.push([x, s], [x, n], [w, y], [e, y]);
  }
  const projected = await gdal.gdaltransform(points, ['-s_srs', 'EPSG:4326', '-t_srs', wkt, '-output_xy']);
  const xs = projected.map((p) => p[0] as number);
  const ys = projected.map((p) => p[1] as number);
  return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
}
