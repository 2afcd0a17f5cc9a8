// Reads dropped or chosen files one after another into AOIs, each in a Web Worker so the page
// stays responsive, with a Cancel button while it runs; reports per file what was added, what was
// repaired or ignored (with feature numbers), or why the file could not be used.
import { t } from '../i18n';
import { MAX_AOI_FILE_BYTES } from '../queries/aoi_geometry_limits';
import { AoiReadError } from '../queries/aoi_geometry_types';
import type { Aoi, NewAoi } from '../state/aoi_store';
import type { AoiPanel } from '../ui/aoi_panel';
import { errorText, noteText } from '../ui/aoi_messages';
import { AoiReadCancelled, AoiWorkerFailed, readAoiInWorker } from './aoi_upload_client';

type AddAreas = (items: NewAoi[], fileName: string) => Aoi[] | null;
/** The AOIs listed now (the worker prepares the new ones' ids and link fits to follow them). */
type ListAreas = () => Array<{ id: string; name: string }>;

export async function readAoiUploads(files: File[], panel: AoiPanel, addAreas: AddAreas, listAreas: ListAreas = () => []): Promise<void> {
  for (const file of files) {
    try {
      // Checked before reading: a huge file is refused without loading it into memory.
      if (file.size > MAX_AOI_FILE_BYTES) throw new AoiReadError('too_large', file.name, String(file.size));
      await readOne(file, panel, addAreas, listAreas);
    } catch (error) {
      if (error instanceof AoiReadCancelled) {
        // Cancel stops the whole batch: the user asked the reading to stop.
        panel.showStatus(t('aoi.reading_cancelled', { file: file.name }), 'info');
        return;
      }
      panel.showStatus(uploadErrorText(file.name, error), 'error');
    }
  }
}

async function readOne(file: File, panel: AoiPanel, addAreas: AddAreas, listAreas: ListAreas): Promise<void> {
  const busy = (message: string) => panel.showStatus(message, 'busy', [], { label: t('aoi.reading_cancel'), run: () => job.cancel() });
  const job = readAoiInWorker(file, listAreas(), () => busy(t('aoi.reading_repair', { file: file.name })));
  busy(t('aoi.reading', { file: file.name }));
  const { features, notes } = await job.result;
  const details = notes.map(noteText);
  if (features.length === 0) {
    panel.showStatus(t('aoi.error.file', { file: file.name, reason: t('aoi.error.none_valid') }), 'error', details);
    return;
  }
  const added = addAreas(features.map((f) => ({ name: f.properties.name ?? file.name, geometry: f.geometry, prepared: f.prepared })), file.name);
  if (added) panel.showStatus(t('aoi.added', { file: file.name, count: added.length }), 'info', details);
}

function uploadErrorText(file: string, error: unknown): string {
  if (error instanceof AoiWorkerFailed) return t('aoi.error.file', { file, reason: t('aoi.error.worker', { detail: error.detail }) });
  return errorText(file, error);
}
