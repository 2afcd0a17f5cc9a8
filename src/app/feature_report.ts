// AOI report: on `geoveille:aoi-selected` {id, name, feature}, opens a report in the side sheet
// for every visible vector or COG layer. Layer data: the original GeoJSON beside a PMTiles
// archive when the server has it (read once per layer), else the archive's max-zoom tiles;
// COGs through HTTP range requests (opened once per layer).
import type { BBox } from 'geojson';
import { pick, t } from '../i18n';
import type { LayerDefinition } from '../catalogue/types';
import { openCog, type Cog } from '../sources/cog/open';
import { FetchRangeSource } from '../sources/source';
import { fetchWithRetry } from '../sources/http_retry';
import { openPmtiles } from '../sources/pmtiles_archive';
import { originalGeojsonUrl, pickSourceLayer, vectorFromGeojson, vectorFromPmtiles, type LoadedVector } from '../queries/stats_vector_load';
import { reportPanel } from '../ui/report_panel';
import { composeMapPng } from '../ui/report_map_png';
import { formatDate } from '../ui/report_format';
import type { ReportAoi, ReportDeps } from '../ui/report_types';
import type { AppContext, FeatureInstaller } from './context';
import { shownFileOf } from '../state/time_selection';

const SHEET_ID = 'report';

export const installReport: FeatureInstaller = (context) => {
  const deps = dataAccess(context);
  let running: AbortController | null = null;
  let last: ReportAoi | null = null;
  const open = (aoi: ReportAoi) => {
    running?.abort();
    running = new AbortController();
    last = aoi;
    const state = context.store.get();
    const layers = state.order.filter((id) => state.visible.has(id)).map((id) => context.defs.get(id)).filter((d): d is LayerDefinition => d !== undefined);
    const panel = reportPanel({ aoi, layers, deps, signal: running.signal, mapPng: (date) => mapPng(context, aoi, date) });
    context.sheet.open(t('report.title', { name: aoi.name }), panel, { id: SHEET_ID });
  };
  window.addEventListener('geoveille:aoi-selected', (event) => {
    const detail = (event as CustomEvent<Partial<ReportAoi>>).detail;
    const type = detail?.feature?.geometry?.type;
    if (!detail?.feature || (type !== 'Polygon' && type !== 'MultiPolygon')) {
      context.notices.show(t('report.bad_aoi'), 'error');
      return;
    }
    open({ id: String(detail.id ?? 'aoi'), name: String(detail.name ?? t('report.unnamed')), feature: detail.feature });
  });
  return {
    relabel() {
      if (last && context.sheet.current() === SHEET_ID) open(last);
    },
  };
};

function dataAccess(context: AppContext): ReportDeps {
  const geojsons = new Map<string, Promise<LoadedVector | null>>();
  const cogs = new Map<string, Promise<Cog>>();
  return {
    async loadVector(def: LayerDefinition, box: BBox, signal?: AbortSignal) {
      // a series of archives: the file of the date the map shows
      const url = context.resolveUrl(shownFileOf(def));
      const whole = def.source.kind === 'geojson' ? url : originalGeojsonUrl(url);
      if (whole) {
        if (!geojsons.has(def.id)) geojsons.set(def.id, fetchGeojson(whole, def.source.kind === 'geojson'));
        const loaded = await geojsons.get(def.id);
        if (loaded) return loaded;
      }
      const { archive } = await openPmtiles(url); // deadline, retries and a clear message for a bad file
      return vectorFromPmtiles(archive, await pickSourceLayer(archive, def.source.sourceLayer, url), box, signal);
    },
    openRaster(def: LayerDefinition) {
      // A series layer: the file of the date the map shows.
      const url = context.resolveUrl(shownFileOf(def));
      if (!cogs.has(url)) cogs.set(url, openCog(new FetchRangeSource(url)));
      return cogs.get(url) as Promise<Cog>;
    },
  };
}

/** The GeoJSON, or null when it is not there (a 404 or an HTML fallback page) and tiles must do. */
async function fetchGeojson(url: string, required: boolean): Promise<LoadedVector | null> {
  const response = await fetchWithRetry(url).catch(() => null);
  const type = response?.headers.get('Content-Type') ?? '';
  if (!response?.ok || type.includes('text/html')) {
    if (required) throw new Error(`${url}: HTTP ${response?.status ?? 'error'}`);
    return null;
  }
  return vectorFromGeojson(await response.text(), url);
}

function mapPng(context: AppContext, aoi: ReportAoi, date: Date): Promise<Blob> {
  const { map } = context;
  const state = context.store.get();
  const visible = state.order.filter((id) => state.visible.has(id)).map((id) => context.defs.get(id)).filter((d): d is LayerDefinition => d !== undefined);
  const lat = map.getCenter().lat;
  map.triggerRepaint();
  return composeMapPng({
    canvas: map.getCanvas(),
    title: `Géoveille — ${aoi.name}`,
    date: formatDate(date),
    metresPerPixel: (40075016.686 * Math.cos((lat * Math.PI) / 180)) / (512 * 2 ** map.getZoom()),
    legend: visible.map((d) => ({ title: pick(d.title), items: d.legend.items.map((i) => ({ label: pick(i.label), color: i.color })) })),
    attribution: visible.map((d) => `${pick(d.attribution.organisation)} (${d.attribution.licence}, ${d.attribution.date})`).join(' · '),
    northLabel: t('report.north'),
  });
}
