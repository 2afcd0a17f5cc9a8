// Reads dropped or chosen files one after another into AOIs, and reports per file what was added,
// what was repaired or ignored (with feature numbers), or why the file could not be used.
import { t } from '../i18n';
import { MAX_AOI_FILE_BYTES, readAoiFile } from '../queries/aoi_geometry_read';
import { AoiReadError, type AoiGeometry } from '../queries/aoi_geometry_types';
import type { Aoi } from '../state/aoi_store';
import type { AoiPanel } from '../ui/aoi_panel';
import { errorText, noteText } from '../ui/aoi_messages';

type AddAreas = (items: Array<{ name: string; geometry: AoiGeometry }>, fileName: string) => Aoi[] | null;

export async function readAoiUploads(files: File[], panel: AoiPanel, addAreas: AddAreas): Promise<void> {
  for (const file of files) {
    panel.showStatus(t('aoi.reading', { file: file.name }), 'busy');
    try {
      // Checked before reading: a huge file is refused without loading it into memory.
      if (file.size > MAX_AOI_FILE_BYTES) throw new AoiReadError('too_large', file.name, String(file.size));
      // Lets the "reading" message paint before a long repair blocks the page.
      await new Promise((resolve) => setTimeout(resolve, 30));
      const { features, notes } = await readAoiFile(file.name, new Uint8Array(await file.arrayBuffer()));
      const details = notes.map(noteText);
      if (features.length === 0) {
        panel.showStatus(t('aoi.error.file', { file: file.name, reason: t('aoi.error.none_valid') }), 'error', details);
        continue;
      }
      const added = addAreas(features.map((f) => ({ name: f.properties.name ?? file.name, geometry: f.geometry })), file.name);
      if (added) panel.showStatus(t('aoi.added', { file: file.name, count: added.length }), 'info', details);
    } catch (error) {
      panel.showStatus(errorText(file.name, error), 'error');
    }
  }
}
