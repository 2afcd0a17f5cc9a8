// Measure: distance and area tools (geodesic, turf). Click to add points, double-click or Enter
// to finish, Escape to cancel; with the keyboard, Space on the focused map adds its centre.
// While drawing, the measure tool holds the map input (mode 'measure'), so identify leaves the
// clicks alone.
import type { MapMouseEvent } from 'maplibre-gl';
import type { Position } from 'geojson';
import { t } from '../i18n';
import { MeasureLayer } from '../map/measure_layer';
import { el } from '../ui/dom';
import { formatArea, formatDistance, measure, type MeasureKind } from '../ui/measure_calc';
import { renderMeasurePanel, type MeasurePanel } from '../ui/measure_panel';
import { addTool } from '../ui/toolbar';
import type { AppContext } from './context';
import { Disposer, type Controller, type ControllerFactory } from './controller';
import type { LngLatLike, MapInputOwner, PointVia } from './map_input';

const SHEET_ID = 'measure';
/** Two clicks closer than this (CSS px) are one point: a double-click adds one point, not two. */
const SAME_POINT_PX = 4;

class MeasureController implements Controller, MapInputOwner {
  readonly mode = 'measure';
  private readonly button = el('button', { type: 'button', id: 'measure-button' });
  private readonly disposer = new Disposer();
  private context!: AppContext;
  private layer!: MeasureLayer;
  private drawing: MeasureKind | null = null;
  private kind: MeasureKind = 'distance';
  private points: Position[] = [];
  private cursor: Position | null = null;
  private panel: MeasurePanel | null = null;

  mount(context: AppContext): void {
    this.context = context;
    this.layer = new MeasureLayer(context.map);
    this.relabel();
    this.disposer.listen(this.button, 'click', () => this.openPanel());
    addTool(context.toolbar, this.disposer.node(this.button));
    this.listenToMap();
  }

  relabel(): void {
    this.button.title = t('measure.button_title');
    if (this.context.sheet.current() === SHEET_ID) this.openPanel();
  }

  dispose(): void {
    this.end(false);
    this.layer.clear();
    this.disposer.dispose();
  }

  /** A click adds a point; Enter on the focused map finishes. */
  point(at: LngLatLike, via: PointVia): void {
    if (via === 'click') this.addPoint(at);
    else this.end(true);
  }

  /** Escape, or another tool took the map: stop measuring. */
  ended(): void {
    this.end(false);
  }

  /** Double-click finishes, the pointer draws the next segment, Enter and Space from the page. */
  private listenToMap(): void {
    const { map } = this.context;
    const onDoubleClick = (event: MapMouseEvent) => {
      if (!this.drawing) return;
      event.preventDefault();
      this.end(true);
    };
    const onMove = (event: MapMouseEvent) => {
      if (!this.drawing) return;
      this.cursor = [event.lngLat.lng, event.lngLat.lat];
      this.refresh();
    };
    map.on('dblclick', onDoubleClick);
    map.on('mousemove', onMove);
    this.disposer.add(() => map.off('dblclick', onDoubleClick).off('mousemove', onMove));
    this.disposer.listen(document, 'keydown', (event) => this.onKey(event));
  }

  private onKey(event: KeyboardEvent): void {
    // Enter on the map itself already went through the map input.
    if (!this.drawing || event.defaultPrevented || event.target instanceof HTMLInputElement) return;
    const { map } = this.context;
    if (event.key === 'Enter') this.end(true);
    else if (event.key === ' ' && map.getContainer().contains(event.target as Node)) this.addPoint(map.getCenter());
    else return;
    event.preventDefault();
  }

  private openPanel(): void {
    this.panel = renderMeasurePanel((kind) => this.start(kind));
    this.context.sheet.open(t('measure.title'), this.panel.element, { id: SHEET_ID });
    this.refresh();
  }

  private start(next: MeasureKind): void {
    this.drawing = next;
    this.kind = next;
    this.points = [];
    this.cursor = null;
    this.context.map.doubleClickZoom.disable();
    this.context.mapInput.request(this);
    this.refresh();
  }

  /** Ends drawing; `keep`: leave the finished shape and its numbers on show. */
  private end(keep: boolean): void {
    if (!this.drawing) return;
    const enough = this.points.length >= (this.drawing === 'distance' ? 2 : 3);
    this.drawing = null;
    this.cursor = null;
    if (!keep || !enough) this.points = [];
    const { map } = this.context;
    // re-enabled after this double-click's own zoom would have run
    setTimeout(() => map.doubleClickZoom.enable(), 0);
    this.context.mapInput.release(this);
    this.refresh();
  }

  private addPoint(lngLat: LngLatLike): void {
    const last = this.points.at(-1);
    if (last) {
      const a = this.context.map.project(last as [number, number]);
      const b = this.context.map.project([lngLat.lng, lngLat.lat]);
      if (Math.hypot(a.x - b.x, a.y - b.y) < SAME_POINT_PX) return;
    }
    this.points.push([lngLat.lng, lngLat.lat]);
    this.refresh();
  }

  private refresh(): void {
    const { kind, points, cursor, drawing } = this;
    const shown = cursor ? [...points, cursor] : points;
    const result = measure(kind, shown);
    const lang = this.context.store.get().lang;
    const main = kind === 'distance' ? formatDistance(result.length, lang) : formatArea(result.area, lang);
    const ready = shown.length >= (kind === 'distance' ? 2 : 3);
    this.layer.draw(points, kind === 'area', drawing ? cursor : null, ready ? main : '');
    const text = !ready ? '' : kind === 'distance'
      ? t('measure.result_distance', { value: main })
      : `${t('measure.result_area', { value: main })}\n${t('measure.result_perimeter', { value: formatDistance(result.length, lang) })}`;
    this.panel?.setResult(text, drawing !== null);
    this.panel?.setActive(drawing);
  }
}

export const controller: ControllerFactory = () => new MeasureController();

