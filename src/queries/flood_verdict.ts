// The flood verdict for one point: what each flood-zone layer maps there (0–20 yr, 20–100 yr,
// outside the mapped zones, or no mapping at all), by whom and when, and the historical
// floods recorded nearby. Pure: the features come in already read (flood_verdict_load.ts).
// It reports what is mapped; it never concludes that a place is free of flooding.
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon';
import type { Feature, Position } from 'geojson';
import type { FloodClass, FloodHistorySpec, FloodZoneSpec, I18nText, LayerDefinition } from '../catalogue/types';
import { FLOOD_CLASSES } from '../catalogue/types';
import { distanceMetres, featureKey, isPolygonal } from './identify_hit';
import { yearOf } from './identify_format';

/** Who mapped a layer and when, as the verdict cites it. */
export interface LayerInfo {
  id: string;
  title: I18nText;
  producer: I18nText;
  date: string;
  synthetic: boolean;
}

export interface FloodZoneInput {
  layer: LayerInfo;
  spec: FloodZoneSpec;
  /** The layer's features around the point (floodVerdict tests them). */
  features: Feature[];
  /** Where the producer mapped; null when the layer declares no coverage. */
  coverage: Feature[] | null;
  /** Set when the layer's data could not be read. */
  error?: string;
}

export interface FloodHistoryInput {
  layer: LayerInfo;
  spec: FloodHistorySpec;
  features: Feature[];
  error?: string;
}

export interface VerdictInputs {
  /** Historical events are counted within this distance of the point. */
  radiusKm: number;
  zones: FloodZoneInput[];
  history: FloodHistoryInput[];
}

/**
 * in-zone: inside at least one mapped zone; outside-zones: inside the coverage, in no zone;
 * no-mapping: outside the coverage; coverage-unknown: in no zone of a layer that does not
 * say where it mapped; error: the layer could not be read.
 */
export type ZoneStatus = 'in-zone' | 'outside-zones' | 'no-mapping' | 'coverage-unknown' | 'error';

export interface ZoneAnswer {
  layer: LayerInfo;
  status: ZoneStatus;
  /** Classes of the zones holding the point, most frequent flooding first. */
  classes: FloodClass[];
  error?: string;
}

export interface HistoryYear {
  /** null when the event's date field holds no year. */
  year: number | null;
  count: number;
  nearestKm: number;
}

export interface HistoryAnswer {
  layer: LayerInfo;
  status: 'ok' | 'error';
  /** Distinct events or observations within the radius. */
  total: number;
  byYear: HistoryYear[];
  error?: string;
}

export interface Verdict {
  point: { lon: number; lat: number };
  radiusKm: number;
  zones: ZoneAnswer[];
  history: HistoryAnswer[];
  /** The most frequent flooding class found in any layer, null when none. */
  highestClass: FloodClass | null;
  /** True when any answer comes from synthetic demonstration data. */
  synthetic: boolean;
}

export function layerInfo(def: LayerDefinition): LayerInfo {
  return {
    id: def.id, title: def.title, producer: def.attribution.organisation,
    date: def.attribution.date, synthetic: def.synthetic === true,
  };
}

export function floodVerdict(point: Position, inputs: VerdictInputs): Verdict {
  const [lon = 0, lat = 0] = point;
  const zones = inputs.zones.map((input) => zoneAnswer(point, input));
  const history = inputs.history.map((input) => historyAnswer(point, input, inputs.radiusKm));
  const found = new Set(zones.flatMap((zone) => zone.classes));
  const layers = [...zones, ...history].filter((answer) => answer.status !== 'error');
  return {
    point: { lon, lat },
    radiusKm: inputs.radiusKm,
    zones,
    history,
    highestClass: FLOOD_CLASSES.find((cls) => found.has(cls)) ?? null,
    synthetic: layers.some((answer) => answer.layer.synthetic),
  };
}

function zoneAnswer(point: Position, input: FloodZoneInput): ZoneAnswer {
  const { layer, spec } = input;
  if (input.error !== undefined) return { layer, status: 'error', classes: [], error: input.error };
  const found = new Set<FloodClass>();
  for (const feature of input.features) {
    const cls = spec.classes[String(feature.properties?.[spec.field])];
    if (cls && isPolygonal(feature.geometry) && booleanPointInPolygon(point, feature.geometry)) found.add(cls);
  }
  const classes = FLOOD_CLASSES.filter((cls) => found.has(cls));
  if (classes.length > 0) return { layer, status: 'in-zone', classes };
  if (input.coverage === null) return { layer, status: 'coverage-unknown', classes };
  const covered = input.coverage.some((feature) =>
    isPolygonal(feature.geometry) && booleanPointInPolygon(point, feature.geometry));
  return { layer, status: covered ? 'outside-zones' : 'no-mapping', classes };
}

function historyAnswer(point: Position, input: FloodHistoryInput, radiusKm: number): HistoryAnswer {
  const { layer, spec } = input;
  if (input.error !== undefined) return { layer, status: 'error', total: 0, byYear: [], error: input.error };
  // Pieces of one event cut by tiles share a key: keep the nearest piece's distance.
  const nearest = new Map<string, { year: number | null; metres: number }>();
  for (const feature of input.features) {
    const metres = distanceMetres(feature.geometry, point);
    if (!(metres <= radiusKm * 1000)) continue;
    const key = featureKey(feature);
    const seen = nearest.get(key);
    if (!seen || metres < seen.metres) nearest.set(key, { year: yearOf(feature.properties?.[spec.dateField]), metres });
  }
  const years = new Map<number | null, HistoryYear>();
  for (const { year, metres } of nearest.values()) {
    const entry = years.get(year) ?? { year, count: 0, nearestKm: Infinity };
    entry.count += 1;
    entry.nearestKm = Math.min(entry.nearestKm, Math.round(metres) / 1000);
    years.set(year, entry);
  }
  const byYear = [...years.values()].sort((a, b) => (a.year ?? Infinity) - (b.year ?? Infinity));
  return { layer, status: 'ok', total: nearest.size, byYear };
}
