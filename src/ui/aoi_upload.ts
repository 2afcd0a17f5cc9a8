// File input plus drop zone for AOI files. Files are read on this device only; the size limit is
// checked before reading so a huge file never fills the memory.
import { t } from '../i18n';
import { MAX_AOI_FILE_BYTES } from '../queries/aoi_geometry_limits';
import { el } from './dom';

export const AOI_FILE_ACCEPT = '.geojson,.json,.kml,.gpx,.gml,.xml,.zip,application/geo+json,application/vnd.google-earth.kml+xml,application/zip';

export function renderAoiUpload(onFiles: (files: File[]) => void): HTMLElement {
  const input = el('input', { type: 'file', id: 'aoi-file', class: 'aoi-file-input', accept: AOI_FILE_ACCEPT, multiple: true });
  const zone = el('label', { for: 'aoi-file', class: 'aoi-drop-zone' },
    el('strong', {}, t('aoi.upload_choose')),
    el('span', {}, t('upload.formats', { max: MAX_AOI_FILE_BYTES / 1024 / 1024 })));
  input.addEventListener('change', () => {
    const files = [...(input.files ?? [])];
    input.value = '';
    if (files.length) onFiles(files);
  });
  zone.addEventListener('dragover', (event) => {
    event.preventDefault();
    zone.classList.add('aoi-drop-active');
  });
  zone.addEventListener('dragleave', () => zone.classList.remove('aoi-drop-active'));
  zone.addEventListener('drop', (event) => {
    event.preventDefault();
    zone.classList.remove('aoi-drop-active');
    const files = [...(event.dataTransfer?.files ?? [])];
    if (files.length) onFiles(files);
  });
  return el('section', { class: 'aoi-section' },
    el('h3', {}, t('aoi.upload_title')),
    input, zone,
    el('p', { class: 'aoi-hint' }, t('aoi.upload_local')));
}
