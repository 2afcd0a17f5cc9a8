// Irregular natural-looking polygons: noisy ellipses, sized in km² and drawn in lon/lat.
import type { Position } from 'geojson';
import { round6 } from './geo';
import { uniform, type Random } from './prng';

export interface BlobSpec {
  center: [number, number];
  areaKm2: number;
  /** Length / width ratio (1 = round). */
  elongation: number;
  /** Direction of the long axis, radians counter-clockwise from east. */
  angle: number;
  /** 0 = smooth ellipse, 0.4 = very ragged edge. */
  roughness: number;
  vertices?: number;
}

/** A closed ring; the radius noise is a sum of harmonics of θ, so the outline closes smoothly. */
export function noisyEllipse(rand: Random, spec: BlobSpec): Position[] {
  const n = spec.vertices ?? 48;
  const harmonics = [2, 3, 5, 8, 13].map((k) => ({ k, amp: uniform(rand, 0.3, 1) / Math.sqrt(k), phase: uniform(rand, 0, 2 * Math.PI) }));
  const norm = harmonics.reduce((s, h) => s + h.amp, 0);
  const local: Array<[number, number]> = [];
  for (let i = 0; i < n; i++) {
    const t = (2 * Math.PI * i) / n;
    const wobble = harmonics.reduce((s, h) => s + h.amp * Math.sin(h.k * t + h.phase), 0) / norm;
    const r = 1 + spec.roughness * wobble;
    const a = r * Math.sqrt(spec.elongation) * Math.cos(t);
    const b = (r / Math.sqrt(spec.elongation)) * Math.sin(t);
    local.push([a * Math.cos(spec.angle) - b * Math.sin(spec.angle), a * Math.sin(spec.angle) + b * Math.cos(spec.angle)]);
  }
  const scale = Math.sqrt(spec.areaKm2 / shoelace(local));
  return toLonLatRing(local.map(([x, y]) => [x * scale, y * scale]), spec.center);
}

/** Area of a ring in its own units (absolute value). */
export function shoelace(ring: Array<[number, number]>): number {
  let sum = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[(i + 1) % ring.length]!;
    sum += x1 * y2 - x2 * y1;
  }
  return Math.abs(sum) / 2;
}

/** Kilometre offsets around a lon/lat centre → a closed lon/lat ring. */
export function toLonLatRing(km: Array<[number, number]>, center: [number, number]): Position[] {
  const kmPerDegLon = 111.32 * Math.cos((center[1] * Math.PI) / 180);
  const ring = km.map(([x, y]): Position => [round6(center[0] + x / kmPerDegLon), round6(center[1] + y / 110.57)]);
  ring.push([...ring[0]!]);
  return ring;
}
