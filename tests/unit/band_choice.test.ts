import { describe, expect, it } from 'vitest';
import { bandChoices, withBandChoice } from '../../src/state/band_choice';
import { bandsPickable, renderingForBands } from '../../src/sources/cog/band_rendering';

describe('band choice in the URL (bands=id:b or id:r.g.b)', () => {
  it('reads one band or a triple per layer and drops malformed entries', () => {
    const choices = bandChoices([['print', '1'], ['bands', 'ortho:4.3.2,hyper:57,bad:0,worse:1.2,UPPER:1,x:abc']]);
    expect([...choices]).toEqual([['ortho', [4, 3, 2]], ['hyper', [57]]]);
  });

  it('sets, replaces and removes a layer\'s choice, keeping other keys and layers', () => {
    let extra: Array<[string, string]> = [['print', '1']];
    extra = withBandChoice(extra, 'ortho', [4, 3, 2]);
    extra = withBandChoice(extra, 'hyper', [57]);
    expect(extra).toEqual([['print', '1'], ['bands', 'ortho:4.3.2,hyper:57']]);
    extra = withBandChoice(extra, 'ortho', [1]);
    expect(bandChoices(extra).get('ortho')).toEqual([1]);
    extra = withBandChoice(withBandChoice(extra, 'ortho', null), 'hyper', null);
    expect(extra).toEqual([['print', '1']]);
  });
});

describe('rendering for picked bands', () => {
  it('one band: continuous with the layer\'s ramp (else viridis) stretched 2–98 %; three: RGB stretched', () => {
    const base = { mode: 'continuous' as const, bands: [1], ramp: [[0, '#000000'], [9, '#ffffff']] as Array<[number, string]>, resampling: 'nearest' as const };
    expect(renderingForBands(base, [3])).toEqual({ mode: 'continuous', bands: [3], ramp: base.ramp, stretchPercent: [2, 98], resampling: 'nearest' });
    expect(renderingForBands({ mode: 'rgb' }, [2]).ramp?.[0]).toEqual([0, '#440154']);
    expect(renderingForBands(base, [4, 3, 2])).toEqual({ mode: 'rgb', bands: [4, 3, 2], stretchPercent: [2, 98], resampling: 'nearest' });
  });

  it('offers the picker on RGB and continuous layers, not categorical tables or derived products', () => {
    expect(bandsPickable({ mode: 'rgb' })).toBe(true);
    expect(bandsPickable({ mode: 'continuous' })).toBe(true);
    expect(bandsPickable({ mode: 'categorical' })).toBe(false);
    expect(bandsPickable({ mode: 'continuous', product: 'hillshade' })).toBe(false);
    expect(bandsPickable(undefined)).toBe(false);
  });
});
