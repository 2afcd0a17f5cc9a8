// Speed of refusing or cleaning bad input, against the budgets the tests used to assert (moved
// here so a loaded machine cannot fail a test on time alone): every case of the bad-input corpus
// read in-process, and the AOI geometry checks on a dense zigzag and a 250 000-vertex ring.
// A row's "theirs" column is the budget; a ratio under 1× is over budget.
import { isCertainlyValid } from '../../src/queries/aoi_geometry_valid';
import { cleanGeometry } from '../../src/queries/aoi_geometry_repair';
import { corpusCases } from '../corpus/cases';
import { runCase } from '../corpus/read';
import { wavyRing, zigzagRing } from '../support/rings';
import { timeIt, type BenchModule, type BenchRow } from './table';

const CORPUS_BUDGET_MS = 5000;

async function corpusRows(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const item of corpusCases()) {
    const result = await runCase(item);
    const budget = item.maxMs ?? CORPUS_BUDGET_MS;
    rows.push({
      case: `corpus ${item.name}`, ours_ms: result.ms, theirs_ms: budget, baseline: 'budget',
      check: result.ok ? 'accepted' : 'refused', note: result.ms > budget ? 'OVER BUDGET' : undefined,
    });
  }
  return rows;
}

async function geometryRows(): Promise<BenchRow[]> {
  const zigzag = await timeIt(() => isCertainlyValid([[zigzagRing(20_000)]]));
  const ring = wavyRing(250_000, 3);
  const clean = await timeIt(() => cleanGeometry({ type: 'Polygon', coordinates: [ring] }));
  return [
    { case: 'AOI validity check gives up on a 20 000-vertex zigzag', ours_ms: zigzag.ms, theirs_ms: 2000, baseline: 'budget', check: `certain: ${zigzag.value}` },
    { case: 'AOI clean of a valid 250 000-vertex ring', ours_ms: clean.ms, theirs_ms: 8000, baseline: 'budget (union alone ~14 s)', check: `notes: ${clean.value.notes.length}` },
  ];
}

const bench: BenchModule = {
  name: 'input budgets (corpus, AOI geometry)',
  async run() {
    return [...(await corpusRows()), ...(await geometryRows())];
  },
};
export default bench;
