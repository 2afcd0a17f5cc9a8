// Areas of interest: a toolbar button opens the AOI panel (draw, upload, list); the AOIs are shown
// on the map, kept in the link (`aoi=`) and in localStorage, and "Report" hands one to the report
// feature (context.commands.showReport). Drawing holds the map input (mode 'draw').
// Loaded on first use of its button, or at start when the link or local storage holds AOIs
// (features.ts); its heavy parts load later still: terra-draw when a drawing starts, the file
// parsers in the upload worker, the polygon union when a geometry to restore needs it.
import { t } from '../i18n';
import type { AoiDrawTool, DrawShape } from '../map/aoi_draw';
import { AoiOutlines } from '../map/aoi_draw_display';
import { AoiPersistence, browserStorage } from '../state/aoi_persist';
import { AoiStore, aoiFeature, type Aoi, type NewAoi } from '../state/aoi_store';
import { el } from '../ui/dom';
import { renderAoiPanel, type AoiPanel, type AoiPanelActions } from '../ui/aoi_panel';
import { errorText } from '../ui/aoi_messages';
import { sheetCover } from '../ui/sheet_cover';
import { addTool } from '../ui/toolbar';
import type { AppContext } from './context';
import { Disposer, type Controller, type ControllerFactory } from './controller';
import type { MapInputOwner } from './map_input';
import { readAoiUploads } from './feature_aoi_upload';
import { restoreAoiParam, watchAoiParam } from './feature_aoi_link';

const SHEET_ID = 'aoi';
/** The click that finished a shape is still on its way to the map: give the map back after it. */
const RELEASE_AFTER_DRAW_MS = 300;

class AoiController implements Controller, MapInputOwner {
  readonly mode = 'draw';
  private context!: AppContext;
  private store!: AoiStore;
  private outlines!: AoiOutlines;
  /** terra-draw and its adapter, loaded when the first drawing starts. */
  private drawTool: Promise<AoiDrawTool> | null = null;
  private loadedDrawTool: AoiDrawTool | null = null;
  private panel!: AoiPanel;
  private readonly button = el('button', { type: 'button', id: 'aoi-toolbar-button', 'aria-expanded': 'false' });
  private readonly disposer = new Disposer();
  /** The drawing asked for last (an object, so a second click on the same shape is a new one). */
  private drawing: { shape: DrawShape } | null = null;
  /** The shape whose button waits for terra-draw's first load. */
  private loading: DrawShape | null = null;
  /** The panel says the drawing tool could not be loaded (taken back once it is). */
  private loadFailed = false;
  private disposed = false;

  mount(context: AppContext): void {
    this.context = context;
    this.store = new AoiStore(new AoiPersistence(browserStorage()));
    this.outlines = new AoiOutlines(context.map);
    this.panel = this.renderPanel();
    this.mountButton();
    this.disposer.add(() => {
      this.disposed = true;
    });
    restoreAoiParam(context, this.store, () => this.followStore());
  }

  relabel(): void {
    const { sheet } = this.context;
    const wasOpen = sheet.current() === SHEET_ID;
    this.panel = this.renderPanel();
    this.panel.showDrawing(this.drawing?.shape ?? null);
    if (this.loading) this.panel.showLoading(this.loading);
    if (wasOpen) sheet.open(t('aoi.title'), this.panel.element, { id: SHEET_ID, focus: false });
  }

  dispose(): void {
    this.ended();
    this.outlines.show([]);
    this.disposer.dispose();
  }

  /** terra-draw takes the map's pointer events itself while drawing. */
  point(): void {}

  /** Escape, Cancel, or another tool (e.g. measure) took the map: the drawing ends. */
  ended(): void {
    this.drawing = null;
    this.loadedDrawTool?.cancel();
    this.panel.showDrawing(null);
    this.context.mapInput.release(this);
  }

  /** Once restored: the list and the map follow the store, the link follows both ways. */
  private followStore(): void {
    if (this.disposed) return;
    this.disposer.add(watchAoiParam(this.context.store, this.store, this.context.notices));
    this.outlines.show(this.store.list());
    this.panel.showList(this.store.list());
    this.disposer.add(this.store.subscribe(({ aois }) => {
      this.outlines.show(aois);
      this.panel.showList(aois);
    }));
  }

