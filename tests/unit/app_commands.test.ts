// Typed commands between features and the time state the context owns, without a browser.
import { describe, expect, it } from 'vitest';
import { AppCommands } from '../../src/app/commands';
import { ShownTimes } from '../../src/state/shown_times';
import type { ShownTime } from '../../src/state/time_state';
import type { ReportAoi } from '../../src/ui/report_types';

const AOI = { id: 'a1', name: 'Secteur', feature: { type: 'Feature', properties: {}, geometry: { type: 'Polygon', coordinates: [] } } } as unknown as ReportAoi;

describe('app commands', () => {
  it('should run the handler the feature provided, until it is taken back', () => {
    const commands = new AppCommands();
    const reports: string[] = [];
    const undo = commands.provide('showReport', (aoi) => reports.push(aoi.name));
    commands.showReport(AOI);
    undo();
    commands.showReport(AOI);
    expect(reports).toEqual(['Secteur']);
  });

  it('should do nothing while no feature provides the command', () => {
    expect(() => new AppCommands().showVerdict({ lon: -72.5, lat: 46.3 })).not.toThrow();
  });

  it('should keep a newer handler when an older one is taken back', () => {
    const commands = new AppCommands();
    const seen: string[] = [];
    const undoOld = commands.provide('showVerdict', () => seen.push('old'));
    commands.provide('showVerdict', (point) => seen.push(`new ${point.label}`));
    undoOld();
    commands.showVerdict({ lon: 0, lat: 0, label: 'Trois-Rivières' });
    expect(seen).toEqual(['new Trois-Rivières']);
  });
});

describe('shown times', () => {
  const time = (layerId: string, driven: boolean): ShownTime => ({
    layerId, driven, title: layerId, kind: 'date', filter: null, label: '2019', selection: { mode: 'single', value: '2019' },
  });

  it('should tell each change and answer what the control drives and what each layer shows', () => {
    const told: number[] = [];
    const times = new ShownTimes((list) => told.push(list.length));
    expect(times.current()).toBeNull();
    times.set([time('feux', false), time('crue', true)]);
    expect(times.current()?.layerId).toBe('crue');
    expect(times.of('feux')?.driven).toBe(false);
    expect(times.of('absent')).toBeUndefined();
    expect(times.all().map((entry) => entry.layerId)).toEqual(['feux', 'crue']);
    times.set([]);
    expect(told).toEqual([2, 0]);
  });
});
