// Planning and running an offline area for the app: which layers and files, their plans and
// size, the storage left, then the download (whole files to the service worker's cache, ranges
// to the area store). The feature (feature_offline.ts) only keeps the panel's state.
import type { LayerDefinition } from '../catalogue/types';
import { areaFiles, planArea } from '../offline/area_plan';
import type { AreaRecord, AreaSpec, AreaStore } from '../offline/area_store';
import { OfflineDownload, type Progress } from '../offline/download';
import { catalogueFiles, fileCacheAvailable, keepWholeFiles } from '../offline/file_cache';
import { planBytes, type FilePlan, type RangeReader } from '../offline/plan_types';
import { padBbox, type Bbox } from '../offline/tiles';
import { FetchRangeSource } from '../sources/source';
import type { AppContext } from './context';

export interface PlannedArea {
  spec: AreaSpec;
  plans: FilePlan[];
  whole: string[];
  bytes: number;
  files: number;
  /** Space left for this site, when the browser tells. */
  freeBytes: number | null;
}

/** One reader per file URL, through the app's byte path (deadline, retries). */
export function rangeReaders(): (url: string) => RangeReader {
  const readers = new Map<string, RangeReader>();
  return (url) => {
    let read = readers.get(url);
    if (!read) {
      const source = new FetchRangeSource(url);
      read = (offset, length, signal) => source.read(offset, length, signal);
      readers.set(url, read);
    }
    return read;
  };
}

export async function planOfflineArea(context: AppContext, reader: (url: string) => RangeReader,
  area: { bbox: Bbox; name: string }, minZoom: number, maxZoom: number, signal: AbortSignal): Promise<PlannedArea> {
  const defs = layersToTake(context);
  // the catalogue files, and the place names search offers (data/*.geojson: the service worker's route)
  const startFiles = [...catalogueFiles(context.resolveUrl('layers/'), context.catalogue.layers.map((l) => l.id)), context.resolveUrl('data/places.geojson')];
  // the first style's two archives: the detailed basemap and the small-scale land (map/basemap_style.ts)
  const basemaps = ['data/basemap.pmtiles', 'data/basemap_world.pmtiles'].map(context.resolveUrl);
  const files = areaFiles(defs, basemaps, context.resolveUrl, startFiles);
  // a margin: the map's edge tiles and the renderer's merged reads reach a little past the area
  const plans = await planArea(files.ranged, reader, padBbox(area.bbox, 0.05), minZoom, maxZoom, signal);
  const quota = await navigator.storage?.estimate?.().catch(() => null);
  return {
    spec: { id: Date.now().toString(36), name: area.name, bbox: area.bbox, minZoom, maxZoom, layers: defs.map((d) => d.id) },
    plans,
    whole: files.whole,
    bytes: plans.reduce((sum, plan) => sum + planBytes(plan), 0),
    files: plans.length + files.whole.length,
    freeBytes: quota?.quota !== undefined ? quota.quota - (quota.usage ?? 0) : null,
  };
}

/** Downloads a planned area; resolves with its record and whether storage is persistent. */
export async function downloadOfflineArea(job: OfflineDownload, planned: PlannedArea, store: AreaStore): Promise<{ record: AreaRecord; persisted: boolean }> {
  const persisted = (await navigator.storage?.persist?.().catch(() => false)) ?? false;
  if (fileCacheAvailable()) await keepWholeFiles(planned.whole, job.signal);
  const record = await job.run(planned.spec, planned.plans, store);
  return { record, persisted };
}

export function newDownload(reader: (url: string) => RangeReader, onProgress: (progress: Progress) => void): OfflineDownload {
  return new OfflineDownload(reader, onProgress);
}

/** The layers shown, plus the flood layers the verdict reads whether shown or not. */
function layersToTake(context: AppContext): LayerDefinition[] {
  const visible = context.store.get().visible;
  return [...context.defs.values()].filter((def) => visible.has(def.id) || def.floodZone !== undefined || def.floodHistory !== undefined);
}
