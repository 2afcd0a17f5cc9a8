// A small drawn preview of a basemap, from its colours: land, a river, two streets, houses.
// Drawn rather than a screenshot, so it costs no request and follows the basemap's own palette.
const SVG = 'http://www.w3.org/2000/svg';

export interface ThumbnailPalette {
  land: string;
  water: string;
  road: string;
  building: string;
}

function shape(tag: string, attrs: Record<string, string | number>): SVGElement {
  const node = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, String(value));
  return node;
}

/** `null`: "no basemap", drawn as an empty checkerboard. */
export function thumbnail(palette: ThumbnailPalette | null): SVGElement {
  const svg = shape('svg', { viewBox: '0 0 56 40', width: 56, height: 40, class: 'basemap-thumb', 'aria-hidden': 'true' });
  if (!palette) {
    svg.append(shape('rect', { width: 56, height: 40, fill: '#ffffff' }));
    for (let x = 0; x < 56; x += 8) for (let y = (x / 8) % 2 ? 8 : 0; y < 40; y += 16) svg.append(shape('rect', { x, y, width: 8, height: 8, fill: '#e6e6e6' }));
    return svg;
  }
  svg.append(
    shape('rect', { width: 56, height: 40, fill: palette.land }),
    shape('path', { d: 'M18 0 C 26 12, 10 24, 20 40 L 28 40 C 18 24, 34 12, 26 0 Z', fill: palette.water }),
    shape('path', { d: 'M0 28 L56 22', stroke: palette.road, 'stroke-width': 3, fill: 'none' }),
    shape('path', { d: 'M40 0 L44 40', stroke: palette.road, 'stroke-width': 2, fill: 'none' }),
    ...[[32, 10], [47, 8], [33, 30], [48, 30], [5, 16]].map(([x, y]) => shape('rect', { x: x!, y: y!, width: 5, height: 5, fill: palette.building })),
  );
  return svg;
}
