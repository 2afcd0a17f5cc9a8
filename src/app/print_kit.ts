// Loaded on demand (import()) when the print panel opens, so pdf-lib and the file writers stay
// out of the first view's JavaScript: plans the page and makes the files of one print.
import type { Map as MapLibreMap } from 'maplibre-gl';
import { printGeometry } from '../map/print_geometry';
import { renderStrips } from '../map/print_render';
import { worldFile } from '../queries/print_geo';
import { GeoTiffWriter } from '../queries/print_geotiff';
import type { PrintContent, PrintOptions } from '../queries/print_page';
import { PrintPdf } from '../queries/print_pdf';
import { PngWriter } from '../queries/print_png';
import type { PrintFormat } from '../ui/print_panel';

export { PrintPdf };

export interface PrintJob {
  map: MapLibreMap;
  options: PrintOptions;
  content: PrintContent;
  format: PrintFormat;
  /** The files' name without extension. */
  name: string;
  signal: AbortSignal;
  onProgress(done: number, total: number): void;
  /** Every strip is drawn; the files are being written. */
  onWriting(): void;
}

/** Draws the map strip by strip off-screen into the chosen writer; the files to download. */
export async function makePrintFiles(job: PrintJob): Promise<Array<{ name: string; blob: Blob }>> {
  const { map, options, format, name } = job;
  const pdf = await PrintPdf.create(options, job.content);
  const { extent, resolution, pixels } = printGeometry(map, options, pdf.pixels);
  const png = format === 'png' ? new PngWriter(pixels.width, pixels.height) : null;
  const tiff = format === 'tiff' ? new GeoTiffWriter(pixels.width, pixels.height, extent) : null;
  const writer = png ?? tiff ?? pdf;
  const view = { left: extent[0], top: extent[3], resolution, ...pixels, dpi: options.dpi };
  for await (const strip of renderStrips(map, view, { signal: job.signal, onProgress: job.onProgress })) {
    await writer.addStrip(strip);
  }
  job.onWriting();
  if (png) {
    return [{ name: `${name}.png`, blob: new Blob(await png.finish() as BlobPart[], { type: 'image/png' }) },
      { name: `${name}.pgw`, blob: new Blob([worldFile(extent, pixels.width, pixels.height)], { type: 'text/plain' }) }];
  }
  if (tiff) return [{ name: `${name}.tif`, blob: new Blob(await tiff.finish() as BlobPart[], { type: 'image/tiff' }) }];
  return [{ name: `${name}.pdf`, blob: new Blob([await pdf.finish(extent) as BlobPart], { type: 'application/pdf' }) }];
}
