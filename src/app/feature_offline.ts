// Offline areas. Design: the app already reads every data file through one byte-range path
// (FetchRangeSource under PMTiles, COG and identify); an area is kept as the exact byte ranges
// that path will ask for (PMTiles header, directories and the area's tiles; COG header blocks
// and the area's internal tiles at the overviews the renderer picks), stored per file in the
// Origin Private File System and read instead of the network when offline (sources/source.ts
// setOfflineRanges). Drawing, identify, the verdict and the AOI report then run unchanged on the
// same code paths, and a live layer online always sees the server. Whole small files (catalogue,
// layer JSON, GeoJSON) go to the service worker's cache. See README "Hors ligne / Offline".
import { t } from '../i18n';
import { AreaStore, type AreaRecord } from '../offline/area_store';
import { MemoryBlobStore } from '../offline/blob_store';
import type { OfflineDownload } from '../offline/download';
import { OpfsBlobStore, opfsAvailable } from '../offline/opfs_store';
import type { Bbox } from '../offline/tiles';
import { setOfflineRanges } from '../sources/source';
import { el } from '../ui/dom';
import { mountOfflineBanner } from '../ui/offline_banner';
import { formatBytes } from '../ui/offline_format';
import { renderOfflinePanel, type OfflineActions, type OfflineModel, type OfflinePanel } from '../ui/offline_panel';
import { areaChoices, resolveArea } from './offline_area_choice';
import { downloadOfflineArea, newDownload, planOfflineArea, rangeReaders, type PlannedArea } from './offline_planning';
import type { AppContext, Feature } from './context';
import { addTool } from '../ui/toolbar';

const SHEET_ID = 'offline';

/** The device's areas, installed as the byte path's offline copy as soon as the feature starts. */
function openAreaStore(): { store: AreaStore; loaded: Promise<unknown> } {
  const store = new AreaStore(opfsAvailable() ? new OpfsBlobStore() : new MemoryBlobStore());
  const loaded = store.load().catch(() => []);
  setOfflineRanges({ read: async (url, offset, length) => { await loaded; return store.read(url, offset, length); } });
  return { store, loaded };
}

export function installOffline(context: AppContext): Feature {
  const { map, sheet, notices } = context;
  const { store, loaded } = openAreaStore();
  const banner = mountOfflineBanner(document.getElementById('map-host')!);
  const reader = rangeReaders();
  const model: OfflineModel = { phase: 'idle', choices: [], estimate: null, freeBytes: null, progress: null, message: null, areas: [] };
  let panel: OfflinePanel | null = null;
  let planned: PlannedArea | null = null;
  let job: OfflineDownload | null = null;
  let planning: AbortController | null = null;

  const render = () => {
    model.areas = store.list().map(lineOf);
    document.documentElement.dataset.offlineAreas = String(store.list().length);
    if (panel && sheet.current() === SHEET_ID) panel.update(model);
    banner.show(navigator.onLine === false && !store.covers(viewBbox(context)));
  };
  const settle = (patch: Partial<OfflineModel>) => {
    Object.assign(model, patch);
    render();
  };
  const fail = (error: unknown) => {
    const aborted = error instanceof DOMException && error.name === 'AbortError';
    planned = job = null;
    settle({ phase: 'idle', progress: null, estimate: null, message: aborted
      ? { text: t('offline.cancelled'), kind: 'info' }
      : { text: t('offline.failed', { message: error instanceof Error ? error.message : String(error) }), kind: 'error' } });
  };

  async function estimate(choice: string, minZoom: number, maxZoom: number): Promise<void> {
    const zoomsOk = Number.isInteger(minZoom) && Number.isInteger(maxZoom) && minZoom >= 0 && maxZoom <= 18 && minZoom <= maxZoom;
    if (!zoomsOk) return settle({ message: { text: t('offline.zoom_bad'), kind: 'error' } });
    const area = resolveArea(choice, map);
    if (!area) return;
    settle({ phase: 'estimating', estimate: null, message: null, progress: null });
    planning = new AbortController();
    planned = await planOfflineArea(context, reader, area, minZoom, maxZoom, planning.signal);
    settle({ phase: 'estimated', estimate: { bytes: planned.bytes, files: planned.files }, freeBytes: planned.freeBytes });
  }

  async function download(): Promise<void> {
    if (!planned) return;
    job = newDownload(reader, (progress) => settle({ progress }));
    settle({ phase: 'downloading', message: null });
    const { record, persisted } = await downloadOfflineArea(job, planned, store);
    planned = job = null;
    const text = `${t('offline.done', { size: formatBytes(record.bytes) })} ${t(persisted ? 'offline.persisted' : 'offline.not_persisted')}`;
    settle({ phase: 'idle', progress: null, estimate: null, message: { text, kind: 'info' } });
  }

  const actions: OfflineActions = {
    estimate: (choice, from, to) => void estimate(choice, from, to).catch(fail),
    download: () => void download().catch(fail),
    pause: () => { job?.pause(); settle({ phase: 'paused' }); },
    resume: () => { job?.resume(); settle({ phase: 'downloading' }); },
    cancel: () => { job?.cancel(); planning?.abort(); },
    remove: (id, name) => void store.remove(id).then(() => settle({ message: { text: t('offline.deleted', { name }), kind: 'info' } })),
  };
  const open = () => {
    panel = renderOfflinePanel(actions, [Math.max(0, Math.min(10, Math.floor(map.getZoom()))), 16]);
    model.choices = areaChoices();
    sheet.open(t('offline.title'), panel.element, { id: SHEET_ID });
    render();
  };
  const button = toolButton(context, open);

  map.on('moveend', render);
  window.addEventListener('offline', () => { notices.show(t('offline.offline_now'), 'info'); render(); });
  window.addEventListener('online', () => { notices.show(t('offline.online_again'), 'info'); render(); });
  void loaded.then(render);
  return {
    relabel: () => {
      button.relabel();
      banner.relabel();
      if (sheet.current() === SHEET_ID) open();
    },
  };
}

function toolButton(context: AppContext, onClick: () => void): { relabel(): void } {
  const button = el('button', { type: 'button', id: 'offline-button' });
  const relabel = () => {
    button.title = t('offline.button_title');
  };
  relabel();
  button.addEventListener('click', onClick);
  addTool(context.toolbar, button);
  return { relabel };
}

function viewBbox({ map }: AppContext): Bbox {
  const b = map.getBounds();
  return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
}

function lineOf(record: AreaRecord) {
  return { id: record.id, name: record.name, bytes: record.bytes, minZoom: record.minZoom, maxZoom: record.maxZoom, created: record.created };
}
