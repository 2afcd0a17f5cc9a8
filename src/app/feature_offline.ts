// Offline areas. Design: the app already reads every data file through one byte-range path
// (FetchRangeSource under PMTiles, COG and identify); an area is kept as the exact byte ranges
// that path will ask for (PMTiles header, directories and the area's tiles; COG header blocks
// and the area's internal tiles at the overviews the renderer picks), stored per file in the
// Origin Private File System and read instead of the network when offline (sources/source.ts
// setOfflineRanges). Drawing, identify, the verdict and the AOI report then run unchanged on the
// same code paths, and a live layer online always sees the server. Whole small files (catalogue,
// layer JSON, GeoJSON) go to the service worker's cache. See README "Hors ligne / Offline".
import { t } from '../i18n';
import type { AreaRecord, AreaStore } from '../offline/area_store';
import { openDeviceAreas } from '../offline/device_areas';
import type { Bbox } from '../offline/tiles';
import { setOfflineRanges } from '../sources/source';
import { mountOfflineBanner, type OfflineBanner } from '../ui/offline_banner';
import type { OfflinePanel } from '../ui/offline_panel';
import { toolButton } from '../ui/toolbar';
import type { AppContext } from './context';
import type { ControllerFactory } from './controller';
import { FeatureController } from './feature_controller';
import type { OfflineSession } from './offline_session';

const SHEET_ID = 'offline';

/**
 * The device's areas (already open when the app started offline: app/offline_start.ts),
 * installed as the byte path's offline copy as soon as the feature starts.
 */
function openAreaStore(): { areas: AreaStore; loaded: Promise<unknown> } {
  const { areas, loaded } = openDeviceAreas();
  setOfflineRanges({ read: async (url, offset, length) => { await loaded; return areas.read(url, offset, length); } });
  return { areas, loaded };
}

class OfflineController extends FeatureController {
  private areas!: AreaStore;
  private banner!: OfflineBanner;
  private session: OfflineSession | null = null;
  private panel: OfflinePanel | null = null;

  protected start(context: AppContext): void {
    const { map, notices } = context;
    const { areas, loaded } = openAreaStore();
    this.areas = areas;
    this.disposer.add(() => setOfflineRanges(null));
    this.banner = mountOfflineBanner(document.getElementById('map-host')!);
    this.disposer.node(this.banner.element);
    const button = this.disposer.node(toolButton(context.toolbar, 'offline-button'));
    this.disposer.listen(button, 'click', () => void this.open());
    const render = () => this.render();
    map.on('moveend', render);
    this.disposer.add(() => map.off('moveend', render));
    this.disposer.listen(window, 'offline', () => { notices.show(t('offline.offline_now'), 'info'); render(); });
    this.disposer.listen(window, 'online', () => { notices.show(t('offline.online_again'), 'info'); render(); });
    void loaded.then(render);
  }

  override relabel(): void {
    this.banner.relabel();
    if (this.context.sheet.current() === SHEET_ID) void this.open();
  }

  override dispose(): void {
    this.session?.stop();
    if (this.context.sheet.current() === SHEET_ID) this.context.sheet.close();
    super.dispose();
    delete document.documentElement.dataset.offlineAreas;
  }

  /** The panel; its code (planning, download) is loaded the first time. */
  private async open(): Promise<void> {
    if (!this.session) {
      const { OfflineSession } = await import('./offline_session');
      this.session ??= new OfflineSession(this.context, this.areas, () => this.render());
    }
    this.panel = this.session.panel();
    this.context.sheet.open(t('offline.title'), this.panel.element, { id: SHEET_ID });
    this.render();
  }

  private render(): void {
    const { areas, context } = this;
    const model = this.session?.model;
    if (model) model.areas = areas.list().map(lineOf);
    document.documentElement.dataset.offlineAreas = String(areas.list().length);
    if (model && this.panel && context.sheet.current() === SHEET_ID) this.panel.update(model);
    this.banner.show(navigator.onLine === false && !areas.covers(viewBbox(context)));
  }
}

export const controller: ControllerFactory = () => new OfflineController();

function viewBbox({ map }: AppContext): Bbox {
  const b = map.getBounds();
  return [b.getWest(), b.getSouth(), b.getEast(), b.getNorth()];
}

function lineOf(record: AreaRecord) {
  return { id: record.id, name: record.name, bytes: record.bytes, minZoom: record.minZoom, maxZoom: record.maxZoom, created: record.created };
}
