// Small inline SVG charts (built with createElementNS; no chart library needed for bars):
// horizontal bars of area per class, and a histogram of raster values.
const SVG = 'http://www.w3.org/2000/svg';

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

export interface Bar {
  label: string;
  value: number;
  /** formatted value shown after the bar */
  text: string;
  color?: string;
}

/** One labelled horizontal bar per class, longest = full width. */
export function barChart(bars: Bar[], title: string): SVGSVGElement {
  const rowH = 22;
  const width = 320;
  const labelW = 130;
  const max = Math.max(...bars.map((b) => b.value), 0) || 1;
  const root = svg('svg', { width, height: bars.length * rowH + 4, viewBox: `0 0 ${width} ${bars.length * rowH + 4}`, role: 'img', class: 'report-bars' });
  root.appendChild(svg('title', {}, title));
  bars.forEach((bar, i) => {
    const y = i * rowH + 2;
    const w = Math.max(1, ((width - labelW - 80) * bar.value) / max);
    root.appendChild(svg('text', { x: labelW - 6, y: y + 14, 'text-anchor': 'end', 'font-size': 11 }, bar.label.length > 18 ? `${bar.label.slice(0, 17)}…` : bar.label));
    root.appendChild(svg('rect', { x: labelW, y: y + 3, width: w, height: rowH - 8, fill: bar.color ?? '#3b6ea5' }));
    root.appendChild(svg('text', { x: labelW + w + 4, y: y + 14, 'font-size': 11 }, bar.text));
  });
  return root;
}

/** Vertical bars over [min, max]: counts per bin, with the range written under the axis. */
export function histogramChart(edges: number[], counts: number[], title: string, format: (v: number) => string): SVGSVGElement {
  const width = 320;
  const height = 120;
  const max = Math.max(...counts, 0) || 1;
  const barW = (width - 8) / Math.max(1, counts.length);
  const root = svg('svg', { width, height: height + 18, viewBox: `0 0 ${width} ${height + 18}`, role: 'img', class: 'report-histogram' });
  root.appendChild(svg('title', {}, title));
  counts.forEach((count, i) => {
    const h = ((height - 4) * count) / max;
    root.appendChild(svg('rect', { x: 4 + i * barW, y: height - h, width: Math.max(1, barW - 1), height: h, fill: '#5b8c3a' }));
  });
  root.appendChild(svg('line', { x1: 4, y1: height, x2: width - 4, y2: height, stroke: '#444' }));
  root.appendChild(svg('text', { x: 4, y: height + 14, 'font-size': 11 }, format(edges[0] ?? 0)));
  root.appendChild(svg('text', { x: width - 4, y: height + 14, 'font-size': 11, 'text-anchor': 'end' }, format(edges[edges.length - 1] ?? 0)));
  return root;
}
