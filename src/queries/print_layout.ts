// Where everything goes on the page (PDF points, origin bottom-left): the title on top, the map
// frame, and under it the legend in columns, the sources, the date and the permalink. Sizes
// grow with the page so an A0 reads like a Letter from further away. Text widths come from the
// PDF font (`measure`), so the plan is exact and pure.
import { pageSize, type PrintContent, type PrintOptions } from './print_page';

export type Measure = (text: string, size: number, bold?: boolean) => number;

export interface TextMark { kind: 'text'; text: string; x: number; y: number; size: number; bold?: boolean }
export interface RectMark { kind: 'rect'; x: number; y: number; width: number; height: number; fill?: string; stroke?: string }
export type Mark = TextMark | RectMark;

export interface Rect { x: number; y: number; width: number; height: number }

export interface PagePlan {
  width: number;
  height: number;
  /** one unit of text and spacing: 1 on a Letter page, bigger on bigger pages */
  unit: number;
  map: Rect;
  marks: Mark[];
}

const LEGEND_COLUMN = 180;

export function planPage(options: PrintOptions, content: PrintContent, measure: Measure): PagePlan {
  const { width, height } = pageSize(options.page, options.orientation);
  const u = Math.min(width, height) / 612;
  const margin = 24 * u;
  const contentWidth = width - 2 * margin;
  const marks: Mark[] = [];
  const titleSize = 18 * u;
  const title = fitText(content.title, titleSize, contentWidth, measure, true);
  marks.push({ kind: 'text', text: title, x: margin, y: height - margin - titleSize, size: titleSize, bold: true });
  const mapTop = height - margin - titleSize * 1.6;

  const footer = footerMarks(options, content, measure, { x: margin, width: contentWidth, u });
  const maxFooter = (mapTop - margin) * 0.45;
  const kept = footer.height > maxFooter ? trimFooter(footer.marks, footer.height - maxFooter) : footer.marks;
  const footerHeight = Math.min(footer.height, maxFooter);
  // footer marks were laid out from y = 0 down; move them under the map
  const footerTop = margin + footerHeight;
  for (const mark of kept) marks.push({ ...mark, y: footerTop + mark.y });
  const mapBottom = footerTop + (footerHeight > 0 ? 8 * u : 0);
  return { width, height, unit: u, map: { x: margin, y: mapBottom, width: contentWidth, height: mapTop - mapBottom }, marks };
}

interface Footer { marks: Mark[]; height: number }

/** The footer, laid out downwards from y = 0 (so every y is ≤ 0). */
function footerMarks(options: PrintOptions, content: PrintContent, measure: Measure, box: { x: number; width: number; u: number }): Footer {
  const { u } = box;
  const marks: Mark[] = [];
  let y = 0;
  if (options.include.legend && content.legend.length) y = legendMarks(content, marks, box, measure);
  const small = 7 * u;
  const lines: Array<{ text: string; bold?: boolean }> = [];
  if (options.include.sources && content.sources.length) {
    lines.push({ text: content.sourcesHeading, bold: true });
    for (const source of content.sources) wrap(source, small, box.width, measure).forEach((text) => lines.push({ text }));
  }
  if (options.include.date) lines.push({ text: content.printed });
  if (options.include.permalink) wrap(content.permalink, small, box.width, measure).forEach((text) => lines.push({ text }));
  if (content.unprintableNote) wrap(content.unprintableNote, small, box.width, measure).forEach((text) => lines.push({ text }));
  if (lines.length) y -= 4 * u;
  for (const line of lines) {
    y -= small * 1.3;
    marks.push({ kind: 'text', text: line.text, x: box.x, y, size: small, bold: line.bold });
  }
  return { marks, height: -y };
}

/** Legend blocks (layer title, its time, its classes with a swatch) flowed into columns. */
function legendMarks(content: PrintContent, marks: Mark[], box: { x: number; width: number; u: number }, measure: Measure): number {
  const { u } = box;
  const size = 8 * u;
  const line = size * 1.45;
  const columns = Math.max(1, Math.floor(box.width / (LEGEND_COLUMN * u)));
  const columnWidth = box.width / columns;
  type Row = { text: string; bold?: boolean; color?: string };
  const rows: Row[] = [];
  for (const block of content.legend) {
    rows.push({ text: block.title, bold: true });
    if (block.time) rows.push({ text: block.time });
    for (const item of block.items) rows.push({ text: item.label, color: item.color });
  }
  const perColumn = columnHeight(blockSizes(content), columns);
  let column = 0;
  let row = 0;
  let start = 0;
  for (const blockSize of blockSizes(content)) {
    // a block stays in one column (unless it is taller than a column)
    if (row > 0 && row + blockSize > perColumn) {
      column += 1;
      row = 0;
    }
    for (const entry of rows.slice(start, start + blockSize)) {
      if (row >= perColumn) {
        column += 1;
        row = 0;
      }
      placeRow(entry, box.x + column * columnWidth, -(row + 1) * line);
      row += 1;
    }
    start += blockSize;
  }
  return -perColumn * line;

  function placeRow(entry: Row, x: number, y: number): void {
    const swatch = entry.color ? 14 * u : 0;
    if (entry.color) marks.push({ kind: 'rect', x, y: y - size * 0.15, width: 10 * u, height: size * 0.95, fill: entry.color, stroke: '#555555' });
    const text = fitText(entry.text, size, columnWidth - swatch - 4 * u, measure, entry.bold);
    marks.push({ kind: 'text', text, x: x + swatch, y, size, bold: entry.bold });
  }
}

function blockSizes(content: PrintContent): number[] {
  return content.legend.map((block) => 1 + (block.time ? 1 : 0) + block.items.length);
}

/** The fewest rows per column (at least the tallest block, so blocks stay whole) that fit in `columns` columns. */
function columnHeight(sizes: number[], columns: number): number {
  const total = sizes.reduce((a, b) => a + b, 0);
  for (let height = Math.max(1, ...sizes, Math.ceil(total / columns)); height < total; height += 1) {
    let used = 1;
    let row = 0;
    for (const size of sizes) {
      if (row > 0 && row + size > height) {
        used += 1;
        row = 0;
      }
      row += size;
      while (row > height) {
        used += 1;
        row -= height;
      }
    }
    if (used <= columns) return height;
  }
  return Math.max(1, total);
}

/** Drops footer lines from the bottom until `excess` points are saved (very long legends). */
function trimFooter(marks: Mark[], excess: number): Mark[] {
  const lowest = Math.min(...marks.map((mark) => mark.y));
  return marks.filter((mark) => mark.y >= lowest + excess).map((mark) => ({ ...mark, y: mark.y - excess }));
}

/** Cuts a text with an ellipsis so it fits `width`. */
export function fitText(text: string, size: number, width: number, measure: Measure, bold?: boolean): string {
  if (measure(text, size, bold) <= width) return text;
  let end = text.length;
  while (end > 1 && measure(`${text.slice(0, end)}…`, size, bold) > width) end -= 1;
  return `${text.slice(0, end)}…`;
}

/** Splits a text into lines no wider than `width` (at spaces; a long word is cut). */
export function wrap(text: string, size: number, width: number, measure: Measure): string[] {
  const lines: string[] = [];
  let current = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const candidate = current ? `${current} ${word}` : word;
    if (measure(candidate, size) <= width || !current) current = candidate;
    else {
      lines.push(current);
      current = word;
    }
  }
  if (current) lines.push(current);
  return lines.map((line) => fitText(line, size, width, measure));
}
