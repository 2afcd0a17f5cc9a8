// Offline areas. Design: the app already reads every data file through a few byte-range paths
// (FetchRangeSource under PMTiles, COG and identify); an area is kept as the exact byte ranges
// those paths will ask for (PMTiles header, directories and the area's tiles; COG header blocks
// and the area's internal tiles at the overviews the renderer picks), stored per file in the
// Origin Private File System and consulted before the network when offline (sources/source.ts
// setOfflineRanges). Drawing, identify, the verdict and the AOI report then run unchanged on the
// same code paths, and a live layer online always sees the server. Whole small files (catalogue,
// layer JSON, GeoJSON) go to the service worker's cache. See README "Hors ligne / Offline".
import { t } from '../i18n';
import { areaFiles, planArea } from '../offline/area_plan';
import { AreaStore, type AreaRecord } from '../offline/area_store';
import { MemoryBlobStore } from '../offline/blob_store';
import { OfflineDownload } from '../offline/download';
import { catalogueFiles, fileCacheAvailable, keepWholeFiles } from '../offline/file_cache';
import { OpfsBlobStore, opfsAvailable } from '../offline/opfs_store';
import { planBytes, type FilePlan, type RangeReader } from '../offline/plan_types';
import { padBbox, type Bbox } from '../offline/tiles';
import { FetchRangeSource, setOfflineRanges } from '../sources/source';
import { el } from '../ui/dom';
import { mountOfflineBanner } from '../ui/offline_banner';
import { formatBytes } from '../ui/offline_format';
import { renderOfflinePanel, type OfflineModel, type OfflinePanel } from '../ui/offline_panel';
import { areaChoices, resolveArea } from './offline_area_choice';
import type { AppContext, Feature } from './context';

const SHEET_ID = 'offline';

interface Planned { spec: { id: string; name: string; bbox: Bbox; minZoom: number; maxZoom: number; layers: string[] }; plans: FilePlan[]; whole: string[] }

