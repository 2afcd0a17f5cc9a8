// Print: a toolbar button opens the print panel in the side sheet (`print=1` in the link opens
// it at start); a dashed frame on the map shows what the page holds; PDF / PNG + world file /
// GeoTIFF are rendered off-screen strip by strip (map/print_render.ts) with progress and Cancel.
import type { LayerDefinition } from '../catalogue/types';
import { t } from '../i18n';
import { frameExtent, lonLatToMercator, mercatorToLonLat, resolutionForScale, resolutionToFit, scaleForResolution, worldFile, type Extent3857 } from '../queries/print_geo';
import type { GeoTiffWriter } from '../queries/print_geotiff';
import { DEFAULT_INCLUDES, type PrintOptions } from '../queries/print_page';
import type { PngWriter } from '../queries/print_png';
import { printRequested, withPrint } from '../state/url_codec';
import { el } from '../ui/dom';
import { printContent } from '../ui/print_content';
import { mountPrintFrame, type PrintFrame } from '../ui/print_frame';
import { renderPrintPanel, type PrintFormat, type PrintPanel } from '../ui/print_panel';
import type { AppContext, Feature } from './context';
import { addTool } from '../ui/toolbar';

const SHEET_ID = 'print';
const printKit = () => import('./print_kit');

interface Geometry { extent: Extent3857; resolution: number; pixels: { width: number; height: number } }

