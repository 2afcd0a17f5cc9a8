// Identify: the map's default click (and Enter on the focused map: the map centre) lists what
// every visible layer holds there, in the side sheet. The map-input arbiter sends the clicks here
// only while no other tool holds the map.
import type { LayerDefinition } from '../catalogue/types';
import { currentLang, t } from '../i18n';
import { identifyAt, type LayerAnswer } from '../queries/identify';
import { fetchDataAccess, type DataAccess } from '../queries/identify_data';
import { metresPerPixel } from '../queries/identify_hit';
import { renderIdentify, renderIdentifyLoading, renderNoVisibleLayer } from '../ui/identify_panel';
import { pointMarker } from '../ui/identify_marker';
import type { ShownTime } from '../state/time_state';
import { formatSelection } from '../ui/time_format';
import { shownFileOf } from '../state/time_selection';
import type { AppContext } from './context';
import type { Controller, ControllerFactory } from './controller';
import type { LngLatLike, MapInputOwner } from './map_input';

const SHEET_ID = 'identify';
/** Lines and points within this many screen pixels of the click count as hit. */
const TOLERANCE_PX = 5;

interface Shown {
  lon: number;
  lat: number;
  answers: LayerAnswer[];
  times: readonly ShownTime[];
}

class IdentifyController implements Controller, MapInputOwner {
  readonly mode = 'browse';
  private context!: AppContext;
  private data!: DataAccess;
  private shown: Shown | null = null;
  private running: AbortController | null = null;
  private unsubscribe: (() => void) | null = null;

  mount(context: AppContext): void {
    this.context = context;
    this.data = fetchDataAccess(context.resolveUrl);
    context.mapInput.setDefault(this);
    // another band picked while the results are open: mark the band now drawn
    this.unsubscribe = context.store.subscribe((state, previous) => {
      if (state.bands !== previous.bands) this.relabel();
    });
  }

  point(at: LngLatLike): void {
    void this.run(at.lng, at.lat);
  }

  relabel(): void {
    if (this.shown && this.context.sheet.current() === SHEET_ID) this.open(this.shown, false);
  }

  dispose(): void {
    this.unsubscribe?.();
    this.running?.abort();
    this.context.mapInput.setDefault(null);
  }

  /** Visible layers, top first; a series layer is read on the date the time control shows. */
  private visibleLayers(): LayerDefinition[] {
    const { store, defs, times } = this.context;
    const { order, visible } = store.get();
    return order.filter((id) => visible.has(id)).flatMap((id) => defs.get(id) ?? [])
      .map((def) => (def.source.series ? { ...def, source: { ...def.source, url: shownFileOf(def, times.of(def.id)) } } : def));
  }

  private async run(lon: number, lat: number): Promise<void> {
    const { map, sheet } = this.context;
    this.running?.abort();
    const controller = new AbortController();
    this.running = controller;
    pointMarker(map).show(lon, lat);
    const layers = this.visibleLayers();
    if (layers.length === 0) {
      this.shown = null;
      sheet.open(t('identify.title'), renderNoVisibleLayer(lon, lat, currentLang()), { id: SHEET_ID });
      return;
    }
    sheet.open(t('identify.title'), renderIdentifyLoading(lon, lat, currentLang()), { id: SHEET_ID, focus: false });
    const toleranceMetres = TOLERANCE_PX * metresPerPixel(lat, map.getZoom());
    try {
      // Features of other times are hidden on the map: identify lists only the time on screen.
      const times = this.context.times.all();
      const timeFilters = new Map(times.map((time) => [time.layerId, time.filter]));
      const answers = await identifyAt([lon, lat], layers, this.data, { toleranceMetres, signal: controller.signal, timeFilters });
      if (controller.signal.aborted) return;
      this.shown = { lon, lat, answers, times };
      this.open(this.shown, true);
    } catch (error) {
      if (!controller.signal.aborted) this.context.notices.show(t('identify.error', { message: String(error) }), 'error');
    }
  }

  private drawnBands(answers: LayerAnswer[]): Map<string, number[]> {
    return drawnBandsOf(answers, this.context.defs, this.context.store.get().bands);
  }

  /** The identify view, with each time layer's time in the UI language (the features listed are of that time). */
  private open(shown: Shown, focus: boolean): void {
    const times = new Map(shown.times.map((time) => [time.layerId, formatSelection(time.kind, time.selection, currentLang())]));
    const view = renderIdentify({ ...shown, defs: this.context.defs, times, drawnBands: this.drawnBands(shown.answers) }, currentLang());
    this.context.sheet.open(t('identify.title'), view, { id: SHEET_ID, focus });
  }
}

/** The bands the map draws of each answered raster layer: the picked ones, else the catalogue's. */
function drawnBandsOf(answers: LayerAnswer[], defs: ReadonlyMap<string, LayerDefinition>, picked: ReadonlyMap<string, number[]>): Map<string, number[]> {
  const drawn = new Map<string, number[]>();
  for (const { layerId, kind } of answers) {
    const rendering = defs.get(layerId)?.source.cog;
    // a derived product (hillshade, slope) is not one band's values drawn
    if (kind !== 'raster-values' || !rendering || rendering.product) continue;
    drawn.set(layerId, picked.get(layerId) ?? rendering.bands ?? (rendering.mode === 'rgb' ? [1, 2, 3] : [1]));
  }
  return drawn;
}

export const controller: ControllerFactory = () => new IdentifyController();

