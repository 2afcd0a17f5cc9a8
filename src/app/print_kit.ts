// Loaded on demand (import()) when the print panel opens, so pdf-lib and the file writers stay
// out of the first view's JavaScript.
export { PrintPdf } from '../queries/print_pdf';
export { PngWriter } from '../queries/print_png';
export { GeoTiffWriter } from '../queries/print_geotiff';
export { renderStrips } from '../map/print_render';
