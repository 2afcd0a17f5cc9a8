// Pixel time series: the "Time series" button, then a click on the map (or Enter: the map
// centre) charts the value of the topmost visible dated raster under that point, date by date,
// in the side sheet, with a CSV download. While picking, the series tool holds the map input
// (mode 'series'), so identify leaves the click alone.
import type { LayerDefinition } from '../catalogue/types';
import { currentLang, pick, t } from '../i18n';
import { fetchDataAccess, type DataAccess } from '../queries/identify_data';
import { layerSeriesRasters, seriesAt } from '../queries/series';
import { bandSeriesAt, type BandPoint } from '../queries/series_bands';
import { bandDates } from '../queries/series_dates';
import type { Cog } from '../sources/cog/open';
import { renderBandSeries, type BandSeriesResult } from '../ui/band_series_panel';
import { el } from '../ui/dom';
import { renderSeries, renderSeriesLoading, type SeriesResult } from '../ui/series_panel';
import { pointMarker } from '../ui/identify_marker';
import { addTool } from '../ui/toolbar';
import type { AppContext } from './context';
import { Disposer, type Controller, type ControllerFactory } from './controller';
import type { LngLatLike, MapInputOwner } from './map_input';

const SHEET_ID = 'series';

/** Visible COG layers, top first: a series first, else a (possibly multi-band, date-described) COG. */
export function seriesLayer(order: string[], visible: ReadonlyMap<string, number>, defs: ReadonlyMap<string, LayerDefinition>): LayerDefinition | undefined {
  const cogs = order.filter((id) => visible.has(id)).flatMap((id) => defs.get(id) ?? []).filter((def) => def.source.kind === 'cog');
  return cogs.find((def) => def.source.series?.length) ?? cogs[0];
}

/** A multi-band file without band dates is a series over its bands (null otherwise). */
async function undatedBands(cog: Cog, lon: number, lat: number, signal: AbortSignal): Promise<BandPoint[] | null> {
  return cog.bands > 1 && !(await bandDates(cog)) ? bandSeriesAt(cog, lon, lat, signal) : null;
}

class SeriesController implements Controller, MapInputOwner {
  readonly mode = 'series';
  private context!: AppContext;
  private data!: DataAccess;
  private readonly button = el('button', { type: 'button', id: 'series-button', 'aria-pressed': 'false' });
  private readonly disposer = new Disposer();
  /** The sheet's content, kept to redraw it in the other language. */
  private shown: { bands: BandSeriesResult } | { dates: SeriesResult } | null = null;
  private running: AbortController | null = null;

  mount(context: AppContext): void {
    this.context = context;
    this.data = fetchDataAccess(context.resolveUrl);
    addTool(context.toolbar, this.disposer.node(this.button));
    this.disposer.listen(this.button, 'click', () => this.toggle());
    this.relabel();
  }

  relabel(): void {
    const { sheet } = this.context;
    this.button.setAttribute('aria-label', t('series.button_label'));
    if (this.shown && sheet.current() === SHEET_ID) {
      const result = 'bands' in this.shown ? this.shown.bands : this.shown.dates;
      sheet.open(t('series.title', { layer: pick(result.def.title) }), this.render(), { id: SHEET_ID, focus: false });
    }
  }

  private render(): HTMLElement {
    const shown = this.shown!;
    return 'bands' in shown ? renderBandSeries(shown.bands, currentLang()) : renderSeries(shown.dates, currentLang());
  }

  dispose(): void {
    this.running?.abort();
    this.ended();
    this.disposer.dispose();
  }

  point(at: LngLatLike): void {
    this.ended();
    void this.run(at.lng, at.lat);
  }

  /** Picking ends: a point was picked, Escape, a second press, or another tool took the map. */
  ended(): void {
    this.context.mapInput.release(this);
    this.button.setAttribute('aria-pressed', 'false');
  }

  private layer(): LayerDefinition | undefined {
    const state = this.context.store.get();
    return seriesLayer(state.order, state.visible, this.context.defs);
  }

  private toggle(): void {
    const { mapInput, notices } = this.context;
    if (mapInput.holds(this)) return this.ended();
    if (!this.layer()) return notices.show(t('series.no_layer'));
    this.button.setAttribute('aria-pressed', 'true');
    mapInput.request(this);
    notices.show(t('series.hint'));
  }

  private async run(lon: number, lat: number): Promise<void> {
    const { map, sheet, notices } = this.context;
    const def = this.layer();
    if (!def) return notices.show(t('series.no_layer'));
    this.running?.abort();
    const controller = new AbortController();
    this.running = controller;
    pointMarker(map).show(lon, lat);
    const rasters = layerSeriesRasters(def, (url) => this.data.cog(url));
    const title = t('series.title', { layer: pick(def.title) });
    sheet.open(title, renderSeriesLoading(def.source.series?.length ?? 1), { id: SHEET_ID, focus: false });
    try {
      const bands = def.source.series?.length ? null : await undatedBands(await this.data.cog(def.source.url, def.source.cog?.crs), lon, lat, controller.signal);
      const shown = bands
        ? { bands: { def, lon, lat, points: bands } }
        : { dates: { def, lon, lat, points: await seriesAt(rasters, lon, lat, controller.signal) } };
      if (controller.signal.aborted) return;
      this.shown = shown;
      sheet.open(title, this.render(), { id: SHEET_ID });
    } catch (error) {
      if (controller.signal.aborted) return;
      sheet.close();
      notices.show(t('series.error', { message: error instanceof Error ? error.message : String(error) }), 'error');
    }
  }
}

export const controller: ControllerFactory = () => new SeriesController();