export function installPrint(context: AppContext): Feature {
  const { map, sheet, store } = context;
  let panel: PrintPanel | null = null;
  let frame: PrintFrame | null = null;
  let options: PrintOptions = { title: t('print.default_title'), page: 'letter', orientation: 'landscape', dpi: 150, scale: null, include: { ...DEFAULT_INCLUDES } };
  let running: AbortController | null = null;
  let urls: string[] = [];

  const button = el('button', { type: 'button', id: 'print-button' });
  const relabel = () => {
    button.title = t('print.button_title');
  };
  relabel();
  button.addEventListener('click', () => open());
  addTool(context.toolbar, button);

  const visibleLayers = (): LayerDefinition[] => {
    const state = store.get();
    return state.order.filter((id) => state.visible.has(id)).map((id) => context.defs.get(id)).filter((d): d is LayerDefinition => d !== undefined);
  };
  const content = (title: string) => printContent(title, visibleLayers(), window.location.href, new Date(), store.get().lang, (id) => context.times.of(id));

  function geometry(chosen: PrintOptions, pixels: Geometry['pixels']): Geometry {
    const centre = map.getCenter();
    const bounds = map.getBounds();
    const [minX, minY] = lonLatToMercator(bounds.getWest(), bounds.getSouth());
    const [maxX, maxY] = lonLatToMercator(bounds.getEast(), bounds.getNorth());
    const resolution = chosen.scale ? resolutionForScale(chosen.scale, chosen.dpi, centre.lat) : resolutionToFit([minX, minY, maxX, maxY], pixels);
    return { extent: frameExtent(lonLatToMercator(centre.lng, centre.lat), resolution, pixels.width, pixels.height), resolution, pixels };
  }

  // The page plan only changes with the options and texts, not when the map moves.
  let planned: { key: string; pixels: Geometry['pixels'] } | null = null;
  async function framePixels(chosen: PrintOptions): Promise<Geometry['pixels']> {
    const texts = content(chosen.title);
    const key = JSON.stringify([chosen, texts.legend, texts.sources]);
    if (planned?.key !== key) {
      const { PrintPdf } = await printKit();
      planned = { key, pixels: (await PrintPdf.create(chosen, texts)).pixels };
    }
    return planned.pixels;
  }

  /** Re-plans the page from the panel's options; moves the frame and the summary line. */
  async function update(): Promise<void> {
    const [shown, box] = [panel, frame];
    const chosen = shown?.read();
    if (!shown || !box || !chosen) return;
    options = chosen;
    const { extent, resolution, pixels } = geometry(chosen, await framePixels(chosen));
    const [west, north] = mercatorToLonLat(extent[0], extent[3]);
    const [east, south] = mercatorToLonLat(extent[2], extent[1]);
    const a = map.project([west, north]);
    const b = map.project([east, south]);
    box.place({ left: a.x, top: a.y, width: b.x - a.x, height: b.y - a.y });
    const scale = Math.round(scaleForResolution(resolution, chosen.dpi, map.getCenter().lat));
    shown.setSummary(t('print.summary', { width: pixels.width, height: pixels.height, scale: scale.toLocaleString(store.get().lang === 'fr' ? 'fr-CA' : 'en-CA') }));
  }

  function open(): void {
    panel = renderPrintPanel(options, { change: () => void update(), make: (format) => void make(format), cancel: () => running?.abort() });
    sheet.open(t('print.title'), panel.element, { id: SHEET_ID });
    frame ??= mountPrintFrame(map.getContainer());
    if (!printRequested(store.get().extra)) store.update((state) => ({ extra: withPrint(state.extra, true) }));
    void update();
  }

  function closed(): void {
    running?.abort();
    frame?.remove();
    frame = null;
    panel = null;
    if (printRequested(store.get().extra)) store.update((state) => ({ extra: withPrint(state.extra, false) }));
  }

  async function make(format: PrintFormat): Promise<void> {
    const chosen = panel?.read();
    const shown = panel;
    if (!chosen || !shown) return;
    running?.abort();
    const controller = new AbortController();
    running = controller;
    shown.setProgress(0, 1); // busy at once, before the print code has loaded
    try {
      const { PrintPdf, PngWriter, GeoTiffWriter, renderStrips } = await printKit();
      const pdf = await PrintPdf.create(chosen, content(chosen.title));
      const { extent, resolution, pixels } = geometry(chosen, pdf.pixels);
      const writer = format === 'pdf' ? pdf : format === 'png' ? new PngWriter(pixels.width, pixels.height) : new GeoTiffWriter(pixels.width, pixels.height, extent);
      const view = { left: extent[0], top: extent[3], resolution, ...pixels, dpi: chosen.dpi };
      for await (const strip of renderStrips(map, view, { signal: controller.signal, onProgress: (done, total) => shown.setProgress(done, total) })) {
        await writer.addStrip(strip);
      }
      shown.setWriting();
      const name = fileName(chosen.title);
      const files = format === 'pdf'
        ? [{ name: `${name}.pdf`, blob: new Blob([await pdf.finish(extent) as BlobPart], { type: 'application/pdf' }) }]
        : format === 'png'
          ? [{ name: `${name}.png`, blob: new Blob(await (writer as PngWriter).finish() as BlobPart[], { type: 'image/png' }) },
            { name: `${name}.pgw`, blob: new Blob([worldFile(extent, pixels.width, pixels.height)], { type: 'text/plain' }) }]
          : [{ name: `${name}.tif`, blob: new Blob(await (writer as GeoTiffWriter).finish() as BlobPart[], { type: 'image/tiff' }) }];
      urls.forEach((url) => URL.revokeObjectURL(url));
      const made = files.map((file) => ({ name: file.name, url: URL.createObjectURL(file.blob) }));
      urls = made.map((file) => file.url);
      shown.setFinished('done', t('print.done'), made);
    } catch (error) {
      const cancelled = controller.signal.aborted;
      shown.setFinished(cancelled ? 'cancelled' : 'error', cancelled ? t('print.cancelled') : t('print.failed', { message: error instanceof Error ? error.message : String(error) }));
    } finally {
      if (running === controller) running = null;
    }
  }

  map.on('move', () => void update());
  watchSheetClose(() => {
    if (frame && sheet.current() !== SHEET_ID) closed();
  });
  if (printRequested(store.get().extra)) open();

  return {
    relabel() {
      relabel();
      if (sheet.current() === SHEET_ID) open();
    },
  };
}

/** The sheet has no close event: watch its hidden flag and content id. */
function watchSheetClose(onChange: () => void): void {
  const target = document.getElementById('side-sheet');
  if (target) new MutationObserver(onChange).observe(target, { attributes: true, attributeFilter: ['hidden', 'data-content'] });
}

/** "Zones inondables — Trois-Rivières" → "zones-inondables-trois-rivieres". */
function fileName(title: string): string {
  const slug = title.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return slug.slice(0, 60) || 'carte';
}
