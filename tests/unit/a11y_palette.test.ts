// Class colours stay apart for common colour-vision deficiencies and stand out from the
// basemap. Colours are blended with the layer's fill opacity over the land colour, as drawn;
// vision is simulated with Machado et al. 2009 (culori's filterDeficiency*, full severity) and
// compared with CIEDE2000. Each class must contrast ≥ 3:1 (WCAG 1.4.11) with land and water,
// through its fill or through its outline.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  differenceCiede2000, filterDeficiencyDeuter, filterDeficiencyProt, filterDeficiencyTrit,
  formatHex, interpolate, parse, wcagContrast, type Color,
} from 'culori';
import { describe, expect, it } from 'vitest';
import { BASEMAP_COLORS } from '../../src/map/basemap_style';
import type { LayerDefinition } from '../../src/catalogue/types';
import { REPO_ROOT as repoRoot } from '../support/shared_data';

/** ΔE00 above ~10 reads as "different colours" at a glance on a map. */
const MIN_DELTA_E = 10;
const MIN_CONTRAST = 3;
const CATEGORICAL_LAYERS = ['zones-inondables', 'perturbations-naturelles', 'crues-historiques'];

const deltaE = differenceCiede2000();
const VISIONS: Record<string, (color: Color) => Color> = {
  normal: (color) => color,
  protanopia: filterDeficiencyProt(1),
  deuteranopia: filterDeficiencyDeuter(1),
  tritanopia: filterDeficiencyTrit(1),
};

function readLayer(id: string): LayerDefinition {
  return JSON.parse(readFileSync(path.join(repoRoot, 'layers', `${id}.json`), 'utf8')) as LayerDefinition;
}

/** A ["match", ["get", f], v1, c1, v2, c2, …, fallback] expression (or one colour) as value → colour. */
function matchColours(expression: unknown): Map<string, string> {
  if (typeof expression === 'string') return new Map([['*', expression]]);
  const list = expression as unknown[];
  if (!Array.isArray(list) || list[0] !== 'match') throw new Error(`match expression expected, ${JSON.stringify(expression)} found`);
  const pairs = new Map<string, string>();
  for (let index = 2; index + 1 < list.length; index += 2) pairs.set(String(list[index]), String(list[index + 1]));
  return pairs;
}

interface ClassColour { value: string; drawn: string; outline?: string; legend?: string }

function classColours(def: LayerDefinition): ClassColour[] {
  const fill = def.style.find((layer) => layer.type === 'fill');
  const line = def.style.find((layer) => layer.type === 'line');
  if (!fill) throw new Error(`${def.id}: no fill layer`);
  const opacity = typeof fill.paint?.['fill-opacity'] === 'number' ? fill.paint['fill-opacity'] as number : 1;
  const outlines = line ? matchColours(line.paint?.['line-color']) : new Map<string, string>();
  return [...matchColours(fill.paint?.['fill-color'])].map(([value, colour], index) => ({
    value,
    drawn: formatHex(interpolate([BASEMAP_COLORS.land, colour])(opacity)),
    outline: outlines.get(value) ?? outlines.get('*'),
    legend: def.legend.items[index]?.color,
  }));
}

describe.each(CATEGORICAL_LAYERS)('palette of %s', (id) => {
  const classes = classColours(readLayer(id));

  it('should use the legend\'s colours, in order, for the classes it draws', () => {
    const def = readLayer(id);
    const fills = [...matchColours(def.style.find((layer) => layer.type === 'fill')!.paint!['fill-color'])].map(([, colour]) => colour);
    expect(def.legend.items.map((item) => item.color.toLowerCase())).toEqual(fills.map((colour) => colour.toLowerCase()));
  });

  it.each(Object.keys(VISIONS))(`should keep every pair of classes ≥ ${MIN_DELTA_E} ΔE00 apart with %s vision`, (vision) => {
    const simulate = VISIONS[vision]!;
    const close: string[] = [];
    for (let i = 0; i < classes.length; i++) {
      for (let j = i + 1; j < classes.length; j++) {
        const distance = deltaE(simulate(parse(classes[i]!.drawn)!), simulate(parse(classes[j]!.drawn)!));
        if (distance < MIN_DELTA_E) close.push(`${classes[i]!.value}/${classes[j]!.value}: ${distance.toFixed(1)}`);
      }
    }
    expect(classes.length).toBeGreaterThan(1);
    expect(close).toEqual([]);
  });

  it.each(Object.entries(BASEMAP_COLORS).filter(([name]) => name === 'land' || name === 'water'))(
    `should contrast ≥ ${MIN_CONTRAST}:1 with the basemap %s through fill or outline`, (_name, background) => {
      const faint = classes.filter((item) => Math.max(
        wcagContrast(item.drawn, background),
        item.outline ? wcagContrast(item.outline, background) : 0) < MIN_CONTRAST)
        .map((item) => `${item.value}: fill ${wcagContrast(item.drawn, background).toFixed(2)}, outline ${item.outline ?? 'none'}`);
      expect(faint).toEqual([]);
    });
});
