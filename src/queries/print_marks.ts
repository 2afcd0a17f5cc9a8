// Marks drawn over the map frame: a scale bar (a round length), a north arrow, and optional
// longitude/latitude ticks along the frame. Pure geometry in PDF points.
import { mercatorToLonLat, roundLength, type Extent3857 } from './print_geo';
import type { Rect } from './print_layout';

export interface MapMarks {
  lines: Array<{ x1: number; y1: number; x2: number; y2: number }>;
  texts: Array<{ text: string; x: number; y: number; size: number; bold?: boolean; align?: 'left' | 'center' | 'right' }>;
  boxes: Array<{ x: number; y: number; width: number; height: number; fill: string; opacity?: number }>;
  polygons: Array<Array<[number, number]>>;
}

export function emptyMarks(): MapMarks {
  return { lines: [], texts: [], boxes: [], polygons: [] };
}

/** Ground metres per point at the frame's centre latitude. */
export function groundPerPoint(extent: Extent3857, frame: Rect): number {
  const [, lat] = mercatorToLonLat(0, (extent[1] + extent[3]) / 2);
  return ((extent[2] - extent[0]) / frame.width) * Math.cos((lat * Math.PI) / 180);
}

/**
 * `clearOfTicks`: the frame's coordinate ticks are drawn too, so the bar stands above the bottom
 * side's labels and right of the left side's (6 pt text, up to "-179.999°" ≈ 27 pt wide).
 */
export function scaleBar(marks: MapMarks, extent: Extent3857, frame: Rect, u: number, clearOfTicks = false): void {
  const perPoint = groundPerPoint(extent, frame);
  const metres = roundLength(frame.width * 0.2 * perPoint);
  const length = metres / perPoint;
  const x = frame.x + (clearOfTicks ? 40 : 10) * u;
  const y = frame.y + (clearOfTicks ? 24 : 10) * u;
  const label = metres >= 1000 ? `${metres / 1000} km` : `${metres} m`;
  marks.boxes.push({ x: x - 4 * u, y: y - 4 * u, width: length + 8 * u, height: 22 * u, fill: '#ffffff', opacity: 0.85 });
  marks.boxes.push({ x, y, width: length / 2, height: 3 * u, fill: '#222222' });
  marks.boxes.push({ x: x + length / 2, y, width: length / 2, height: 3 * u, fill: '#999999' });
  marks.texts.push({ text: '0', x, y: y + 6 * u, size: 7 * u, align: 'left' });
  marks.texts.push({ text: label, x: x + length, y: y + 6 * u, size: 7 * u, align: 'right' });
}

export function northArrow(marks: MapMarks, frame: Rect, u: number, label: string): void {
  const cx = frame.x + frame.width - 20 * u;
  const top = frame.y + frame.height - 10 * u;
  marks.boxes.push({ x: cx - 11 * u, y: top - 36 * u, width: 22 * u, height: 36 * u, fill: '#ffffff', opacity: 0.85 });
  marks.polygons.push([[cx, top - 2 * u], [cx + 7 * u, top - 22 * u], [cx, top - 17 * u], [cx - 7 * u, top - 22 * u]]);
  marks.texts.push({ text: label, x: cx, y: top - 33 * u, size: 9 * u, bold: true, align: 'center' });
}

/** Ticks every round fraction of a degree along the four sides, labelled on the bottom and left. */
export function coordinateTicks(marks: MapMarks, extent: Extent3857, frame: Rect, u: number): void {
  const [west, south] = mercatorToLonLat(extent[0], extent[1]);
  const [east, north] = mercatorToLonLat(extent[2], extent[3]);
  const along = (value: number, min: number, max: number, start: number, size: number) => start + ((value - min) / (max - min)) * size;
  const tick = 5 * u;
  for (const lon of steps(west, east)) {
    const x = along(lonToX(lon), extent[0], extent[2], frame.x, frame.width);
    marks.lines.push({ x1: x, y1: frame.y, x2: x, y2: frame.y + tick }, { x1: x, y1: frame.y + frame.height, x2: x, y2: frame.y + frame.height - tick });
    marks.texts.push({ text: degrees(lon), x, y: frame.y + tick + 2 * u, size: 6 * u, align: 'center' });
  }
  for (const lat of steps(south, north)) {
    const y = along(latToY(lat), extent[1], extent[3], frame.y, frame.height);
    marks.lines.push({ x1: frame.x, y1: y, x2: frame.x + tick, y2: y }, { x1: frame.x + frame.width, y1: y, x2: frame.x + frame.width - tick, y2: y });
    marks.texts.push({ text: degrees(lat), x: frame.x + tick + 2 * u, y: y - 2 * u, size: 6 * u, align: 'left' });
  }
}

function lonToX(lon: number): number {
  return (lon * Math.PI * 6378137) / 180;
}

function latToY(lat: number): number {
  return Math.log(Math.tan(Math.PI / 4 + (lat * Math.PI) / 360)) * 6378137;
}

/** Round degree values (…, 0.1°, 0.2°, 0.5°, 1°…) giving 3 to 8 ticks over [min, max]. */
export function steps(min: number, max: number): number[] {
  const span = max - min;
  const step = [0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1, 2, 5, 10, 20, 30].find((s) => span / s <= 6) ?? 45;
  const values: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max; v += step) values.push(Number(v.toFixed(6)));
  return values;
}

function degrees(value: number): string {
  return `${Number(value.toFixed(3))}°`;
}
