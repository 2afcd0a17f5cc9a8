// An inline SVG chart of a pixel time series: dates placed at their real spacing on the x axis,
// a step line for categories (flooded yes/no) or a straight line for continuous values, axis
// labels in the UI language. Hand-built with createElementNS: a few dozen elements do not
// need a chart library.
import type { SeriesPoint } from '../queries/series';

const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 340;
const HEIGHT = 190;
// The y-axis title sits above the axis, horizontal, so a long one is never cut (it was rotated).
const MARGIN = { left: 84, right: 30, top: 28, bottom: 44 };

export interface SeriesChartOptions {
  title: string;
  xTitle: string;
  yTitle: string;
  /** Step line and one labelled tick per category (code → label). */
  categories?: Array<{ value: number; label: string }>;
  formatDate(date: string): string;
  formatValue(value: number): string;
  color?: string;
  /** x position of the i-th point (default: its date); e.g. the band number of a series over bands. */
  position?(index: number): number;
}

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

const dayOf = (date: string) => Date.UTC(Number(date.slice(0, 4)), Number(date.slice(5, 7) || 1) - 1, Number(date.slice(8, 10) || 1));

/** [min, max] of the y axis: the categories, else the values (a flat series gets some room). */
function yDomain(points: SeriesPoint[], categories?: SeriesChartOptions['categories']): [number, number] {
  const values = [...points.flatMap((p) => (p.value === null ? [] : [p.value])), ...(categories ?? []).map((c) => c.value)];
  if (values.length === 0) return [0, 1];
  const [min, max] = [Math.min(...values), Math.max(...values)];
  return min === max ? [min - 1, max + 1] : [min, max];
}

export function seriesChart(points: SeriesPoint[], options: SeriesChartOptions): SVGSVGElement {
  const root = svg('svg', { width: WIDTH, height: HEIGHT, viewBox: `0 0 ${WIDTH} ${HEIGHT}`, role: 'img', class: 'series-chart' });
  root.appendChild(svg('title', {}, options.title));
  const plotW = WIDTH - MARGIN.left - MARGIN.right;
  const plotH = HEIGHT - MARGIN.top - MARGIN.bottom;
  const days = points.map((p, i) => (options.position ? options.position(i) : dayOf(p.date)));
  const [d0, d1] = [Math.min(...days), Math.max(...days)];
  const x = (day: number) => MARGIN.left + (d1 > d0 ? ((day - d0) / (d1 - d0)) * plotW : plotW / 2);
  const [y0, y1] = yDomain(points, options.categories);
  const y = (value: number) => MARGIN.top + plotH - ((value - y0) / (y1 - y0)) * plotH;
  drawAxes(root, points, options, x, y, [y0, y1], days);
  drawLine(root, points, options, x, y, days);
  return root;
}

function drawAxes(root: SVGSVGElement, points: SeriesPoint[], options: SeriesChartOptions, x: (d: number) => number,
  y: (v: number) => number, [y0, y1]: [number, number], days: number[]): void {
  const bottom = HEIGHT - MARGIN.bottom;
  root.appendChild(svg('line', { x1: MARGIN.left, y1: bottom, x2: WIDTH - MARGIN.right, y2: bottom, stroke: '#555' }));
  root.appendChild(svg('line', { x1: MARGIN.left, y1: MARGIN.top, x2: MARGIN.left, y2: bottom, stroke: '#555' }));
  const ticks = options.categories ?? [y0, (y0 + y1) / 2, y1].map((value) => ({ value, label: options.formatValue(value) }));
  for (const tick of ticks) {
    root.appendChild(svg('line', { x1: MARGIN.left - 4, y1: y(tick.value), x2: WIDTH - MARGIN.right, y2: y(tick.value), stroke: '#ddd' }));
    root.appendChild(svg('text', { x: MARGIN.left - 6, y: y(tick.value) + 4, 'text-anchor': 'end', 'font-size': 11 }, tick.label));
  }
  // Every date when few, else first, middle and last, so labels never overlap.
  const shown = points.length <= 5 ? points.map((_, i) => i) : [0, Math.floor((points.length - 1) / 2), points.length - 1];
  for (const i of shown) {
    const px = x(days[i]!);
    root.appendChild(svg('line', { x1: px, y1: bottom, x2: px, y2: bottom + 4, stroke: '#555' }));
    root.appendChild(svg('text', { x: px, y: bottom + 16, 'text-anchor': 'middle', 'font-size': 11 }, options.formatDate(points[i]!.date)));
  }
  root.appendChild(svg('text', { x: MARGIN.left + (WIDTH - MARGIN.left - MARGIN.right) / 2, y: HEIGHT - 6, 'text-anchor': 'middle', 'font-size': 11, fill: '#555' }, options.xTitle));
  root.appendChild(svg('text', { x: 4, y: 14, 'text-anchor': 'start', 'font-size': 11, fill: '#555', class: 'series-y-title' }, options.yTitle));
}

function drawLine(root: SVGSVGElement, points: SeriesPoint[], options: SeriesChartOptions, x: (d: number) => number,
  y: (v: number) => number, days: number[]): void {
  const color = options.color ?? '#0b5cad';
  // A gap wherever a date has no value; steps hold a category until the next date.
  let path = '';
  let previous: { px: number; py: number } | null = null;
  points.forEach((point, i) => {
    if (point.value === null) {
      previous = null;
      return;
    }
    const px = x(days[i]!);
    const py = y(point.value);
    if (!previous) path += `M${px},${py}`;
    else path += options.categories ? `H${px}V${py}` : `L${px},${py}`;
    previous = { px, py };
  });
  if (path) root.appendChild(svg('path', { d: path, fill: 'none', stroke: color, 'stroke-width': 2, class: 'series-line' }));
  points.forEach((point, i) => {
    if (point.value === null) return;
    const dot = svg('circle', { cx: x(days[i]!), cy: y(point.value), r: 4, fill: color, class: 'series-point', 'data-date': point.date, 'data-value': point.value });
    dot.appendChild(svg('title', {}, `${options.formatDate(point.date)} : ${options.formatValue(point.value)}`));
    root.appendChild(dot);
  });
}
