// Tick labels under the time slider: the labels shown never overlap, the first and last are
// always shown, and nothing is thinned when everything fits.
import { describe, expect, it } from 'vitest';
import { fittingTicks, tickExtent, type TickBox, type TickLayout } from '../../src/ui/time_ticks';

const layout = (trackWidth: number): TickLayout => ({ trackWidth, edgeInset: 8, gap: 6 });
const evenly = (widths: number[]): TickBox[] => widths.map((width, i) => ({ position: widths.length > 1 ? i / (widths.length - 1) : 0, width }));

function overlapping(ticks: TickBox[], shown: number[], track: TickLayout): string[] {
  const problems: string[] = [];
  for (let k = 1; k < shown.length; k++) {
    const [, right] = tickExtent(ticks, shown[k - 1]!, track);
    const [left] = tickExtent(ticks, shown[k]!, track);
    if (right + track.gap > left) problems.push(`${shown[k - 1]}/${shown[k]}`);
  }
  return problems;
}

describe('tick labels that fit', () => {
  it('should show every label when there is room', () => {
    const ticks = evenly([30, 30, 30, 30]);
    expect(fittingTicks(ticks, layout(600))).toEqual([0, 1, 2, 3]);
  });

  it('should thin 46 years (1980–2025) on a 500 px track without overlap, keeping first and last', () => {
    const ticks = evenly(Array.from({ length: 46 }, () => 30));
    const track = layout(500);
    const shown = fittingTicks(ticks, track);
    expect(shown[0]).toBe(0);
    expect(shown[shown.length - 1]).toBe(45);
    expect(shown.length).toBeGreaterThan(5);
    expect(shown.length).toBeLessThan(46);
    expect(overlapping(ticks, shown, track)).toEqual([]);
  });

  it('should drop the label just before the last when the two would collide ("2022/2025")', () => {
    // Every 3rd of 46 ends at index 45 only by luck; 44 years: every k-th leaves one near the end.
    for (const count of [10, 17, 23, 44, 46, 150]) {
      for (const width of [26, 30, 44]) {
        const ticks = evenly(Array.from({ length: count }, () => width));
        for (const px of [180, 320, 616]) {
          const shown = fittingTicks(ticks, layout(px));
          expect(overlapping(ticks, shown, layout(px)), `${count} labels of ${width} px on ${px} px`).toEqual([]);
          expect(shown[0]).toBe(0);
          if (shown.length > 1) expect(shown[shown.length - 1]).toBe(count - 1);
        }
      }
    }
  });

  it('should measure each label: a wide one makes room around it', () => {
    const ticks = evenly([30, 30, 120, 30, 30]);
    const shown = fittingTicks(ticks, layout(300));
    expect(overlapping(ticks, shown, layout(300))).toEqual([]);
    expect(shown).not.toEqual([0, 1, 2, 3, 4]);
  });

  it('should keep the first alone on a track too narrow for two', () => {
    expect(fittingTicks(evenly([60, 60]), layout(40))).toEqual([0]);
    expect(fittingTicks([], layout(100))).toEqual([]);
  });
});
