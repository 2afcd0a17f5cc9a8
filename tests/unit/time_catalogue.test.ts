// The catalogue's time additions: source.series and time.values/field are checked with
// messages that name the problem.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatError, validateLayer } from '../../src/catalogue/validate';
import { repoRoot } from './cog_helpers';

const GROUPS = ['fires', 'forest', 'lidar', 'floods', 'reference'];
const seriesLayer = () => JSON.parse(readFileSync(path.join(repoRoot, 'layers/etendue-crue-2019.json'), 'utf8')) as Record<string, any>;
const problems = (layer: unknown) => validateLayer(layer, 'layers/etendue-crue-2019.json', GROUPS).map(formatError);

describe('time and series in the catalogue', () => {
  it('should accept the demo flood series', () => {
    expect(problems(seriesLayer())).toEqual([]);
  });

  it('should refuse unordered dates, a bad date and a url outside the series', () => {
    const layer = seriesLayer();
    layer.source.series = [{ date: '2019-05-04', url: 'a.tif' }, { date: '2019-04-20', url: 'b.tif' }, { date: '4 mai', url: 'c.tif' }];
    const found = problems(layer);
    expect(found).toContainEqual(expect.stringContaining('source.series[1].date: dates must ascend without repeats: 2019-04-20 follows 2019-05-04'));
    expect(found).toContainEqual(expect.stringContaining('source.series[2].date: ISO date or year expected'));
    expect(found).toContainEqual(expect.stringContaining("source.url: must be one of the series' urls"));
  });

  it('should require a time field without a series, and values of the declared kind', () => {
    const layer = seriesLayer();
    delete layer.source.series;
    layer.time = { kind: 'period', values: ['1990-1999', '2000'] };
    const found = problems(layer);
    expect(found).toContainEqual(expect.stringContaining('time.field: required unless source.series lists the dates'));
    expect(found).toContainEqual(expect.stringContaining('time.values[1]: period expected (1990-1999), "2000" found'));
    expect(found).toHaveLength(2);
  });
});
