// Print marks: with coordinate ticks on, the scale bar's box covers none of the ticks' labels
// (it used to sit over the bottom-left ones).
import { describe, expect, it } from 'vitest';
import { coordinateTicks, emptyMarks, scaleBar, type MapMarks } from '../../src/queries/print_marks';
import type { Extent3857 } from '../../src/queries/print_geo';

type Box = { x0: number; y0: number; x1: number; y1: number };

/** A text's box, wide enough for Helvetica (digits and "°" ≤ 0.6 of the size; baseline at y). */
function textBox(text: MapMarks['texts'][number]): Box {
  const width = text.text.length * text.size * 0.6;
  const x0 = text.align === 'center' ? text.x - width / 2 : text.align === 'right' ? text.x - width : text.x;
  return { x0, y0: text.y, x1: x0 + width, y1: text.y + text.size };
}

const overlaps = (a: Box, b: Box) => a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;

/** A frame-sized extent of `metres` wide around (x, y) in Web Mercator. */
function extentAround(x: number, y: number, metres: number, frame: { width: number; height: number }): Extent3857 {
  const half = [metres / 2, (metres * frame.height) / frame.width / 2];
  return [x - half[0]!, y - half[1]!, x + half[0]!, y + half[1]!];
}

describe('print marks layout', () => {
  const frame = { x: 36, y: 120, width: 540, height: 400 };
  const views = [
    [-8_080_000, 5_840_000, 4_000], [-8_075_321, 5_843_210, 9_000], [-8_100_000, 6_500_000, 60_000],
    [-7_990_000, 5_950_000, 1_500], [-8_300_000, 7_900_000, 250_000],
  ] as const;

  it.each(views)('no tick label under the scale bar at %i, %i (%i m wide)', (x, y, metres) => {
    for (const u of [1, 2]) {
      const scaled = { x: frame.x * u, y: frame.y * u, width: frame.width * u, height: frame.height * u };
      const extent = extentAround(x, y, metres, scaled);
      const marks = emptyMarks();
      coordinateTicks(marks, extent, scaled, u);
      const tickTexts = marks.texts.length;
      expect(tickTexts).toBeGreaterThanOrEqual(6);
      scaleBar(marks, extent, scaled, u, true);
      const bar = marks.boxes[0]!;
      const barBox = { x0: bar.x, y0: bar.y, x1: bar.x + bar.width, y1: bar.y + bar.height };
      const under = marks.texts.slice(0, tickTexts).filter((text) => overlaps(textBox(text), barBox));
      expect(under.map((text) => text.text)).toEqual([]);
      // and the bar stays inside the frame
      expect(barBox.x1).toBeLessThan(scaled.x + scaled.width);
      expect(barBox.y1).toBeLessThan(scaled.y + scaled.height);
    }
  });
});
