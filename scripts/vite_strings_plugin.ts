// `import strings from 'virtual:geoveille-strings/fr/core'`: the blocks of src/i18n/fr.json the
// first view needs (src/i18n/parts.ts); `…/fr/tools` the others, loaded with the first tool. One
// file per language stays the source (tests and translators read it whole); the split is made here.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'vite';
import { stringsPart, type StringsPart } from '../src/i18n/parts.ts';

const PREFIX = 'virtual:geoveille-strings/';
const RESOLVED = `\0${PREFIX}`;

export function stringsParts(): Plugin {
  const folder = path.resolve(import.meta.dirname, '../src/i18n');
  return {
    name: 'geoveille-strings-parts',
    resolveId: (id) => (id.startsWith(PREFIX) ? `${RESOLVED}${id.slice(PREFIX.length)}` : undefined),
    load(id) {
      if (!id.startsWith(RESOLVED)) return undefined;
      const [lang = '', part = ''] = id.slice(RESOLVED.length).split('/');
      if (!/^[a-z]{2}$/.test(lang) || !['core', 'tools'].includes(part)) throw new Error(`unknown strings module ${id}`);
      const file = path.join(folder, `${lang}.json`);
      this.addWatchFile(file);
      const strings = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      return `export default ${JSON.stringify(stringsPart(strings, part as StringsPart))};`;
    },
  };
}
