// The UI strings' two parts (src/i18n/parts.ts): together they are the whole file, no key is in
// both, and every core entry names a block or key that exists (a typo would leave it to the tools).
import { describe, expect, it } from 'vitest';
import fr from '../../src/i18n/fr.json';
import en from '../../src/i18n/en.json';
import { CORE_STRINGS, stringsPart } from '../../src/i18n/parts';

type Strings = Record<string, Record<string, unknown>>;

function merged(a: Strings, b: Strings): Strings {
  const out: Strings = structuredClone(a);
  for (const [block, keys] of Object.entries(b)) out[block] = { ...out[block], ...keys };
  return out;
}

describe.each([['fr', fr], ['en', en]] as const)('UI strings parts (%s)', (_lang, strings) => {
  const core = stringsPart(strings, 'core') as Strings;
  const tools = stringsPart(strings, 'tools') as Strings;

  it('make the whole file together, with no key in both', () => {
    expect(merged(core, tools)).toEqual(strings);
    for (const [block, keys] of Object.entries(core)) {
      for (const key of Object.keys(keys)) expect(tools[block]?.[key], `${block}.${key} in both parts`).toBeUndefined();
    }
  });

  it('hold every core entry, in the core part', () => {
    for (const entry of CORE_STRINGS) {
      const [block = '', key] = entry.split('.');
      const value = key === undefined ? core[block] : core[block]?.[key];
      expect(value, `${entry} not found`).toBeDefined();
    }
    expect(Object.keys(tools).length).toBeGreaterThan(10);
  });
});
