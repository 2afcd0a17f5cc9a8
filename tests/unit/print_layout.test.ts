// Print maths and page plan: scale ↔ resolution ↔ zoom, the frame extent, the world file, and
// for every page size a plan whose map frame and texts stay on the page.
import { describe, expect, it } from 'vitest';
import {
  cssResolution, frameExtent, lonLatToMercator, mercatorToLonLat, resolutionForScale, resolutionToFit, roundLength,
  scaleForResolution, worldFile, zoomForResolution,
} from '../../src/queries/print_geo';
import { planPage, wrap } from '../../src/queries/print_layout';
import { steps } from '../../src/queries/print_marks';
import { DEFAULT_INCLUDES, PAGE_NAMES, pointsToPixels, type PrintContent, type PrintOptions } from '../../src/queries/print_page';

/** A crude monospace measure: half the font size per character. */
const measure = (text: string, size: number) => text.length * size * 0.5;

const CONTENT: PrintContent = {
  title: 'Carte', printed: 'Imprimé le 4 décembre 2026', permalink: 'https://example.org/#map=1/2/3', north: 'N', sourcesHeading: 'Sources',
  legend: Array.from({ length: 6 }, (_, i) => ({ title: `Couche ${i}`, time: 'Données : 2024', items: [{ label: 'Classe A', color: '#08519c' }, { label: 'Classe B', color: '#6baed6' }] })),
  sources: Array.from({ length: 6 }, (_, i) => `Couche ${i} : Ministère (CC-BY 4.0, 2024) `.repeat(3)),
};

describe('print maths', () => {
  it('should turn a 1:n scale into a resolution and back at any latitude', () => {
    for (const lat of [0, 46.35, 60]) {
      const resolution = resolutionForScale(25_000, 300, lat);
      expect(scaleForResolution(resolution, 300, lat)).toBeCloseTo(25_000, 6);
    }
    // at the equator, 1:25 000 at 300 dpi is 25 000 × 0.0254 / 300 m per pixel
    expect(resolutionForScale(25_000, 300, 0)).toBeCloseTo(2.1166667, 6);
  });

  it('should give the zoom whose device pixels have the resolution (MapLibre: 512 px world at zoom 0)', () => {
    const zoom = zoomForResolution(10, 3.125);
    expect(cssResolution(zoom) / 3.125).toBeCloseTo(10, 9);
    expect(cssResolution(0)).toBeCloseTo(40075016.686 / 512, 3);
  });

  it('should centre the frame extent and fit a visible extent inside it', () => {
    const centre = lonLatToMercator(-72.55, 46.35);
    const extent = frameExtent(centre, 2, 1000, 500);
    expect(extent).toEqual([centre[0] - 1000, centre[1] - 500, centre[0] + 1000, centre[1] + 500]);
    expect(resolutionToFit([0, 0, 3000, 1000], { width: 1000, height: 500 })).toBe(3);
    const [lon, lat] = mercatorToLonLat(...centre);
    expect([lon, lat].map((v) => Number(v.toFixed(9)))).toEqual([-72.55, 46.35]);
  });

  it('should write a world file whose origin is the centre of the upper-left pixel', () => {
    expect(worldFile([100, 200, 300, 300], 200, 100).trim().split('\n').map(Number)).toEqual([1, 0, 0, -1, 100.5, 299.5]);
  });

  it('should pick round lengths and round degree ticks', () => {
    expect([roundLength(7300), roundLength(1999), roundLength(0.9)]).toEqual([5000, 1000, 0.5]);
    expect(steps(-72.61, -72.49)).toEqual([-72.6, -72.55, -72.5]);
    expect(steps(-73, -71)).toEqual([-73, -72.5, -72, -71.5, -71]);
  });
});

describe('page plan', () => {
  for (const page of PAGE_NAMES) {
    for (const orientation of ['portrait', 'landscape'] as const) {
      it(`should keep the map and every text on a ${page} ${orientation} page`, () => {
        const options: PrintOptions = { title: 'Carte', page, orientation, dpi: 300, scale: null, include: { ...DEFAULT_INCLUDES, permalink: true } };
        const plan = planPage(options, CONTENT, measure);
        expect(plan.width > plan.height).toBe(orientation === 'landscape');
        expect(plan.map.height).toBeGreaterThan(plan.height * 0.4);
        for (const mark of plan.marks) {
          expect(mark.x).toBeGreaterThanOrEqual(0);
          expect(mark.y).toBeGreaterThanOrEqual(0);
          expect(mark.y).toBeLessThan(plan.height);
          if (mark.kind === 'text') expect(mark.x + measure(mark.text, mark.size)).toBeLessThanOrEqual(plan.width);
          // nothing of the footer is drawn over the map
          if (mark.kind === 'text' && mark.text !== 'Carte') expect(mark.y + mark.size).toBeLessThanOrEqual(plan.map.y);
        }
        for (const label of ['Couche 5', 'Classe B', CONTENT.printed]) expect(plan.marks.some((m) => m.kind === 'text' && m.text === label)).toBe(true);
      });
    }
  }

  it('should make A0 portrait at 300 dpi about 9,900 × 14,000 printed pixels of page', () => {
    expect([pointsToPixels(2383.94, 300), pointsToPixels(3370.39, 300)]).toEqual([9933, 14043]);
  });

  it('should wrap long source lines at spaces within the width', () => {
    const lines = wrap('un deux trois quatre cinq six sept', 10, 60, measure);
    expect(lines).toEqual(['un deux', 'trois quatre', 'cinq six', 'sept']);
  });
});
