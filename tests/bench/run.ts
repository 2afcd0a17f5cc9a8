// `npm run bench`: runs each benchmark module in turn and prints one table of ratios.
// Add a benchmark by adding its module to this list. `npm run bench -- <word>` runs only the
// modules whose name contains the word (e.g. `zonal`, `vector`, `point`, `first view`).
import { printTable, type BenchModule, type BenchRow } from './table';

const MODULES: Array<() => Promise<BenchModule>> = [
  async () => (await import('./zonal_vs_geoblaze')).default,
  async () => (await import('./vector_vs_turf_loop')).default,
  async () => (await import('./cog_point_value')).default,
  async () => (await import('./cog_first_view')).default,
  async () => (await import('./cog_decode')).default,
  async () => (await import('./print_pages')).default,
  async () => (await import('./address_search')).default,
  async () => (await import('./address_to_verdict')).default,
  async () => (await import('./zonal_tally')).default,
  async () => (await import('./zonal_scale')).default,
  async () => (await import('./zonal_page')).default,
  async () => (await import('./export_page')).default,
  async () => (await import('./partition_jobs')).default,
  async () => (await import('./input_budgets')).default,
  async () => (await import('./first_load')).default,
];

const only = process.argv[2]?.toLowerCase();
const rows: BenchRow[] = [];
for (const load of MODULES) {
  try {
    const bench = await load();
    if (only && !bench.name.toLowerCase().includes(only)) continue;
    try {
      rows.push(...(await bench.run()));
    } catch (error) {
      console.error(`${bench.name}: ${error instanceof Error ? error.message : String(error)}`);
    }
  } catch (error) {
    console.error(`benchmark module failed to load: ${error instanceof Error ? error.message : String(error)}`);
  }
}
await (await import('./cog_browser')).closeBenchBrowser();
printTable(rows);
