// The demo LiDAR grid: 2 m pixels in NAD83 / MTM zone 8 (EPSG:32188), the CRS Québec publishes
// its LiDAR products in, over the last few km of the synthetic valley down to the St. Lawrence.
import type { Position } from 'geojson';
import { converterFor } from '../../sources/cog/crs';
import { commonCrs } from '../../sources/cog/crs_epsg';
import { FRAME, valleyPoint, type Valley } from './river';
import type { BBox } from './geo';

export const LIDAR_EPSG = 32188;
export const PIXEL_M = 2;
/** Box size in metres (east–west, north–south): ~8 km² of valley, floodplain and hillsides. */
const SIZE_M: [number, number] = [2600, 3400];
/** The box reaches this far (m) south of the river mouth, into the St. Lawrence (nodata there). */
const SOUTH_OF_MOUTH_M = 300;
/** Pixel → lon/lat is exact at mesh nodes and bilinear between: error ≪ 1 mm over 64 pixels. */
const MESH = 64;

export interface LidarGrid {
  epsg: number;
  /** Upper-left corner (MTM metres) and pixel size. */
  originX: number; originY: number; pixel: number;
  width: number; height: number;
  /** Local km (river frame) of each pixel centre, row-major, x then y. */
  km: Float64Array;
  bbox4326: BBox;
}

export function lidarGrid(valley: Valley): LidarGrid {
  const proj = converterFor(commonCrs(LIDAR_EPSG)!);
  const mouthS = valley.reach[1];
  // Centre the box east–west on the channel's last ~4 km, so the river crosses it from north to south.
  const xs = [0, 1, 2, 3, 4].map((k) => (proj.forward(valleyPoint(mouthS - k, valley.meander(mouthS - k)) as [number, number]) as [number, number])[0]);
  const cx = (Math.min(...xs) + Math.max(...xs)) / 2;
  const [, my] = proj.forward(valleyPoint(mouthS, valley.meander(mouthS)) as [number, number]) as [number, number];
  const originX = Math.round((cx - SIZE_M[0] / 2) / 10) * 10;
  const originY = Math.round((my - SOUTH_OF_MOUTH_M + SIZE_M[1]) / 10) * 10;
  const width = SIZE_M[0] / PIXEL_M;
  const height = SIZE_M[1] / PIXEL_M;
  const toLonLat = (col: number, row: number): Position => proj.inverse([originX + col * PIXEL_M, originY - row * PIXEL_M]);
  return { epsg: LIDAR_EPSG, originX, originY, pixel: PIXEL_M, width, height, km: pixelKm(width, height, toLonLat), bbox4326: bboxOf(width, height, toLonLat) };
}

function pixelKm(width: number, height: number, toLonLat: (col: number, row: number) => Position): Float64Array {
  const nodesX = Math.ceil(width / MESH) + 1;
  const nodesY = Math.ceil(height / MESH) + 1;
  const nodes = new Float64Array(nodesX * nodesY * 2);
  for (let j = 0; j < nodesY; j++) {
    for (let i = 0; i < nodesX; i++) nodes.set(FRAME.toKm(...(toLonLat(i * MESH, j * MESH) as [number, number])), (j * nodesX + i) * 2);
  }
  const out = new Float64Array(width * height * 2);
  for (let r = 0; r < height; r++) {
    const fy = (r + 0.5) / MESH;
    const j = Math.min(nodesY - 2, Math.floor(fy));
    const ty = fy - j;
    for (let c = 0; c < width; c++) {
      const fx = (c + 0.5) / MESH;
      const i = Math.min(nodesX - 2, Math.floor(fx));
      const tx = fx - i;
      const a = (j * nodesX + i) * 2;
      const b = a + nodesX * 2;
      for (let k = 0; k < 2; k++) {
        const top = nodes[a + k]! * (1 - tx) + nodes[a + 2 + k]! * tx;
        const bottom = nodes[b + k]! * (1 - tx) + nodes[b + 2 + k]! * tx;
        out[(r * width + c) * 2 + k] = top * (1 - ty) + bottom * ty;
      }
    }
  }
  return out;
}

function bboxOf(width: number, height: number, toLonLat: (col: number, row: number) => Position): BBox {
  const corners = [toLonLat(0, 0), toLonLat(width, 0), toLonLat(0, height), toLonLat(width, height)] as Array<[number, number]>;
  const lons = corners.map((p) => p[0]);
  const lats = corners.map((p) => p[1]);
  return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
}

/**
 * 1 where the pixel centre is on the north-shore land, 0 elsewhere: even–odd scanline fill of the
 * land polygon in pixel space. Hand-written because a point-in-polygon test per pixel (turf) costs
 * seconds over millions of pixels; one row's edge crossings cost microseconds.
 */
export function landMask(grid: LidarGrid, rings: Position[][]): Uint8Array {
  const proj = converterFor(commonCrs(grid.epsg)!);
  const pixelRings = rings.map((ring) => ring.map((p) => {
    const [x, y] = proj.forward(p as [number, number]) as [number, number];
    return [(x - grid.originX) / grid.pixel, (grid.originY - y) / grid.pixel] as [number, number];
  }));
  const mask = new Uint8Array(grid.width * grid.height);
  for (let r = 0; r < grid.height; r++) {
    const y = r + 0.5;
    const xs: number[] = [];
    for (const ring of pixelRings) {
      for (let k = 1; k < ring.length; k++) {
        const [x0, y0] = ring[k - 1]!;
        const [x1, y1] = ring[k]!;
        if ((y0 <= y) !== (y1 <= y)) xs.push(x0 + ((y - y0) / (y1 - y0)) * (x1 - x0));
      }
    }
    xs.sort((a, b) => a - b);
    for (let k = 0; k + 1 < xs.length; k += 2) {
      const from = Math.max(0, Math.ceil(xs[k]! - 0.5));
      const to = Math.min(grid.width, Math.ceil(xs[k + 1]! - 0.5));
      mask.fill(1, r * grid.width + from, r * grid.width + Math.max(from, to));
    }
  }
  return mask;
}
