// Areas of interest: a toolbar button opens the AOI panel (draw, upload, list); the AOIs are shown
// on the map, kept in the link (`aoi=`) and in localStorage, and "Report" hands one to the report
// feature through the `geoveille:aoi-selected` event.
import { t } from '../i18n';
import { AoiDrawTool, type DrawShape } from '../map/aoi_draw';
import { AoiOutlines } from '../map/aoi_draw_display';
import { AoiPersistence, browserStorage } from '../state/aoi_persist';
import { AoiStore, aoiFeature, type Aoi, type NewAoi } from '../state/aoi_store';
import { el } from '../ui/dom';
import { renderAoiPanel, type AoiPanel } from '../ui/aoi_panel';
import { errorText } from '../ui/aoi_messages';
import type { AppContext, Feature } from './context';
import { readAoiUploads } from './feature_aoi_upload';
import { aoiParamOf, watchAoiParam } from './feature_aoi_link';
import { addTool } from '../ui/toolbar';

const SHEET_ID = 'aoi';

/** How much of the map's right side the open side sheet hides (0 when closed or docked below). */
function sheetCover(): number {
  const sheet = document.getElementById('side-sheet');
  const map = document.getElementById('map');
  if (!sheet || sheet.hidden || !map) return 0;
  const sheetBox = sheet.getBoundingClientRect();
  const mapBox = map.getBoundingClientRect();
  return sheetBox.height < mapBox.height * 0.7 ? 0 : Math.max(0, mapBox.right - sheetBox.left);
}

export function installAoi(context: AppContext): Feature {
  const { map, sheet, toolbar, notices } = context;
  const store = new AoiStore(new AoiPersistence(browserStorage()));
  const outlines = new AoiOutlines(map);
  const drawTool = new AoiDrawTool(map);
  let drawing: DrawShape | null = null;

  const restored = store.restore(aoiParamOf(context.store.get().extra));
  if (restored.bad > 0) notices.show(t('aoi.link_bad', { count: restored.bad }));
  if (restored.approximate > 0) notices.show(t('aoi.link_approximate', { count: restored.approximate }), 'info');
  watchAoiParam(context.store, store, notices);
  outlines.show(store.list());

  const setMapMode = (mode: 'draw' | 'browse') =>
    window.dispatchEvent(new CustomEvent('geoveille:map-mode', { detail: { mode } }));

  const draw = async (shape: DrawShape) => {
    drawing = shape;
    panel.showDrawing(shape);
    setMapMode('draw');
    const polygon = await drawTool.start(shape);
    if (drawing !== shape) return; // a newer drawing took over
    drawing = null;
    panel.showDrawing(null);
    // The click that finished the shape is still being dispatched to the map: hand the map back
    // to browsing only after it, so identify does not take that click for itself.
    setTimeout(() => {
      if (!drawing) setMapMode('browse');
    }, 300);
    if (polygon) addAreas([{ name: t('aoi.drawn_name', { n: store.list().length + 1 }), geometry: polygon }], t(`aoi.draw_${shape}`), false);
  };
  const cancelDraw = () => {
    drawing = null;
    drawTool.cancel();
    panel.showDrawing(null);
    setMapMode('browse');
  };
  // Another tool (e.g. measure) taking the map ends the drawing.
  window.addEventListener('geoveille:map-mode', (event) => {
    const mode = (event as CustomEvent<{ mode?: string }>).detail?.mode;
    if (mode && mode !== 'draw' && drawing) cancelDraw();
  });

  /** Adds areas; returns false (and says why) when they do not fit. */
  function addAreas(items: NewAoi[], source: string, fit: boolean): Aoi[] | null {
    try {
      const { added, savedLocally, sessionOnly } = store.add(items);
      if (sessionOnly > 0) notices.show(t('aoi.session_only', { count: sessionOnly }), 'info');
      else if (!savedLocally) notices.show(t('aoi.storage_full'), 'info');
      if (fit) outlines.fitTo(added, sheetCover());
      return added;
    } catch (error) {
      panel.showStatus(errorText(source, error), 'error');
      return null;
    }
  }

  const actions = {
    draw: (shape: DrawShape) => void draw(shape),
    cancelDraw,
    upload: (files: File[]) => {
      outlines.warmUp();
      void readAoiUploads(files, panel, (items, name) => addAreas(items, name, true), () => store.list());
    },
    rename: (id: string, name: string) => {
      try {
        store.rename(id, name);
      } catch (error) {
        panel.showStatus(errorText(name, error), 'error');
      }
    },
    remove: (id: string) => store.remove(id),
    zoom: (aoi: Aoi) => outlines.fitTo([aoi], sheetCover()),
    report: (aoi: Aoi) => {
      const detail = { id: aoi.id, name: aoi.name, feature: aoiFeature(aoi) };
      window.dispatchEvent(new CustomEvent('geoveille:aoi-selected', { detail }));
    },
  };

  let panel: AoiPanel = renderAoiPanel(actions);
  panel.showList(store.list());
  store.subscribe(({ aois }) => {
    outlines.show(aois);
    panel.showList(aois);
  });

  const button = el('button', { type: 'button', id: 'aoi-toolbar-button', 'aria-expanded': 'false' });
  const openPanel = () => sheet.open(t('aoi.title'), panel.element, { id: SHEET_ID });
  button.addEventListener('click', () => {
    if (sheet.current() === SHEET_ID) sheet.close();
    else openPanel();
  });
  addTool(toolbar, button);
  // The sheet is shared (reports, identify…): follow it to keep aria-expanded true to what is shown.
  const sheetElement = document.getElementById('side-sheet');
  if (sheetElement) {
    new MutationObserver(() => button.setAttribute('aria-expanded', String(sheet.current() === SHEET_ID)))
      .observe(sheetElement, { attributes: true, attributeFilter: ['hidden', 'data-content'] });
  }
  const relabel = () => {
    const wasOpen = sheet.current() === SHEET_ID;
    panel = renderAoiPanel(actions);
    panel.showList(store.list());
    panel.showDrawing(drawing);
    if (wasOpen) sheet.open(t('aoi.title'), panel.element, { id: SHEET_ID, focus: false });
  };
  return { relabel };
}
