// Pixel time series: the "Time series" button, then a click on the map (or Enter: the map
// centre) charts the value of the topmost visible dated raster under that point, date by date,
// in the side sheet, with a CSV download. While picking, `geoveille:map-mode` is 'series' so
// identify leaves the click alone.
import type { LayerDefinition } from '../catalogue/types';
import { currentLang, pick, t } from '../i18n';
import { fetchDataAccess } from '../queries/identify_data';
import { layerSeriesRasters, seriesAt } from '../queries/series';
import { bandSeriesAt, type BandPoint } from '../queries/series_bands';
import { bandDates } from '../queries/series_dates';
import type { Cog } from '../sources/cog/open';
import { renderBandSeries } from '../ui/band_series_panel';
import { el } from '../ui/dom';
import { renderSeries, renderSeriesLoading, type SeriesResult } from '../ui/series_panel';
import { injectSeriesStyles } from '../ui/series_styles';
import { pointMarker } from '../ui/identify_marker';
import type { FeatureInstaller } from './context';
import { addTool } from '../ui/toolbar';

const SHEET_ID = 'series';
const MODE = 'series';

/** Visible COG layers, top first: a series first, else a (possibly multi-band, date-described) COG. */
export function seriesLayer(order: string[], visible: ReadonlyMap<string, number>, defs: ReadonlyMap<string, LayerDefinition>): LayerDefinition | undefined {
  const cogs = order.filter((id) => visible.has(id)).flatMap((id) => defs.get(id) ?? []).filter((def) => def.source.kind === 'cog');
  return cogs.find((def) => def.source.series?.length) ?? cogs[0];
}

/** A multi-band file without band dates is a series over its bands (null otherwise). */
async function undatedBands(cog: Cog, lon: number, lat: number, signal: AbortSignal): Promise<BandPoint[] | null> {
  return cog.bands > 1 && !(await bandDates(cog)) ? bandSeriesAt(cog, lon, lat, signal) : null;
}

export const installSeries: FeatureInstaller = (context) => {
  const { map, store, defs, sheet, notices } = context;
  injectSeriesStyles();
  const data = fetchDataAccess(context.resolveUrl);
  const button = el('button', { type: 'button', id: 'series-button', 'aria-pressed': 'false' });
  addTool(context.toolbar, button);
  let picking = false;
  let shown: SeriesResult | null = null;
  let running: AbortController | null = null;
  const setMode = (mode: string) => window.dispatchEvent(new CustomEvent('geoveille:map-mode', { detail: { mode } }));

  const stopPicking = () => {
    if (!picking) return;
    picking = false;
    button.setAttribute('aria-pressed', 'false');
    map.getCanvas().style.cursor = '';
    // Later, so every listener of the click that ended picking still sees this mode.
    setTimeout(() => setMode('browse'), 0);
  };

  const run = async (lon: number, lat: number) => {
    const state = store.get();
    const def = seriesLayer(state.order, state.visible, defs);
    if (!def) return notices.show(t('series.no_layer'));
    running?.abort();
    const controller = new AbortController();
    running = controller;
    pointMarker(map).show(lon, lat);
    const rasters = layerSeriesRasters(def, (url) => data.cog(url));
    const title = t('series.title', { layer: pick(def.title) });
    sheet.open(title, renderSeriesLoading(def.source.series?.length ?? 1), { id: SHEET_ID, focus: false });
    try {
      const bands = def.source.series?.length ? null : await undatedBands(await data.cog(def.source.url, def.source.cog?.crs), lon, lat, controller.signal);
      if (bands) {
        if (!controller.signal.aborted) sheet.open(title, renderBandSeries({ def, lon, lat, points: bands }, currentLang()), { id: SHEET_ID });
        return;
      }
      const points = await seriesAt(rasters, lon, lat, controller.signal);
      if (controller.signal.aborted) return;
      shown = { def, lon, lat, points };
      sheet.open(title, renderSeries(shown, currentLang()), { id: SHEET_ID });
    } catch (error) {
      if (controller.signal.aborted) return;
      sheet.close();
      notices.show(t('series.error', { message: error instanceof Error ? error.message : String(error) }), 'error');
    }
  };

  button.addEventListener('click', () => {
    if (picking) return stopPicking();
    const state = store.get();
    if (!seriesLayer(state.order, state.visible, defs)) return notices.show(t('series.no_layer'));
    picking = true;
    button.setAttribute('aria-pressed', 'true');
    map.getCanvas().style.cursor = 'crosshair';
    setMode(MODE);
    notices.show(t('series.hint'));
  });
  map.on('click', (event) => {
    if (!picking) return;
    stopPicking();
    void run(event.lngLat.lng, event.lngLat.lat);
  });
  map.getCanvas().addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || !picking) return;
    event.preventDefault();
    stopPicking();
    const centre = map.getCenter();
    void run(centre.lng, centre.lat);
  });
  window.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && picking) stopPicking();
  });
  // Another tool taking the map ends picking.
  window.addEventListener('geoveille:map-mode', (event) => {
    const mode = (event as CustomEvent<{ mode?: string }>).detail?.mode;
    if (mode !== MODE && mode !== 'browse' && picking) stopPicking();
  });

  const relabel = () => {
    button.setAttribute('aria-label', t('series.button_label'));
    if (shown && sheet.current() === SHEET_ID) {
      sheet.open(t('series.title', { layer: pick(shown.def.title) }), renderSeries(shown, currentLang()), { id: SHEET_ID, focus: false });
    }
  };
  relabel();
  return { relabel };
};
