// Print: a toolbar button opens the print panel in the side sheet (`print=1` in the link opens
// it at start); a dashed frame on the map shows what the page holds; PDF / PNG + world file /
// GeoTIFF are rendered off-screen strip by strip (map/print_render.ts) with progress and Cancel.
import type { LayerDefinition } from '../catalogue/types';
import { t } from '../i18n';
import { frameOnScreen, printGeometry, printScale, type PrintGeometry } from '../map/print_geometry';
import { DEFAULT_INCLUDES, type PrintOptions } from '../queries/print_page';
import { printContent } from '../ui/print_content';
import { mountPrintFrame, type PrintFrame } from '../ui/print_frame';
import { renderPrintPanel, type PrintFormat, type PrintPanel } from '../ui/print_panel';
import { toolButton } from '../ui/toolbar';
import type { AppContext } from './context';
import type { ControllerFactory } from './controller';
import { FeatureController } from './feature_controller';

const SHEET_ID = 'print';
const printKit = () => import('./print_kit');

class PrintController extends FeatureController {
  private panel: PrintPanel | null = null;
  private frame: PrintFrame | null = null;
  private options: PrintOptions = { title: t('print.default_title'), page: 'letter', orientation: 'landscape', dpi: 150, scale: null, include: { ...DEFAULT_INCLUDES } };
  private running: AbortController | null = null;
  private urls: string[] = [];
  /** The page plan only changes with the options and texts, not when the map moves. */
  private planned: { key: string; pixels: PrintGeometry['pixels'] } | null = null;

  protected start(context: AppContext): void {
    const { map, sheet, store } = context;
    const button = this.disposer.node(toolButton(context.toolbar, 'print-button'));
    this.disposer.listen(button, 'click', () => this.open());
    const move = () => void this.update();
    map.on('move', move);
    this.disposer.add(() => map.off('move', move));
    this.disposer.add(watchSheetClose(() => {
      if (this.frame && sheet.current() !== SHEET_ID) this.closed();
    }));
    if (store.get().print) this.open();
  }

  override relabel(): void {
    if (this.context.sheet.current() === SHEET_ID) this.open();
  }

  override dispose(): void {
    if (this.context.sheet.current() === SHEET_ID) this.context.sheet.close();
    this.closed();
    super.dispose();
    this.urls.forEach((url) => URL.revokeObjectURL(url));
  }

  private content(title: string) {
    const { store, defs } = this.context;
    const state = store.get();
    const layers = state.order.filter((id) => state.visible.has(id)).map((id) => defs.get(id)).filter((d): d is LayerDefinition => d !== undefined);
    return printContent(title, layers, window.location.href, new Date(), state.lang, (id) => this.context.times.of(id));
  }

  private async framePixels(chosen: PrintOptions): Promise<PrintGeometry['pixels']> {
    const texts = this.content(chosen.title);
    const key = JSON.stringify([chosen, texts.legend, texts.sources]);
    if (this.planned?.key !== key) {
      const { PrintPdf } = await printKit();
      this.planned = { key, pixels: (await PrintPdf.create(chosen, texts)).pixels };
    }
    return this.planned.pixels;
  }

  /** Re-plans the page from the panel's options; moves the frame and the summary line. */
  private async update(): Promise<void> {
    const { panel: shown, frame: box, context: { map, store } } = this;
    const chosen = shown?.read();
    if (!shown || !box || !chosen) return;
    this.options = chosen;
    const { extent, resolution, pixels } = printGeometry(map, chosen, await this.framePixels(chosen));
    box.place(frameOnScreen(map, extent));
    const scale = printScale(map, resolution, chosen.dpi);
    shown.setSummary(t('print.summary', { width: pixels.width, height: pixels.height, scale: scale.toLocaleString(store.get().lang === 'fr' ? 'fr-CA' : 'en-CA') }));
  }

  private open(): void {
    const { map, sheet, store } = this.context;
    this.panel = renderPrintPanel(this.options, { change: () => void this.update(), make: (format) => void this.make(format), cancel: () => this.running?.abort() });
    sheet.open(t('print.title'), this.panel.element, { id: SHEET_ID });
    this.frame ??= mountPrintFrame(map.getContainer());
    if (!store.get().print) store.update(() => ({ print: true }));
    void this.update();
  }

  private closed(): void {
    const { store } = this.context;
    this.running?.abort();
    this.frame?.remove();
    this.frame = null;
    this.panel = null;
    if (store.get().print) store.update(() => ({ print: false }));
  }

  private async make(format: PrintFormat): Promise<void> {
    const chosen = this.panel?.read();
    const shown = this.panel;
    if (!chosen || !shown) return;
    this.running?.abort();
    const controller = new AbortController();
    this.running = controller;
    shown.setProgress(0, 1); // busy at once, before the print code has loaded
    try {
      const { makePrintFiles } = await printKit();
      const files = await makePrintFiles({
        map: this.context.map, options: chosen, content: this.content(chosen.title), format, name: fileName(chosen.title),
        signal: controller.signal, onProgress: (done, total) => shown.setProgress(done, total), onWriting: () => shown.setWriting(),
      });
      this.urls.forEach((url) => URL.revokeObjectURL(url));
      const made = files.map((file) => ({ name: file.name, url: URL.createObjectURL(file.blob) }));
      this.urls = made.map((file) => file.url);
      shown.setFinished('done', t('print.done'), made);
    } catch (error) {
      const cancelled = controller.signal.aborted;
      shown.setFinished(cancelled ? 'cancelled' : 'error', cancelled ? t('print.cancelled') : t('print.failed', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      if (this.running === controller) this.running = null;
    }
  }
}

export const controller: ControllerFactory = () => new PrintController();

/** The sheet has no close event: watch its hidden flag and content id. Returns the unwatch. */
function watchSheetClose(onChange: () => void): () => void {
  const target = document.getElementById('side-sheet');
  if (!target) return () => undefined;
  const observer = new MutationObserver(onChange);
  observer.observe(target, { attributes: true, attributeFilter: ['hidden', 'data-content'] });
  return () => observer.disconnect();
}

/** "Zones inondables — Trois-Rivières" → "zones-inondables-trois-rivieres". */
function fileName(title: string): string {
  const slug = title.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return slug.slice(0, 60) || 'carte';
}
