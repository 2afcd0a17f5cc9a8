// The print as a PDF (pdf-lib): the map as image strips added as they are rendered, the title,
// legend and sources as real text, scale bar / north arrow / ticks as vector marks, and the
// ISO 32000 geospatial Viewport (/VP → /Measure /GEO with GPTS, LPTS and the CRS) that
// `gdalinfo` reads as a CRS and a geotransform.
import {
  PDFDocument, PDFFont, PDFName, PDFPage, PDFString, StandardFonts, rgb, drawObject, pushGraphicsState, popGraphicsState,
  concatTransformationMatrix, type Color,
} from 'pdf-lib';
import { georefPoints, WKT_3857, type Extent3857 } from './print_geo';
import { planPage, type PagePlan } from './print_layout';
import { coordinateTicks, emptyMarks, northArrow, scaleBar, type MapMarks } from './print_marks';
import { pointsToPixels, type PrintContent, type PrintOptions } from './print_page';
import { deflate, subFilteredRgb, type Strip } from './print_raster';
import { pdfText, winAnsi } from './pdf_text';

export { winAnsi };

export class PrintPdf {
  private stripCount = 0;

  private constructor(
    private readonly doc: PDFDocument,
    private readonly page: PDFPage,
    private readonly fonts: { regular: PDFFont; bold: PDFFont },
    readonly plan: PagePlan,
    /** the map frame in printed pixels */
    readonly pixels: { width: number; height: number },
    private readonly options: PrintOptions,
    private readonly content: PrintContent,
  ) {}

  static async create(options: PrintOptions, content: PrintContent): Promise<PrintPdf> {
    const doc = await PDFDocument.create();
    const fonts = { regular: await doc.embedFont(StandardFonts.Helvetica), bold: await doc.embedFont(StandardFonts.HelveticaBold) };
    const safe = drawableContent(content);
    const plan = planPage(options, safe, (text, size, bold) => (bold ? fonts.bold : fonts.regular).widthOfTextAtSize(winAnsi(text), size));
    const page = doc.addPage([plan.width, plan.height]);
    const pixels = { width: pointsToPixels(plan.map.width, options.dpi), height: pointsToPixels(plan.map.height, options.dpi) };
    doc.setTitle(content.title.normalize('NFC')); // the Info dictionary is Unicode: the title as typed
    doc.setCreator('Géoveille');
    doc.setProducer('Géoveille (pdf-lib)');
    return new PrintPdf(doc, page, fonts, plan, pixels, options, safe);
  }

  /** Adds one strip of the map image (rows top to bottom, as rendered). */
  async addStrip(strip: Strip): Promise<void> {
    const data = await deflate(subFilteredRgb(strip));
    const image = this.doc.context.register(this.doc.context.stream(data, {
      Type: 'XObject', Subtype: 'Image', Width: strip.width, Height: strip.height,
      ColorSpace: 'DeviceRGB', BitsPerComponent: 8, Filter: 'FlateDecode',
      DecodeParms: { Predictor: 15, Colors: 3, BitsPerComponent: 8, Columns: strip.width },
    }));
    const name = this.page.node.newXObject(`Map${this.stripCount++}`, image);
    const { map } = this.plan;
    const scaleY = map.height / this.pixels.height;
    const height = strip.height * scaleY;
    const bottom = map.y + map.height - (strip.y + strip.height) * scaleY;
    this.page.pushOperators(
      pushGraphicsState(),
      concatTransformationMatrix((strip.width / this.pixels.width) * map.width, 0, 0, height, map.x, bottom),
      drawObject(name),
      popGraphicsState(),
    );
  }

  /** Draws the texts and marks, writes the georeferencing of `extent`, returns the file. */
  async finish(extent: Extent3857): Promise<Uint8Array> {
    const { plan, page } = this;
    const { map } = plan;
    page.drawRectangle({ x: map.x, y: map.y, width: map.width, height: map.height, borderColor: rgb(0.2, 0.2, 0.2), borderWidth: 0.8 * plan.unit });
    for (const mark of plan.marks) {
      if (mark.kind === 'text') page.drawText(winAnsi(mark.text), { x: mark.x, y: mark.y, size: mark.size, font: mark.bold ? this.fonts.bold : this.fonts.regular, color: rgb(0.1, 0.1, 0.1) });
      else page.drawRectangle({ x: mark.x, y: mark.y, width: mark.width, height: mark.height, color: colour(mark.fill), borderColor: mark.stroke ? colour(mark.stroke) : undefined, borderWidth: mark.stroke ? 0.3 * plan.unit : 0 });
    }
    this.drawMapMarks(extent);
    this.georeference(extent);
    return this.doc.save({ useObjectStreams: false });
  }

