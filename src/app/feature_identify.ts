// Identify: a click on the map (or Enter while the map has keyboard focus: the map centre)
// lists what every visible layer holds there, in the side sheet. Clicks belong to other
// tools while `geoveille:map-mode` is not 'browse'.
import type { LayerDefinition } from '../catalogue/types';
import { currentLang, t } from '../i18n';
import { identifyAt, type LayerAnswer } from '../queries/identify';
import { fetchDataAccess } from '../queries/identify_data';
import { metresPerPixel } from '../queries/identify_hit';
import { renderIdentify, renderIdentifyLoading, renderNoVisibleLayer } from '../ui/identify_panel';
import { pointMarker } from '../ui/identify_marker';
import { shownTimes, type ShownTime } from '../state/time_state';
import { formatSelection } from '../ui/time_format';
import { shownFileOf } from '../state/time_selection';
import type { FeatureInstaller } from './context';

const SHEET_ID = 'identify';
/** Lines and points within this many screen pixels of the click count as hit. */
const TOLERANCE_PX = 5;

export const installIdentify: FeatureInstaller = (context) => {
  const { map, store, defs, sheet } = context;
  const data = fetchDataAccess(context.resolveUrl);
  let mode = 'browse';
  let shown: { lon: number; lat: number; answers: LayerAnswer[]; times: readonly ShownTime[] } | null = null;
  /** The identify view, with each time layer's time in the UI language (the features listed are of that time). */
  const view = (found: NonNullable<typeof shown>) => ({
    ...found, defs,
    times: new Map(found.times.map((time) => [time.layerId, formatSelection(time.kind, time.selection, currentLang())])),
  });
  let running: AbortController | null = null;

  window.addEventListener('geoveille:map-mode', (event) => {
    mode = String((event as CustomEvent<{ mode?: string }>).detail?.mode ?? 'browse');
  });

  const visibleLayers = (): LayerDefinition[] => {
    const { order, visible } = store.get();
    // A series layer is read on the date the time control shows, not on its default file.
    return order.filter((id) => visible.has(id)).flatMap((id) => defs.get(id) ?? [])
      .map((def) => (def.source.series ? { ...def, source: { ...def.source, url: shownFileOf(def) } } : def));
  };

  const run = async (lon: number, lat: number) => {
    running?.abort();
    const controller = new AbortController();
    running = controller;
    pointMarker(map).show(lon, lat);
    const layers = visibleLayers();
    if (layers.length === 0) {
      shown = null;
      sheet.open(t('identify.title'), renderNoVisibleLayer(lon, lat, currentLang()), { id: SHEET_ID });
      return;
    }
    sheet.open(t('identify.title'), renderIdentifyLoading(lon, lat, currentLang()), { id: SHEET_ID, focus: false });
    const toleranceMetres = TOLERANCE_PX * metresPerPixel(lat, map.getZoom());
    try {
      // Features of other times are hidden on the map: identify lists only the time on screen.
      const times = shownTimes();
      const timeFilters = new Map(times.map((time) => [time.layerId, time.filter]));
      const answers = await identifyAt([lon, lat], layers, data, { toleranceMetres, signal: controller.signal, timeFilters });
      if (controller.signal.aborted) return;
      shown = { lon, lat, answers, times };
      sheet.open(t('identify.title'), renderIdentify(view(shown), currentLang()), { id: SHEET_ID });
    } catch (error) {
      if (!controller.signal.aborted) context.notices.show(t('identify.error', { message: String(error) }), 'error');
    }
  };

  map.on('click', (event) => {
    if (mode === 'browse') void run(event.lngLat.lng, event.lngLat.lat);
  });
  map.getCanvas().addEventListener('keydown', (event) => {
    if (event.key !== 'Enter' || mode !== 'browse') return;
    event.preventDefault();
    const centre = map.getCenter();
    void run(centre.lng, centre.lat);
  });

  return {
    relabel() {
      if (shown && sheet.current() === SHEET_ID) {
        sheet.open(t('identify.title'), renderIdentify(view(shown), currentLang()), { id: SHEET_ID, focus: false });
      }
    },
  };
};
