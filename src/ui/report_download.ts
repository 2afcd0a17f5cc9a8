// Saves an export file from the page (a Blob and a temporary <a download>), and the export button
// used by the report: while an export runs its button is busy; when it fails (e.g. the layer's
// file cannot be read any more) a message under it names the export and offers Retry. Nothing
// else in the report changes, so the numbers already shown and the AOI stay.
import './report_download.css';
import { t } from '../i18n';
import { retryFailedReads } from '../sources/source';
import type { ExportFile } from '../queries/export_layer';
import { el } from './dom';

export function download(file: ExportFile): void {
  const blob = new Blob([file.data], { type: file.mime });
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A button that builds a file (possibly reading the network) and downloads it; failures can be retried. */
export function exportButton(label: string, make: () => ExportFile | Promise<ExportFile>): HTMLElement {
  const button = el('button', { type: 'button', class: 'report-button' }, label);
  const problem = el('span', { class: 'report-export-error', role: 'alert', hidden: true });
  const run = async () => {
    if (button.getAttribute('aria-busy') === 'true') return; // one export at a time per button
    button.setAttribute('aria-busy', 'true');
    problem.hidden = true;
    problem.replaceChildren();
    try {
      download(await make());
    } catch (error) {
      showFailure(problem, label, error, run);
    } finally {
      button.setAttribute('aria-busy', 'false');
    }
  };
  button.addEventListener('click', () => void run());
  return el('span', { class: 'report-export' }, button, problem);
}

export function showFailure(problem: HTMLElement, label: string, error: unknown, retry: () => Promise<void>): void {
  const message = error instanceof Error ? error.message : String(error);
  const again = el('button', { type: 'button', class: 'report-button report-retry' }, t('report.retry'));
  again.addEventListener('click', () => {
    retryFailedReads(); // the user says the file may be back: don't answer from the failure memory
    void retry();
  });
  problem.replaceChildren(el('span', {}, t('report.export_failed', { name: label, message })), ' ', again);
  problem.hidden = false;
  again.focus();
}
