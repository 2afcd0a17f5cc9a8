// Reads what floodVerdict needs for one point from the catalogue's flood layers: zone
// features from the max-zoom tile holding the point (or the GeoJSON), the declared coverage
// polygons, and history features within the radius. A layer that cannot be read becomes an
// error entry; the other layers still answer. DOM-free (browser and Node).
import type { Feature, Position } from 'geojson';
import type { LayerDefinition } from '../catalogue/types';
import type { DataAccess } from './identify_data';
import {
  floodVerdict, layerInfo, type FloodHistoryInput, type FloodZoneInput, type Verdict, type VerdictInputs,
} from './flood_verdict';
import { layerFeaturesNear } from './kind_features';

export const RADIUS_CHOICES_KM = [1, 5, 10] as const;
export const DEFAULT_RADIUS_KM = 5;

/** History tiles read at most; the zoom steps down until a 10 km circle fits in them. */
const HISTORY_MAX_TILES = 9;

export function floodZoneLayers(defs: Iterable<LayerDefinition>): LayerDefinition[] {
  return [...defs].filter((def) => def.floodZone !== undefined);
}

export function floodHistoryLayers(defs: Iterable<LayerDefinition>): LayerDefinition[] {
  return [...defs].filter((def) => def.floodHistory !== undefined);
}

/** The whole verdict for a point: load, then decide. */
export async function verdictAt(
  point: Position, defs: Iterable<LayerDefinition>, data: DataAccess, radiusKm = DEFAULT_RADIUS_KM, signal?: AbortSignal,
): Promise<Verdict> {
  return floodVerdict(point, await loadVerdictInputs(point, [...defs], data, radiusKm, signal));
}

export async function loadVerdictInputs(
  point: Position, defs: LayerDefinition[], data: DataAccess, radiusKm: number, signal?: AbortSignal,
): Promise<VerdictInputs> {
  const [zones, history] = await Promise.all([
    Promise.all(floodZoneLayers(defs).map((def) => loadZoneInput(point, def, data, signal))),
    Promise.all(floodHistoryLayers(defs).map((def) => loadHistoryInput(point, def, data, radiusKm, signal))),
  ]);
  return { radiusKm, zones, history };
}

async function loadZoneInput(point: Position, def: LayerDefinition, data: DataAccess, signal?: AbortSignal): Promise<FloodZoneInput> {
  const layer = layerInfo(def);
  const spec = def.floodZone!;
  try {
    const [features, coverage] = await Promise.all([
      layerFeatures(point, def, data, 0, 1, signal),
      def.coverage === undefined ? null : data.geojson(def.coverage),
    ]);
    return { layer, spec, features, coverage };
  } catch (error) {
    return { layer, spec, features: [], coverage: null, error: messageOf(error) };
  }
}

async function loadHistoryInput(
  point: Position, def: LayerDefinition, data: DataAccess, radiusKm: number, signal?: AbortSignal,
): Promise<FloodHistoryInput> {
  const layer = layerInfo(def);
  const spec = def.floodHistory!;
  try {
    return { layer, spec, features: await layerFeatures(point, def, data, radiusKm * 1000, HISTORY_MAX_TILES, signal) };
  } catch (error) {
    return { layer, spec, features: [], error: messageOf(error) };
  }
}

/** Candidate features of a vector layer around the point; floodVerdict does the geometry. */
function layerFeatures(
  point: Position, def: LayerDefinition, data: DataAccess, radiusMetres: number, maxTiles: number, signal?: AbortSignal,
): Promise<Feature[]> {
  return layerFeaturesNear(def, data, point, { radiusMetres, maxTiles, ...(signal ? { signal } : {}) });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
