// Which UI strings ship with the page — the first view's: panel, legend, header, basemap
// switcher, the toolbar's buttons, errors of the layers shown — and which load with the tools, in
// one chunk, before the first tool or deferred feature mounts (issue 15: first-load budget). Read
// by scripts/vite_strings_plugin.ts at build and src/i18n/index.ts at run time. A key asked before
// its part loaded logs "missing UI string: …", which fails the browser tests.

/** Whole blocks, or single keys ("block.key") of a block the tools otherwise own. */
export const CORE_STRINGS: readonly string[] = [
  'app', 'lang', 'panel', 'layers_shown', 'basemap', 'toolbar', 'features', 'notices', 'errors',
  'source_errors', 'url', 'attribution', 'sheet', 'info', 'search', 'geotiff', 'cog_sources',
  'offline.layer_missing',
  // the toolbar's buttons (src/ui/toolbar.ts TOOLS) are drawn before their tools load
  'verdict.button', 'verdict.button_title', 'aoi.button', 'add_data.button', 'add_data.button_title',
  'measure.button', 'measure.button_title', 'compare.button', 'compare.button_title', 'series.button',
  'print.button', 'print.button_title', 'offline.button', 'offline.button_title', 'gps.button', 'gps.button_title',
];

export type StringsPart = 'core' | 'tools';

type Strings = Record<string, unknown>;

/** The strings of `part`: the core entries, or everything else (blocks split key by key). */
export function stringsPart(strings: Strings, part: StringsPart): Strings {
  const wantCore = part === 'core';
  const out: Strings = {};
  for (const [block, value] of Object.entries(strings)) {
    if (CORE_STRINGS.includes(block)) {
      if (wantCore) out[block] = value;
      continue;
    }
    const keys = Object.entries(value as Strings).filter(([key]) => CORE_STRINGS.includes(`${block}.${key}`) === wantCore);
    if (keys.length > 0) out[block] = Object.fromEntries(keys);
  }
  return out;
}
