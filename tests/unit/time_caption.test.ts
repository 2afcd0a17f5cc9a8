// The caption lines printed under an exported map: one per time layer shown, the driven layer
// first, with its title and time, in the UI language.
import { describe, expect, it } from 'vitest';
import { initI18n, loadToolStrings, setLang } from '../../src/i18n';
import { timeCaptionLines } from '../../src/ui/time_caption';

describe('time caption of exported maps', () => {
  it('should name each time layer and its time, the driven one first, in French then English', async () => {
    await initI18n('fr');
    await loadToolStrings(); // the time feature's strings, as when it mounts
    const times = [
      { title: 'Étendue de crue 2019', label: '4 mai 2019', driven: false },
      { title: 'Perturbations naturelles', label: '1990–2019', driven: true },
    ];
    const fr = timeCaptionLines(times);
    expect(fr).toHaveLength(2);
    expect(fr[0]).toContain('Perturbations naturelles');
    expect(fr[0]).toContain('1990–2019');
    expect(fr[1]).toContain('4 mai 2019');
    expect(fr[0]).toMatch(/^Date affichée/);
    await setLang('en');
    const en = timeCaptionLines(times);
    expect(en[0]).toMatch(/^Time shown/);
    expect(en[0]).not.toBe(fr[0]);
    expect(timeCaptionLines([])).toEqual([]);
  });
});