  private drawMapMarks(extent: Extent3857): void {
    const { include } = this.options;
    const { map, unit } = this.plan;
    const marks: MapMarks = emptyMarks();
    if (include.ticks) coordinateTicks(marks, extent, map, unit);
    if (include.scaleBar) scaleBar(marks, extent, map, unit, include.ticks);
    if (include.north) northArrow(marks, map, unit, this.content.north);
    const page = this.page;
    for (const box of marks.boxes) page.drawRectangle({ ...box, color: colour(box.fill), opacity: box.opacity ?? 1 });
    for (const line of marks.lines) page.drawLine({ start: { x: line.x1, y: line.y1 }, end: { x: line.x2, y: line.y2 }, thickness: 0.6 * unit, color: rgb(0.1, 0.1, 0.1) });
    for (const polygon of marks.polygons) {
      const path = polygon.map(([x, y], i) => `${i ? 'L' : 'M'} ${x} ${-y}`).join(' ') + ' Z';
      page.drawSvgPath(path, { x: 0, y: 0, color: rgb(0.1, 0.1, 0.1) });
    }
    for (const text of marks.texts) {
      const font = text.bold ? this.fonts.bold : this.fonts.regular;
      const drawn = winAnsi(text.text);
      const width = font.widthOfTextAtSize(drawn, text.size);
      const x = text.align === 'center' ? text.x - width / 2 : text.align === 'right' ? text.x - width : text.x;
      page.drawText(drawn, { x, y: text.y, size: text.size, font, color: rgb(0.1, 0.1, 0.1) });
    }
  }

  /** The page's /VP: a Viewport over the map frame with a GEO Measure, as GDAL writes it. */
  private georeference(extent: Extent3857): void {
    const { context } = this.doc;
    const { map } = this.plan;
    const { gpts, lpts } = georefPoints(extent);
    const gcs = context.obj({ Type: 'PROJCS', EPSG: 3857, WKT: PDFString.of(WKT_3857) });
    const measure = context.obj({ Type: 'Measure', Subtype: 'GEO', Bounds: lpts, GPTS: gpts, LPTS: lpts, GCS: context.register(gcs) });
    const viewport = context.obj({
      Type: 'Viewport', Name: PDFString.of('Map'),
      BBox: [map.x, map.y, map.x + map.width, map.y + map.height], Measure: context.register(measure),
    });
    this.page.node.set(PDFName.of('VP'), context.obj([context.register(viewport)]));
  }
}

function colour(hex: string | undefined): Color | undefined {
  const match = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})/i.exec(hex ?? '');
  if (!match) return hex ? rgb(0.5, 0.5, 0.5) : undefined;
  return rgb(parseInt(match[1]!, 16) / 255, parseInt(match[2]!, 16) / 255, parseInt(match[3]!, 16) / 255);
}

/**
 * Every text of the print as the standard fonts draw it (pdf_text.ts: French as typed, other
 * scripts as '?'); the note saying so is kept only when something was replaced.
 */
export function drawableContent(content: PrintContent): PrintContent {
  let missing = 0;
  const text = (value: string) => {
    const drawn = pdfText(value);
    missing += drawn.missing.length;
    return drawn.text;
  };
  const { unprintableNote, ...rest } = content;
  const safe: PrintContent = {
    ...rest,
    title: text(content.title),
    legend: content.legend.map((block) => ({
      title: text(block.title), ...(block.time !== undefined ? { time: text(block.time) } : {}),
      items: block.items.map((item) => ({ ...item, label: text(item.label) })),
    })),
    sources: content.sources.map(text),
    printed: text(content.printed),
    permalink: text(content.permalink),
    north: text(content.north),
    sourcesHeading: text(content.sourcesHeading),
  };
  return missing > 0 && unprintableNote ? { ...safe, unprintableNote: winAnsi(unprintableNote) } : safe;
}