export function installOffline(context: AppContext): Feature {
  const { map, sheet, notices } = context;
  const store = new AreaStore(opfsAvailable() ? new OpfsBlobStore() : new MemoryBlobStore());
  const loaded = store.load().catch(() => []);
  setOfflineRanges({ read: async (url, offset, length) => { await loaded; return store.read(url, offset, length); } });
  const banner = mountOfflineBanner(document.getElementById('map-host')!);
  const model: OfflineModel = { phase: 'idle', choices: [], estimate: null, freeBytes: null, progress: null, message: null, areas: [] };
  let panel: OfflinePanel | null = null;
  let planned: Planned | null = null;
  let job: OfflineDownload | null = null;
  let planning: AbortController | null = null;

  const render = () => {
    model.areas = store.list().map(lineOf);
    document.documentElement.dataset.offlineAreas = String(store.list().length);
    if (panel && sheet.current() === SHEET_ID) panel.update(model);
    banner.show(navigator.onLine === false && !store.covers(viewBbox()));
  };
  const viewBbox = (): Bbox => {
    const b = map.getBounds();
    return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
  };
  const readers = new Map<string, RangeReader>();
  const reader = (url: string): RangeReader => {
    let read = readers.get(url);
    if (!read) {
      const source = new FetchRangeSource(url);
      read = (offset, length, signal) => source.read(offset, length, signal);
      readers.set(url, read);
    }
    return read;
  };
  const fail = (error: unknown) => {
    const aborted = error instanceof DOMException && error.name === 'AbortError';
    Object.assign(model, { phase: 'idle', progress: null, estimate: null });
    model.message = aborted ? { text: t('offline.cancelled'), kind: 'info' } : { text: t('offline.failed', { message: messageOf(error) }), kind: 'error' };
    planned = null;
    job = null;
    render();
  };

  async function estimate(choice: string, minZoom: number, maxZoom: number): Promise<void> {
    if (!(minZoom >= 0 && maxZoom <= 18 && minZoom <= maxZoom && Number.isInteger(minZoom) && Number.isInteger(maxZoom))) {
      model.message = { text: t('offline.zoom_bad'), kind: 'error' };
      return render();
    }
    const area = resolveArea(choice, map);
    if (!area) return;
    Object.assign(model, { phase: 'estimating', estimate: null, message: null, progress: null });
    render();
    planning = new AbortController();
    const defs = layersToTake(context);
    const base = context.resolveUrl('layers/');
    // the catalogue files, and the place names search offers (data/*.geojson: the service worker's route)
    const startFiles = [...catalogueFiles(base, context.catalogue.layers.map((l) => l.id)), context.resolveUrl('data/places.geojson')];
    const files = areaFiles(defs, context.resolveUrl('data/basemap.pmtiles'), context.resolveUrl, startFiles);
    const bbox = padBbox(area.bbox, 0.05);
    const plans = await planArea(files.ranged, reader, bbox, minZoom, maxZoom, planning.signal);
    const id = Date.now().toString(36);
    planned = { spec: { id, name: area.name, bbox: area.bbox, minZoom, maxZoom, layers: defs.map((d) => d.id) }, plans, whole: files.whole };
    const bytes = plans.reduce((sum, plan) => sum + planBytes(plan), 0);
    const quota = await navigator.storage?.estimate?.().catch(() => null);
    model.freeBytes = quota?.quota !== undefined ? quota.quota - (quota.usage ?? 0) : null;
    Object.assign(model, { phase: 'estimated', estimate: { bytes, files: plans.length + files.whole.length } });
    render();
  }

  async function download(): Promise<void> {
    if (!planned) return;
    const persisted = await navigator.storage?.persist?.().catch(() => false);
    const current = planned;
    job = new OfflineDownload(reader, (progress) => {
      model.progress = progress;
      render();
    });
    Object.assign(model, { phase: 'downloading', message: null });
    render();
    if (fileCacheAvailable()) await keepWholeFiles(current.whole, job.signal);
    const record = await job.run(current.spec, current.plans, store);
    job = null;
    planned = null;
    const note = t(persisted ? 'offline.persisted' : 'offline.not_persisted');
    Object.assign(model, { phase: 'idle', progress: null, estimate: null, message: { text: `${t('offline.done', { size: formatBytes(record.bytes) })} ${note}`, kind: 'info' } });
    render();
  }

  const panelActions = {
    estimate: (choice: string, from: number, to: number) => void estimate(choice, from, to).catch(fail),
    download: () => void download().catch(fail),
    pause: () => { job?.pause(); model.phase = 'paused'; render(); },
    resume: () => { job?.resume(); model.phase = 'downloading'; render(); },
    cancel: () => { job?.cancel(); planning?.abort(); },
    remove: (id: string, name: string) => void store.remove(id).then(() => {
      model.message = { text: t('offline.deleted', { name }), kind: 'info' };
      render();
    }),
  };
  const open = () => {
    const zoom = Math.floor(map.getZoom());
    panel = renderOfflinePanel(panelActions, [Math.max(0, Math.min(10, zoom)), 16]);
    model.choices = areaChoices();
    sheet.open(t('offline.title'), panel.element, { id: SHEET_ID });
    render();
  };
  const button = el('button', { type: 'button', id: 'offline-button', style: 'padding:6px 10px;font-size:0.9rem;min-height:36px;border-radius:4px;cursor:pointer' });
  const relabelButton = () => {
    button.textContent = t('offline.button');
    button.title = t('offline.button_title');
  };
  relabelButton();
  button.addEventListener('click', open);
  context.toolbar.appendChild(button);

  map.on('moveend', render);
  window.addEventListener('offline', () => { notices.show(t('offline.offline_now'), 'info'); render(); });
  window.addEventListener('online', () => { notices.show(t('offline.online_again'), 'info'); render(); });
  void loaded.then(render);
  return {
    relabel: () => {
      relabelButton();
      banner.relabel();
      if (sheet.current() === SHEET_ID) open();
    },
  };
}

/** The layers shown, plus the flood layers the verdict reads whether shown or not. */
function layersToTake(context: AppContext) {
  const visible = context.store.get().visible;
  return [...context.defs.values()].filter((def) => visible.has(def.id) || def.floodZone !== undefined || def.floodHistory !== undefined);
}

function lineOf(record: AreaRecord) {
  return { id: record.id, name: record.name, bytes: record.bytes, minZoom: record.minZoom, maxZoom: record.maxZoom, created: record.created };
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
