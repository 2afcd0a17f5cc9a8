import { describe, expect, it } from 'vitest';
import type { LayerDefinition } from '../../src/catalogue/types';
import { initI18n } from '../../src/i18n';
import { attributionLine } from '../../src/ui/attribution';

function withCredit(licence: string, date: string): LayerDefinition {
  return { attribution: { organisation: { fr: 'Fichier local', en: 'Local file' }, licence, date } } as LayerDefinition;
}

describe('attributionLine', () => {
  it('should print date and licence when the layer file gives them', async () => {
    await initI18n('fr');
    expect(attributionLine(withCredit('CC-BY 4.0', '2024'))).toBe('© Fichier local (2024, CC-BY 4.0)');
  });

  it('should leave out unknown parts instead of printing placeholders', async () => {
    await initI18n('en');
    expect(attributionLine(withCredit('—', '—'))).toBe('© Local file');
    expect(attributionLine(withCredit('', '2019'))).toBe('© Local file (2019)');
  });
});

describe('attribution of an imported layer whose producer is not known yet', () => {
  it('should recognise the import marker, old and new, and nothing else', async () => {
    const { isToBeCompleted, TO_BE_COMPLETED } = await import('../../src/catalogue/attribution_marker');
    expect(isToBeCompleted(TO_BE_COMPLETED)).toBe(true);
    expect(isToBeCompleted({ fr: 'À préciser', en: 'To be specified' })).toBe(true);
    expect(isToBeCompleted({ fr: 'MRNF', en: 'MRNF' })).toBe(false);
  });
});
