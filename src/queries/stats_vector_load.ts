// Where a vector layer's features come from for statistics and exports: the original GeoJSON
// when the data sits beside the PMTiles archive (same name, .geojson — the demo generator and
// the import pipeline write both), else the archive's max-zoom tiles.
import { PMTiles, type Source } from 'pmtiles';
import type { BBox } from 'geojson';
import { featuresFromGeojsonText } from './geojson_text';
import { StatsError } from './stats_errors';
import type { RangeSource } from '../sources/source';
import { VectorIndex } from './stats_vector_index';
import { readTileFeatures } from './stats_vector_tiles';

export { featuresFromGeojsonText };

export interface LoadedVector {
  index: VectorIndex;
  origin: 'geojson' | 'tiles';
  /** English, for the command line; the app words its own from `tiles` (ui/report_notes.ts). */
  notes: string[];
  /** How the tiles were read, when they were. */
  tiles?: { zoom: number; maxZoom: number; anonymous: number };
}

/** "data/x.pmtiles" → "data/x.geojson" (null when the URL is not a .pmtiles archive). */
export function originalGeojsonUrl(url: string): string | null {
  const match = /^(.*)\.pmtiles(\?.*)?$/i.exec(url);
  return match ? `${match[1]}.geojson${match[2] ?? ''}` : null;
}

export function vectorFromGeojson(text: string, name: string): LoadedVector {
  return { index: new VectorIndex(featuresFromGeojsonText(text, name)), origin: 'geojson', notes: [] };
}

export async function vectorFromPmtiles(archive: PMTiles, sourceLayer: string, box: BBox, signal?: AbortSignal): Promise<LoadedVector> {
  const { features, notes, zoom, maxZoom, anonymous } = await readTileFeatures(archive, sourceLayer, box, signal);
  return { index: new VectorIndex(features), origin: 'tiles', notes, tiles: { zoom, maxZoom, anonymous } };
}

/** Our byte-range sources (local file, fetch) seen as a PMTiles `Source`. */
export function pmtilesSource(source: RangeSource): Source {
  return {
    getKey: () => source.getKey(),
    getBytes: async (offset, length, signal) => ({ data: (await source.getBytes(offset, length, signal)).data }),
  };
}

/** The single vector layer of an archive, or the one named; a clear error otherwise. */
export async function pickSourceLayer(archive: PMTiles, wanted: string | undefined, name: string): Promise<string> {
  const metadata = (await archive.getMetadata()) as { vector_layers?: Array<{ id: string }> };
  const ids = (metadata.vector_layers ?? []).map((l) => l.id);
  if (wanted) {
    if (ids.length && !ids.includes(wanted)) {
      throw new StatsError('source-layer-missing', `${name}: no layer "${wanted}" (layers: ${ids.join(', ')})`, { file: name, wanted, layers: ids });
    }
    return wanted;
  }
  if (ids.length > 1) throw new StatsError('source-layer-ambiguous', `${name}: several layers (${ids.join(', ')}); choose one with --source-layer`, { file: name, layers: ids });
  if (ids.length === 0) throw new StatsError('no-source-layers', `${name}: no vector_layers in the metadata`, { file: name });
  return ids[0] as string;
}
