// Measure: distance and area tools (geodesic, turf). Click to add points, double-click or Enter
// to finish, Escape to cancel; with the keyboard, Space on the focused map adds its centre.
// While drawing, geoveille:map-mode is 'measure' so identify leaves the clicks alone.
import type { MapMouseEvent } from 'maplibre-gl';
import type { Position } from 'geojson';
import { t } from '../i18n';
import { MeasureLayer } from '../map/measure_layer';
import { el } from '../ui/dom';
import { formatArea, formatDistance, measure, type MeasureKind } from '../ui/measure_calc';
import { renderMeasurePanel, type MeasurePanel } from '../ui/measure_panel';
import type { AppContext, Feature } from './context';
import { addTool } from '../ui/toolbar';

const SHEET_ID = 'measure';
/** Two clicks closer than this (CSS px) are one point: a double-click adds one point, not two. */
const SAME_POINT_PX = 4;

export function installMeasure(context: AppContext): Feature {
  const { map, sheet, store } = context;
  const layer = new MeasureLayer(map);
  let drawing: MeasureKind | null = null;
  let kind: MeasureKind = 'distance';
  let points: Position[] = [];
  let cursor: Position | null = null;
  let panel: MeasurePanel | null = null;

  const button = el('button', { type: 'button', id: 'measure-button' });
  const relabelButton = () => {
    button.title = t('measure.button_title');
  };
  relabelButton();
  button.addEventListener('click', () => openPanel());
  addTool(context.toolbar, button);

  function openPanel(): void {
    panel = renderMeasurePanel(start);
    sheet.open(t('measure.title'), panel.element, { id: SHEET_ID });
    refresh();
  }

  const setMode = (mode: 'browse' | 'measure') =>
    window.dispatchEvent(new CustomEvent('geoveille:map-mode', { detail: { mode } }));

  function start(next: MeasureKind): void {
    drawing = next;
    kind = next;
    points = [];
    cursor = null;
    map.doubleClickZoom.disable();
    map.getCanvas().style.cursor = 'crosshair';
    setMode('measure');
    refresh();
  }

  /** Ends drawing; `keep`: leave the finished shape and its numbers on show. */
  function end(keep: boolean): void {
    if (!drawing) return;
    const enough = points.length >= (drawing === 'distance' ? 2 : 3);
    drawing = null;
    cursor = null;
    if (!keep || !enough) points = [];
    map.getCanvas().style.cursor = '';
    // re-enabled after this double-click's own zoom would have run
    setTimeout(() => map.doubleClickZoom.enable(), 0);
    setMode('browse');
    refresh();
  }

  function addPoint(lngLat: { lng: number; lat: number }): void {
    const last = points.at(-1);
    if (last) {
      const a = map.project(last as [number, number]);
      const b = map.project([lngLat.lng, lngLat.lat]);
      if (Math.hypot(a.x - b.x, a.y - b.y) < SAME_POINT_PX) return;
    }
    points.push([lngLat.lng, lngLat.lat]);
    refresh();
  }

  function refresh(): void {
    const shown = cursor ? [...points, cursor] : points;
    const result = measure(kind, shown);
    const lang = store.get().lang;
    const main = kind === 'distance' ? formatDistance(result.length, lang) : formatArea(result.area, lang);
    const ready = shown.length >= (kind === 'distance' ? 2 : 3);
    layer.draw(points, kind === 'area', drawing ? cursor : null, ready ? main : '');
    const text = !ready ? '' : kind === 'distance'
      ? t('measure.result_distance', { value: main })
      : `${t('measure.result_area', { value: main })}\n${t('measure.result_perimeter', { value: formatDistance(result.length, lang) })}`;
    panel?.setResult(text, drawing !== null);
    panel?.setActive(drawing);
  }

  map.on('click', (event: MapMouseEvent) => {
    if (drawing) addPoint(event.lngLat);
  });
  map.on('dblclick', (event: MapMouseEvent) => {
    if (!drawing) return;
    event.preventDefault();
    end(true);
  });
  map.on('mousemove', (event: MapMouseEvent) => {
    if (!drawing) return;
    cursor = [event.lngLat.lng, event.lngLat.lat];
    refresh();
  });
  document.addEventListener('keydown', (event) => {
    if (!drawing || (event.target instanceof HTMLInputElement)) return;
    if (event.key === 'Enter') end(true);
    else if (event.key === 'Escape') end(false);
    else if (event.key === ' ' && map.getContainer().contains(event.target as Node)) addPoint(map.getCenter());
    else return;
    event.preventDefault();
  });
  // another tool (e.g. AOI drawing) took the map: stop measuring
  window.addEventListener('geoveille:map-mode', (event) => {
    const mode = (event as CustomEvent<{ mode?: string }>).detail?.mode;
    if (drawing && mode !== 'measure' && mode !== 'browse') end(false);
  });

  return {
    relabel() {
      relabelButton();
      if (sheet.current() === SHEET_ID) openPanel();
    },
  };
}
