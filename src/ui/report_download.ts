// Saves an export file from the page (a Blob and a temporary <a download>).
import type { ExportFile } from '../queries/export_layer';

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
