// Bench page (not part of the app bundle): runs the case named in the query string and leaves
// its result in window.__bench for the Node runner (tests/bench/cog_browser.ts).
import { decodeRun, oursFirstView, oursPoint } from './ours';
import { mcpPoint, olFirstView } from './peers';

type Result = Record<string, unknown>;
const params = new URLSearchParams(location.search);
const file = new URL(params.get('file') ?? '', location.href).href;
const lon = Number(params.get('lon')), lat = Number(params.get('lat'));
const cases: Record<string, () => Promise<Result>> = {
  'ours-point': () => oursPoint(file, lon, lat),
  'mcp-point': () => mcpPoint(file, lon, lat),
  'ours-view': () => oursFirstView(file),
  'ol-view': () => olFirstView(file),
  'decode-pool': () => decodeRun(file, true),
  'decode-single': () => decodeRun(file, false),
};
const run = cases[params.get('case') ?? ''];
const done = (result: Result) => Object.assign(window, { __bench: result });
if (!run) done({ error: `unknown case ${params.get('case')}` });
else run().then(done, (error: unknown) => done({ error: error instanceof Error ? error.message : String(error) }));
