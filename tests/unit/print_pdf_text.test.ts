// The print PDF's texts with French typography and other scripts: pdf-lib's standard Helvetica
// encodes WinAnsi only (it throws on anything else). French (Œ, ’, « », —, accents, even typed
// decomposed) comes out as typed, Intl's narrow no-break spaces as no-break spaces, and other
// scripts as '?' with a note on the page saying so. And the scale bar, on a Web Mercator print,
// measures its label's length on the ground at the map's centre latitude.
import { beforeAll, describe, expect, it } from 'vitest';
import { frameExtent, lonLatToMercator, mercatorToLonLat, resolutionForScale, type Extent3857 } from '../../src/queries/print_geo';
import { emptyMarks, scaleBar } from '../../src/queries/print_marks';
import { DEFAULT_INCLUDES, type PrintContent, type PrintOptions } from '../../src/queries/print_page';
import { PrintPdf } from '../../src/queries/print_pdf';
import { pdfText } from '../../src/queries/pdf_text';
import { readPrintPdf, type ReadBack } from './print_pdf_read';

const NOTE = 'Note : certains caractères (écritures non latines) ne peuvent pas être dessinés par la police de ce PDF ; ils sont remplacés par « ? ».';
const TITLE = 'Œuvres de l’île — « Saint-Éloi »';
const OPTIONS: PrintOptions = { title: TITLE, page: 'letter', orientation: 'landscape', dpi: 96, scale: 25_000, include: { ...DEFAULT_INCLUDES } };

function content(extra: Partial<PrintContent> = {}): PrintContent {
  return {
    title: TITLE,
    legend: [{
      title: 'Kuujjuaq ᑰᔾᔪᐊᖅ', time: 'Période : 2019–2020',
      items: [{ label: 'Saint-E\u0301loi (saisi décomposé)', color: '#08519c' }, { label: 'Superficie 1\u202f250 ha', color: '#6baed6' }, { label: 'Ŝ et ą', color: '#cccccc' }],
    }],
    sources: ['Données : MELCCFP — « CC-BY 4.0 », 2024'],
    printed: 'Imprimé le 5 décembre 2026',
    permalink: 'https://example.org/#map=11/58.1/-68.4',
    north: 'N',
    sourcesHeading: 'Sources',
    unprintableNote: NOTE,
    ...extra,
  };
}

async function print(printed: PrintContent): Promise<ReadBack> {
  const pdf = await PrintPdf.create({ ...OPTIONS, title: printed.title }, printed);
  const resolution = resolutionForScale(25_000, 96, 58.1);
  const extent = frameExtent(lonLatToMercator(-68.4, 58.1), resolution, pdf.pixels.width, pdf.pixels.height);
  await pdf.addStrip({ y: 0, width: pdf.pixels.width, height: pdf.pixels.height, rgba: new Uint8Array(pdf.pixels.width * pdf.pixels.height * 4).fill(200) });
  return readPrintPdf(await pdf.finish(extent));
}

describe('print PDF text beyond Latin-1', () => {
  let back: ReadBack;
  beforeAll(async () => {
    back = await print(content());
  });

  it('should draw French typography as typed', () => {
    expect(back.texts).toContain(TITLE);
    expect(back.texts).toContain('Période : 2019–2020');
    expect(back.texts).toContain('Données : MELCCFP — « CC-BY 4.0 », 2024');
    expect(back.texts).toContain('Saint-Éloi (saisi décomposé)');
    expect(back.texts).toContain('Imprimé le 5 décembre 2026');
  });

  it('should give typographic spaces and accented letters their nearest WinAnsi sign', () => {
    expect(back.texts).toContain('Superficie 1\u00a0250 ha');
    expect(back.texts).toContain('S et a');
  });

  it('should replace other scripts by ? and say so on the page, keeping the title as typed in the metadata', () => {
    expect(back.texts).toContain('Kuujjuaq ?????');
    expect(back.texts.join(' ')).toContain('ils sont remplacés par « ? »');
    expect(back.title).toBe(TITLE);
  });

  it('should add no note when every character is drawn', async () => {
    const french = await print(content({ legend: [{ title: 'Zones inondables — Saint-Éloi', items: [{ label: 'Récurrence 0–20 ans', color: '#08519c' }] }] }));
    expect(french.texts).toContain('Zones inondables — Saint-Éloi');
    expect(french.texts.join(' ')).not.toContain('remplacés par');
  });

  it('should count what it replaces', () => {
    expect(pdfText('Kuujjuaq ᑰᔾᔪᐊᖅ 🌊')).toEqual({ text: 'Kuujjuaq ????? ?', missing: ['ᑰ', 'ᔾ', 'ᔪ', 'ᐊ', 'ᖅ', '🌊'] });
    expect(pdfText('Œ’«»—…€')).toEqual({ text: 'Œ’«»—…€', missing: [] });
  });
});

/** Length along the parallel `lat` between two longitudes, on the WGS 84 ellipsoid (exact). */
function parallelMetres(lat: number, lon1: number, lon2: number): number {
  const a = 6378137, e2 = 0.00669437999014;
  const phi = (lat * Math.PI) / 180;
  const n = a / Math.sqrt(1 - e2 * Math.sin(phi) ** 2);
  return n * Math.cos(phi) * (Math.abs(lon2 - lon1) * Math.PI) / 180;
}

describe('scale bar of a Web Mercator print', () => {
  const frame = { x: 24, y: 100, width: 744, height: 400 };
  it.each([[0, -60], [46.8, -71.2], [58.1, -68.4], [62.4, -77.9]])('should measure its label on the ground at latitude %s', (lat, lon) => {
    // 1:25 000 at 96 dpi: the frame's Mercator extent, as the print computes it
    const resolution = resolutionForScale(25_000, 96, lat);
    const pixels = { width: Math.round((frame.width / 72) * 96), height: Math.round((frame.height / 72) * 96) };
    const extent: Extent3857 = frameExtent(lonLatToMercator(lon, lat), resolution, pixels.width, pixels.height);
    const marks = emptyMarks();
    scaleBar(marks, extent, frame, 1);
    const [background, dark, light] = marks.boxes;
    const barPoints = (dark?.width ?? 0) + (light?.width ?? 0);
    expect(dark?.x).toBeCloseTo(background!.x + 4, 6);
    const label = marks.texts.find((t) => t.text !== '0')!.text;
    const labelled = label.endsWith(' km') ? Number(label.slice(0, -3)) * 1000 : Number(label.slice(0, -2));
    // the bar's ends at the centre latitude, back to lon/lat, then measured on the ellipsoid
    const metresPerPoint = (extent[2] - extent[0]) / frame.width;
    const centreY = (extent[1] + extent[3]) / 2;
    const [lon1] = mercatorToLonLat(extent[0], centreY);
    const [lon2] = mercatorToLonLat(extent[0] + barPoints * metresPerPoint, centreY);
    const ground = parallelMetres(lat, lon1, lon2);
    expect(Math.abs(ground - labelled) / labelled).toBeLessThan(0.004); // sphere vs ellipsoid: ≤ 0.34 % in Québec
    // and on paper: 1:25 000 means the label's metres / 25 000 on the page
    expect(barPoints / 72 * 0.0254 * 25_000).toBeCloseTo(labelled, 0);
  });
});
