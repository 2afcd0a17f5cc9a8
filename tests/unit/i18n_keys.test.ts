// The two UI string files must match key for key, with no empty text, and every literal
// t('key') in the source must exist in both — so a missing translation fails a test.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT as repoRoot } from '../support/shared_data';

const srcDir = path.join(repoRoot, 'src');

/** Reads src/i18n/<lang>.json; a missing or broken file fails the test that reads it. */
function readStrings(lang: string): unknown {
  return JSON.parse(readFileSync(path.join(srcDir, 'i18n', `${lang}.json`), 'utf8'));
}

/** Flattens nested objects to "a.b.c" → value; non-string leaves are kept to be reported. */
function flatten(value: unknown, prefix = '', out = new Map<string, unknown>()): Map<string, unknown> {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
    for (const [key, child] of Object.entries(value)) flatten(child, prefix ? `${prefix}.${key}` : key, out);
  } else {
    out.set(prefix, value);
  }
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

/** Literal keys of t('a.b'), i18next.t('a.b'), t("a.b") and t(`a.b`) (template literals without ${}). */
function usedKeys(): Map<string, string> {
  const keys = new Map<string, string>();
  const call = /(?<![\w$.])(?:i18next\.)?t\(\s*(['"`])([^'"`$\n]+)\1/g;
  for (const file of sourceFiles(srcDir)) {
    const text = readFileSync(file, 'utf8');
    for (const match of text.matchAll(call)) {
      const key = match[2];
      if (key !== undefined && !keys.has(key)) keys.set(key, path.relative(repoRoot, file));
    }
  }
  return keys;
}

/** "{{title}}" placeholders of a string, sorted, so both languages insert the same values. */
function placeholders(text: unknown): string[] {
  return typeof text === 'string' ? [...text.matchAll(/\{\{\s*([\w.]+)\s*\}\}/g)].map((m) => m[1] ?? '').sort() : [];
}

describe('UI strings (src/i18n/fr.json, en.json)', () => {
  const fr = flatten(readStrings('fr'));
  const en = flatten(readStrings('en'));

  it('have exactly the same keys', () => {
    const onlyFr = [...fr.keys()].filter((k) => !en.has(k)).map((k) => `missing in en.json: ${k}`);
    const onlyEn = [...en.keys()].filter((k) => !fr.has(k)).map((k) => `missing in fr.json: ${k}`);
    expect([...onlyFr, ...onlyEn]).toEqual([]);
    expect(fr.size).toBeGreaterThan(0);
  });

  it('have no empty or non-string values', () => {
    const bad: string[] = [];
    for (const [lang, strings] of [['fr', fr], ['en', en]] as const) {
      for (const [key, value] of strings) {
        if (typeof value !== 'string' || value.trim() === '') bad.push(`${lang}.json ${key}: ${JSON.stringify(value)}`);
      }
    }
    expect(bad).toEqual([]);
  });

  it('use the same {{placeholders}} in both languages', () => {
    const mismatched = [...fr.keys()]
      .filter((key) => en.has(key))
      .filter((key) => placeholders(fr.get(key)).join() !== placeholders(en.get(key)).join())
      .map((key) => `${key}: fr {${placeholders(fr.get(key)).join(',')}} ≠ en {${placeholders(en.get(key)).join(',')}}`);
    expect(mismatched).toEqual([]);
  });

  it('contain every key used as t(\'…\') in src/', () => {
    const used = usedKeys();
    // i18next plurals: t('x', { count }) reads x_one / x_other.
    const has = (strings: Map<string, unknown>, key: string) => strings.has(key) || strings.has(`${key}_other`);
    const missing = [...used]
      .flatMap(([key, file]) => [
        ...(has(fr, key) ? [] : [`${key} (used in ${file}) missing in fr.json`]),
        ...(has(en, key) ? [] : [`${key} (used in ${file}) missing in en.json`]),
      ]);
    expect(missing).toEqual([]);
  });
});
