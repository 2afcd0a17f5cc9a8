// The print PDF built in Node from synthetic strips: page size, texts as text, the GEO Measure
// numbers, and GDAL (Debian gdal-bin) reading its CRS and corners.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { frameExtent, lonLatToMercator, mercatorToLonLat, type Extent3857 } from '../../src/queries/print_geo';
import { DEFAULT_INCLUDES, type PrintContent, type PrintOptions } from '../../src/queries/print_page';
import { PrintPdf, winAnsi } from '../../src/queries/print_pdf';
import { gdalinfo, hasGdalinfo, readPrintPdf, type ReadBack } from './print_pdf_read';

const OPTIONS: PrintOptions = { title: 'Zones inondables — Trois-Rivières', page: 'letter', orientation: 'landscape', dpi: 150, scale: 50_000, include: { ...DEFAULT_INCLUDES, ticks: true, permalink: true } };
const CONTENT: PrintContent = {
  title: OPTIONS.title,
  legend: [{ title: 'Zones inondables', time: 'Période : 2019', items: [{ label: 'Récurrence 0–20 ans', color: '#08519c' }, { label: 'Récurrence 20–100 ans', color: '#6baed6' }] }],
  sources: ['Zones inondables : MELCCFP (CC-BY 4.0, 2024)'],
  printed: 'Imprimé le 4 décembre 2026',
  permalink: 'https://example.org/#map=11/46.35/-72.55',
  north: 'N',
  sourcesHeading: 'Sources',
};

/** Strips of a left-to-right grey ramp, as the renderer would hand them over. */
async function addRamp(pdf: PrintPdf, stripHeight: number): Promise<void> {
  const { width, height } = pdf.pixels;
  for (let y = 0; y < height; y += stripHeight) {
    const rows = Math.min(stripHeight, height - y);
    const rgba = new Uint8Array(width * rows * 4);
    for (let i = 0; i < width * rows; i += 1) rgba.fill(Math.round(((i % width) / width) * 255), i * 4, i * 4 + 3).fill(255, i * 4 + 3, i * 4 + 4);
    await pdf.addStrip({ y, width, height: rows, rgba });
  }
}

describe('print PDF', () => {
  let bytes: Uint8Array;
  let back: ReadBack;
  let extent: Extent3857;
  let pdf: PrintPdf;

  beforeAll(async () => {
    pdf = await PrintPdf.create(OPTIONS, CONTENT);
    const resolution = 50_000 * 0.0254 / 150 / Math.cos((46.35 * Math.PI) / 180);
    extent = frameExtent(lonLatToMercator(-72.55, 46.35), resolution, pdf.pixels.width, pdf.pixels.height);
    await addRamp(pdf, 256);
    bytes = await pdf.finish(extent);
    back = await readPrintPdf(bytes);
  });

  it('should be a Letter landscape page whose map frame is sized at 150 dpi', () => {
    expect([back.width, back.height]).toEqual([792, 612]);
    expect(pdf.pixels.width).toBe(Math.round((pdf.plan.map.width / 72) * 150));
    expect(back.images).toBe(Math.ceil(pdf.pixels.height / 256));
  });

  it('should hold the title, legend labels, time, sources and permalink as text', () => {
    expect(back.title).toBe(winAnsi(OPTIONS.title));
    for (const text of [winAnsi(OPTIONS.title), 'Zones inondables', 'Période : 2019', 'Récurrence 0–20 ans', 'Récurrence 20–100 ans', CONTENT.sources[0], CONTENT.printed, CONTENT.permalink, 'N', 'Sources']) {
      expect(back.texts).toContain(text);
    }
  });

  it('should write GPTS at the extent corners and LPTS at the unit corners', () => {
    expect(back.epsg).toBe(3857);
    expect(back.lpts).toEqual([0, 1, 0, 0, 1, 0, 1, 1]);
    const [west, south] = mercatorToLonLat(extent[0], extent[1]);
    const [east, north] = mercatorToLonLat(extent[2], extent[3]);
    expect(back.gpts).toEqual([north, west, south, west, south, east, north, east].map((v) => expect.closeTo(v, 9)));
    const { map } = pdf.plan;
    expect(back.bbox).toEqual([map.x, map.y, map.x + map.width, map.y + map.height].map((v) => expect.closeTo(v, 3)));
  });

  describe.skipIf(!hasGdalinfo)('read by GDAL (gdalinfo from Debian gdal-bin; skipped: /usr/bin/gdalinfo missing)', () => {
    it('should report EPSG:3857 and corners equal to the printed extent', () => {
      const info = gdalinfo(path.join(mkdtempSync(path.join(tmpdir(), 'print-')), 'map.pdf'), bytes);
      expect(info.coordinateSystem?.wkt).toMatch(/Pseudo-Mercator|Mercator_Auxiliary_Sphere/);
      const tolerance = (extent[2] - extent[0]) * 0.001;
      const [gt0, gt1, , gt3, , gt5] = info.geoTransform;
      // the geotransform of the whole page, extrapolated from the map frame
      const frameLeft = gt0! + gt1! * (pdf.plan.map.x / back.width) * info.size[0];
      const frameTop = gt3! + gt5! * ((back.height - pdf.plan.map.y - pdf.plan.map.height) / back.height) * info.size[1];
      expect(Math.abs(frameLeft - extent[0])).toBeLessThan(tolerance);
      expect(Math.abs(frameTop - extent[3])).toBeLessThan(tolerance);
      const groundWidth = gt1! * info.size[0] * (pdf.plan.map.width / back.width);
      expect(Math.abs(groundWidth - (extent[2] - extent[0]))).toBeLessThan(tolerance);
    });
  });
});
