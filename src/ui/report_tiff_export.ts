// The report's "clipped GeoTIFF" button: the file is clipped and encoded in a worker
// (export_geotiff_client.ts) while a progress bar and a Cancel button stand beside the button.
// Cancel ends the worker: no file, the button back as it was. A failure names the layer, in the
// UI's language, with Retry (report_download.ts). `data-state` tells tests and styles the phase.
import { t } from '../i18n';
import type { ExportFile } from '../queries/export_layer';
import { ClipError } from '../queries/export_geotiff';
import { problemOf } from '../sources/errors';
import { el } from './dom';
import { download, showFailure } from './report_download';
import { layerErrorText } from './layer_error_text';

type Make = (signal: AbortSignal, onProgress: (done: number, total: number) => void) => Promise<ExportFile>;
type State = 'idle' | 'running' | 'done' | 'failed' | 'cancelled';

/** `closed`: the report's signal; closing the report ends a running export's worker too. */
export function tiffExportButton(label: string, layerTitle: string, make: Make, closed?: AbortSignal): HTMLElement {
  const button = el('button', { type: 'button', class: 'report-button' }, label);
  const progress = el('progress', { max: 1, value: 0, 'aria-label': t('export_tiff.progress', { name: label }), hidden: true });
  const cancel = el('button', { type: 'button', class: 'report-button', hidden: true }, t('export_tiff.cancel'));
  const note = el('span', { class: 'report-export-note', role: 'status' });
  const problem = el('span', { class: 'report-export-error', role: 'alert', hidden: true });
  const root = el('span', { class: 'report-export', 'data-state': 'idle' }, button, progress, cancel, note, problem);
  let running: AbortController | null = null;
  const show = (state: State) => {
    root.dataset.state = state;
    button.setAttribute('aria-busy', String(state === 'running'));
    progress.hidden = cancel.hidden = state !== 'running';
    note.textContent = state === 'cancelled' ? t('export_tiff.cancelled') : '';
  };
  const run = async () => {
    if (running) return; // one export at a time per button
    const controller = (running = new AbortController());
    problem.hidden = true;
    problem.replaceChildren();
    progress.value = 0;
    show('running');
    try {
      const file = await make(controller.signal, (done, total) => { progress.max = Math.max(1, total); progress.value = done; });
      if (controller.signal.aborted) return show('cancelled');
      download(file);
      show('done');
    } catch (error) {
      if (controller.signal.aborted) return show('cancelled');
      show('failed');
      showFailure(problem, label, new Error(clipFailureText(layerTitle, error)), run);
    } finally {
      running = null;
    }
  };
  button.addEventListener('click', () => void run());
  cancel.addEventListener('click', () => running?.abort());
  closed?.addEventListener('abort', () => running?.abort(), { once: true });
  return root;
}

/** Why the clip failed, naming the layer, in the UI's language. */
export function clipFailureText(title: string, error: unknown): string {
  if (!(error instanceof ClipError)) return layerErrorText(title, problemOf(error));
  const { clip } = error;
  if (clip.code === 'clip-too-large') return t('export_tiff.too_large', { title, width: clip.width, height: clip.height, bands: clip.bands });
  if (clip.code === 'clip-dtype') return t('export_tiff.dtype', { title, dtype: clip.dtype });
  return t('export_tiff.outside', { title });
}
