// The toolbar's icons: 24×24 line drawings written for this app (no external assets), drawn
// with currentColor so they follow the button's text colour. Decorative: the label names the tool.
const PATHS: Record<string, string> = {
  // a house over waves
  flood: 'M4 11 12 4l8 7M7 9v5h10V9M3 18c2-1.5 4-1.5 6 0s4 1.5 6 0 4-1.5 6 0',
  // a dashed-corner polygon
  area: 'M5 6l7-3 7 5-2 10-10 2z M12 3v0 M5 6v0',
  // a plus in a stack of sheets
  add: 'M12 4v10M7 9h10M4 17l8 4 8-4M4 13l2 1M20 13l-2 1',
  // a ruler
  ruler: 'M3 16 16 3l5 5L8 21zM7 12l2 2M10 9l2 2M13 6l2 2',
  // two overlapping frames split by a bar
  compare: 'M4 5h16v14H4zM12 3v18M7 9l-2 3 2 3M17 9l2 3-2 3',
  // a line chart
  chart: 'M4 4v16h16M7 15l4-5 3 3 5-7',
  // three dots
  more: 'M5 12h.01M12 12h.01M19 12h.01',
  // a printer
  print: 'M7 9V4h10v5M6 17H4v-7h16v7h-2M7 14h10v6H7z',
  // a target (GPS)
  locate: 'M12 2v4M12 18v4M2 12h4M18 12h4M12 8a4 4 0 1 1 0 8 4 4 0 0 1 0-8z',
  // stacked layers (basemap)
  layers: 'M12 3 3 8l9 5 9-5zM3 13l9 5 9-5',
  // a cloud with an arrow (offline)
  offline: 'M7 18a4 4 0 0 1-.5-8A6 6 0 0 1 18 9a4 4 0 0 1-1 9M12 11v8M9 16l3 3 3-3',
};

export type IconName = keyof typeof PATHS;

/** An inline SVG icon, hidden from assistive technology. */
export function toolIcon(name: string): SVGSVGElement {
  const ns = 'http://www.w3.org/2000/svg';
  const svg = document.createElementNS(ns, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('width', '20');
  svg.setAttribute('height', '20');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  svg.setAttribute('class', 'tool-icon');
  const path = document.createElementNS(ns, 'path');
  path.setAttribute('d', PATHS[name] ?? PATHS.more!);
  path.setAttribute('fill', 'none');
  path.setAttribute('stroke', 'currentColor');
  path.setAttribute('stroke-width', name === 'more' ? '3' : '1.8');
  path.setAttribute('stroke-linecap', 'round');
  path.setAttribute('stroke-linejoin', 'round');
  svg.appendChild(path);
  return svg;
}
