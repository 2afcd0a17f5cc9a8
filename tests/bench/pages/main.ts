// Bench page (not part of the app bundle): runs the case named in the query string and leaves
// its result in window.__bench for the Node runner (tests/bench/cog_browser.ts).
import { decodeRun, oursFirstView, oursFirstViewCatalogue, oursPoint } from './ours';
import { mcpPoint, olFirstView } from './peers';
import { zonalResponsiveness } from './zonal';
import { exportResponsiveness } from './export';

type Result = Record<string, unknown>;
const params = new URLSearchParams(location.search);
const file = new URL(params.get('file') ?? '', location.href).href;
const lon = Number(params.get('lon')), lat = Number(params.get('lat'));
const warm = params.get('warm');
const cases: Record<string, () => Promise<Result>> = {
  'ours-point': () => oursPoint(file, lon, lat),
  'mcp-point': () => mcpPoint(file, lon, lat),
  'ours-view': () => oursFirstView(file),
  'ours-view-catalogue': () => oursFirstViewCatalogue(file, new URL(warm ?? '', location.href).href),
  'ol-view': () => olFirstView(file),
  'decode-pool': () => decodeRun(file, true),
  'decode-single': () => decodeRun(file, false),
  'zonal-worker': () => zonalResponsiveness(file, true),
  'zonal-main': () => zonalResponsiveness(file, false),
  'export-worker': () => exportResponsiveness(file, true),
  'export-main': () => exportResponsiveness(file, false),
};
// Point cases first run once on `warm` (the same file under another, uncounted URL): both
// libraries then start from the same state — modules, lazily loaded codecs and JIT warm, the
// measured file never read — so the timing is the value query itself, not page start-up.
const warmCases: Record<string, () => Promise<unknown>> = {
  'ours-point': () => oursPoint(new URL(warm ?? '', location.href).href, lon, lat),
  'mcp-point': () => mcpPoint(new URL(warm ?? '', location.href).href, lon, lat),
};
const run = cases[params.get('case') ?? ''];
const warmUp = warm ? warmCases[params.get('case') ?? ''] : undefined;
const done = (result: Result) => Object.assign(window, { __bench: result });
if (!run) done({ error: `unknown case ${params.get('case')}` });
else (warmUp ? warmUp() : Promise.resolve()).then(run).then(done, (error: unknown) => done({ error: error instanceof Error ? error.message : String(error) }));