  private renderPanel(): AoiPanel {
    const actions: AoiPanelActions = {
      draw: (shape) => void this.draw(shape),
      cancelDraw: () => this.ended(),
      upload: (files) => {
        this.outlines.warmUp();
        void readAoiUploads(files, this.panel, (items, name) => this.addAreas(items, name, true), () => this.store.list());
      },
      rename: (id, name) => {
        try {
          this.store.rename(id, name);
        } catch (error) {
          this.panel.showStatus(errorText(name, error), 'error');
        }
      },
      remove: (id) => this.store.remove(id),
      zoom: (aoi) => this.outlines.fitTo([aoi], this.sheetCover()),
      report: (aoi) => this.context.commands.showReport({ id: aoi.id, name: aoi.name, feature: aoiFeature(aoi) }),
    };
    const panel = renderAoiPanel(actions);
    panel.showList(this.store.list());
    return panel;
  }

  private mountButton(): void {
    const { sheet, toolbar } = this.context;
    this.disposer.listen(this.button, 'click', () => {
      if (sheet.current() === SHEET_ID) sheet.close();
      else sheet.open(t('aoi.title'), this.panel.element, { id: SHEET_ID });
    });
    addTool(toolbar, this.disposer.node(this.button));
    // The sheet is shared (reports, identify…): follow it to keep aria-expanded true to what is shown.
    const sheetElement = document.getElementById('side-sheet');
    if (!sheetElement) return;
    const observer = new MutationObserver(() => this.button.setAttribute('aria-expanded', String(sheet.current() === SHEET_ID)));
    observer.observe(sheetElement, { attributes: true, attributeFilter: ['hidden', 'data-content'] });
    this.disposer.add(() => observer.disconnect());
  }

  /** The shape's button shows pressed once terra-draw is there and listens to the map. */
  private async draw(shape: DrawShape): Promise<void> {
    const { mapInput } = this.context;
    const drawing = { shape };
    this.drawing = drawing;
    mapInput.request(this);
    const tool = await this.loadDrawTool(shape);
    if (this.drawing !== drawing) return; // a newer drawing took over, or it was cancelled
    if (!tool) return this.ended();
    this.panel.showDrawing(shape);
    const polygon = await tool.start(shape);
    if (this.drawing !== drawing) return;
    this.drawing = null;
    this.panel.showDrawing(null);
    setTimeout(() => {
      if (!this.drawing) mapInput.release(this);
    }, RELEASE_AFTER_DRAW_MS);
    if (!polygon) return;
    const name = t('aoi.drawn_name', { n: this.store.list().length + 1 });
    this.addAreas([{ name, geometry: polygon }], t(`aoi.draw_${shape}`), false);
  }

  /** null (and a message) when the code could not be loaded, e.g. offline; the next click tries again. */
  private async loadDrawTool(shape: DrawShape): Promise<AoiDrawTool | null> {
    if (this.loadedDrawTool) return this.loadedDrawTool;
    this.drawTool ??= import('../map/aoi_draw').then(({ AoiDrawTool }) => new AoiDrawTool(this.context.map));
    this.showLoading(shape);
    try {
      this.loadedDrawTool = await this.drawTool;
      if (this.loadFailed) this.panel.clearStatus();
      this.loadFailed = false;
      return this.loadedDrawTool;
    } catch (error) {
      this.drawTool = null;
      console.warn('drawing tool:', error); // the browser's words, for whoever debugs; the user gets ours
      this.panel.showStatus(t('aoi_draw.load_failed'), 'error');
      this.loadFailed = true;
      return null;
    } finally {
      this.showLoading(null);
    }
  }

  private showLoading(shape: DrawShape | null): void {
    this.loading = shape;
    this.panel.showLoading(shape);
  }

  /** Adds areas; returns null (and says why) when they do not fit. */
  private addAreas(items: NewAoi[], source: string, fit: boolean): Aoi[] | null {
    const { notices } = this.context;
    try {
      const { added, savedLocally, sessionOnly } = this.store.add(items);
      if (sessionOnly > 0) notices.show(t('aoi.session_only', { count: sessionOnly }), 'info');
      else if (!savedLocally) notices.show(t('aoi.storage_full'), 'info');
      if (fit) this.outlines.fitTo(added, this.sheetCover());
      return added;
    } catch (error) {
      this.panel.showStatus(errorText(source, error), 'error');
      return null;
    }
  }

  /** How much of the map's right side the open side sheet hides (0 when closed or docked below). */
  private sheetCover(): number {
    return sheetCover(this.context.map.getContainer(), false).right;
  }
}

export const controller: ControllerFactory = () => new AoiController();

