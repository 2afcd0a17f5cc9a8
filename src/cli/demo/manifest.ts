// Sample points for browser tests: for each layer and class, a point well inside one feature of
// that class, away from features of other classes and outside the other default layers, so the
// rendered colour there is the class colour.
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson';
import { bbox as turfBBox, booleanPointInPolygon } from '@turf/turf';
import { round6 } from './geo';

export interface ManifestSample {
  layer: string;
  lon: number;
  lat: number;
  expect: Record<string, string | number>;
  /** Distance (km) from the point to the nearest edge of its own or another class's feature. */
  marginKm: number;
}

type Area = Feature<Polygon | MultiPolygon>;

export interface SampleRequest {
  layer: string;
  features: FeatureCollection<Polygon | MultiPolygon>;
  field: string;
  /** Classes to sample (default: every class present). */
  classes?: Array<string | number>;
  /** Wanted clearance around the point, km. */
  marginKm: number;
  /** Features of other layers the point must stay out of (other layers shown by default). */
  avoid?: Area[];
}

export function samplesFor(req: SampleRequest): ManifestSample[] {
  const classes = req.classes ?? [...new Set(req.features.features.map((f) => f.properties?.[req.field] as string | number))];
  const out: ManifestSample[] = [];
  for (const value of classes) {
    const own = req.features.features.filter((f) => f.properties?.[req.field] === value);
    const others = req.features.features.filter((f) => f.properties?.[req.field] !== value);
    const best = bestPoint(own, [...others, ...(req.avoid ?? [])], req.marginKm);
    if (!best) throw new Error(`demo manifest: no point found for layer ${req.layer}, ${req.field} = ${value}`);
    out.push({ layer: req.layer, lon: round6(best.at[0]!), lat: round6(best.at[1]!), expect: { [req.field]: value }, marginKm: Math.round(best.margin * 1000) / 1000 });
  }
  return out;
}

/** Largest features first; first candidate reaching the wanted margin wins, else the best seen. */
function bestPoint(own: Area[], blockers: Area[], wantedKm: number): { at: Position; margin: number } | null {
  const bySize = [...own].sort((a, b) => bboxArea(b) - bboxArea(a)).slice(0, 8);
  const indexed = blockers.map((f) => ({ f, box: turfBBox(f) }));
  let best: { at: Position; margin: number } | null = null;
  for (const feature of bySize) {
    for (const candidate of gridInside(feature, 12)) {
      const margin = clearanceIndexed(candidate, feature, indexed, wantedKm);
      if (margin > (best?.margin ?? 0)) best = { at: candidate, margin };
    }
    if (best && best.margin >= wantedKm) return best;
  }
  return best;
}

/** Distance (km) to the own feature's edge and to every nearby blocker; 0 if inside a blocker. */
export function clearance(p: Position, feature: Area, blockers: Area[]): number {
  return clearanceIndexed(p, feature, blockers.map((f) => ({ f, box: turfBBox(f) })), Infinity);
}

function clearanceIndexed(p: Position, feature: Area, blockers: Array<{ f: Area; box: number[] }>, searchKm: number): number {
  let margin = edgeDistanceKm(p, feature);
  const padLat = Math.min(1, searchKm / 110);
  const padLon = padLat / Math.cos((p[1]! * Math.PI) / 180);
  for (const { f, box } of blockers) {
    if (p[0]! < box[0]! - padLon || p[0]! > box[2]! + padLon || p[1]! < box[1]! - padLat || p[1]! > box[3]! + padLat) continue;
    if (booleanPointInPolygon(p, f)) return 0;
    margin = Math.min(margin, edgeDistanceKm(p, f));
  }
  return margin;
}

/**
 * Shortest distance (km) from p to any edge of the polygon, in a local equirectangular frame.
 * Hand-written: turf's geodesic pointToPolygonDistance was ~100× slower over thousands of
 * candidate points, and sub-percent accuracy is plenty for a sample margin.
 */
function edgeDistanceKm(p: Position, f: Area): number {
  const kx = 111.32 * Math.cos((p[1]! * Math.PI) / 180);
  const ky = 110.57;
  const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  let best = Infinity;
  for (const ring of polygons.flat()) {
    for (let i = 1; i < ring.length; i++) {
      const ax = (ring[i - 1]![0]! - p[0]!) * kx, ay = (ring[i - 1]![1]! - p[1]!) * ky;
      const bx = (ring[i]![0]! - p[0]!) * kx, by = (ring[i]![1]! - p[1]!) * ky;
      const dx = bx - ax, dy = by - ay;
      const len2 = dx * dx + dy * dy;
      const t = len2 === 0 ? 0 : Math.min(1, Math.max(0, -(ax * dx + ay * dy) / len2));
      best = Math.min(best, Math.hypot(ax + t * dx, ay + t * dy));
    }
  }
  return best;
}

function gridInside(feature: Area, n: number): Position[] {
  const [w, s, e, nn] = turfBBox(feature);
  const pts: Position[] = [];
  for (let i = 1; i < n; i++) {
    for (let j = 1; j < n; j++) {
      const p = [w + ((e - w) * i) / n, s + ((nn - s) * j) / n];
      if (booleanPointInPolygon(p, feature)) pts.push(p);
    }
  }
  return pts;
}

function bboxArea(f: Area): number {
  const [w, s, e, n] = turfBBox(f);
  return (e - w) * (n - s);
}
