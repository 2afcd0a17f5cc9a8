// Address search at Québec's size: 4,000,000 synthetic addresses over 1,100 Zipf-sized towns
// (address_generate.ts), indexed by `npm run import -- addresses` in a child process (time and peak
// memory), then 1,000 random addresses looked up cold over loopback HTTP, typed three ways: in full,
// without the municipality, and in full with one typo. Recall is "in the top 5". Files go to a
// temporary folder, removed afterwards. ADDRESS_BENCH_COUNT=200000 for a quick run.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { mulberry32, type Random } from '../../src/cli/demo/prng';
import type { AddressRecord } from '../../src/queries/search/address_format';
import { AddressIndex, type AddressHit } from '../../src/queries/search/address_reader';
import { searchForm, tokens } from '../../src/queries/search/normalize';
import { generateAddresses } from './address_generate';
import { serveFolder } from './static_server';
import type { BenchModule, BenchRow } from './table';
import { REPO_ROOT as repoRoot } from '../support/shared_data';

const COUNT = Number(process.env.ADDRESS_BENCH_COUNT ?? 4_000_000);
const TOWNS = 1100;
const SAMPLE = 1000;

/** One edit (swap, drop, double or replace a letter) inside a word of 5+ letters of the street name or municipality. */
export function withTypo(record: AddressRecord, rand: Random): string {
  const text = `${record.address}, ${record.municipality}`;
  const words = [...text.matchAll(/\p{L}{5,}/gu)].filter((m) => !['chemin', 'avenue', 'boulevard', 'Saint', 'Sainte', 'montée', 'impasse', 'croissant'].includes(m[0]));
  const word = words[Math.floor(rand() * words.length)];
  if (!word) return text;
  const at = word.index! + 1 + Math.floor(rand() * (word[0].length - 2)); // not the first letter, not the last
  const kind = Math.floor(rand() * 4);
  const letters = 'abcdefghijklmnopqrstuvwxyz';
  const edit = [
    () => text.slice(0, at) + text[at + 1] + text[at] + text.slice(at + 2),
    () => text.slice(0, at) + text.slice(at + 1),
    () => text.slice(0, at) + text[at] + text.slice(at),
    () => text.slice(0, at) + letters[Math.floor(rand() * 26)] + text.slice(at + 1),
  ][kind]!();
  return tokens(edit).join(' ') === tokens(text).join(' ') ? withTypo(record, rand) : edit;
}

interface Outcome { found: boolean; ambiguous: boolean; requests: number; ms: number }

/** Found: the address itself is in the top 5. Ambiguous: the same address text exists in 5+ other towns, all ranked above. */
async function lookUp(base: string, query: string, target: AddressRecord): Promise<Outcome> {
  let requests = 0;
  const index = new AddressIndex(async (file) => {
    requests++;
    const response = await fetch(new URL(file, base));
    if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
    return response.json();
  });
  const started = performance.now();
  const { hits } = await index.search(query, 5);
  const ms = performance.now() - started;
  const same = (hit: AddressHit) => searchForm(hit.address) === searchForm(target.address);
  const found = hits.some((hit) => same(hit) && hit.municipality === target.municipality);
  return { found, ambiguous: !found && hits.length === 5 && hits.every((hit) => same(hit) && hit.score === 1), requests, ms };
}

function summary(outcomes: Outcome[]) {
  const ms = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]!;
  return {
    found: outcomes.filter((o) => o.found).length,
    ambiguous: outcomes.filter((o) => o.ambiguous).length,
    maxRequests: Math.max(...outcomes.map((o) => o.requests)),
    p50: at(0.5), p95: at(0.95), max: ms.at(-1)!,
  };
}

async function buildIndex(csv: string, outDir: string): Promise<{ ms: number; peakMb: number; detail: string }> {
  const started = performance.now();
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/import/main.ts', 'addresses', csv, '--id', 'bench', '--out-dir', outDir], { cwd: repoRoot, maxBuffer: 1 << 20 });
  const peakMb = Number(/peak memory (\d+) MB/.exec(stdout)?.[1] ?? NaN);
  return { ms: performance.now() - started, peakMb, detail: stdout.split('\n')[1]?.trim() ?? '' };
}

const bench: BenchModule = {
  name: 'address search (4 M synthetic addresses)',
  async run(): Promise<BenchRow[]> {
    const dir = mkdtempSync(path.join(tmpdir(), 'geoveille-address-bench-'));
    try {
      const csv = path.join(dir, 'addresses.csv');
      const sample = await generateAddresses(csv, { count: COUNT, towns: TOWNS, seed: 15, sampleSize: SAMPLE });
      const build = await buildIndex(csv, path.join(dir, 'out'));
      const server = await serveFolder(path.join(dir, 'out', 'bench'));
      const rand = mulberry32(1515);
      const ways: Array<[string, (r: AddressRecord) => string]> = [
        ['full', (r) => `${r.address}, ${r.municipality}`],
        ['without municipality', (r) => r.address],
        ['one typo', (r) => withTypo(r, rand)],
      ];
      const rows: BenchRow[] = [{
        case: `address index build, ${COUNT.toLocaleString('en')} addresses, ${TOWNS} towns`, ours_ms: build.ms, theirs_ms: 172_000,
        baseline: 'format-1 index (issue 15: 172 s, 4.4 GB)', check: `peak RSS ${build.peakMb} MB`, note: build.detail,
      }];
      try {
        for (const [way, type] of ways) {
          const outcomes: Outcome[] = [];
          for (const record of sample) outcomes.push(await lookUp(server.url, type(record), record));
          const s = summary(outcomes);
          const recall = (100 * s.found) / sample.length;
          rows.push({
            case: `address lookup, cold, ${way} (${sample.length} random)`, ours_ms: s.p50, theirs_ms: 300, baseline: 'budget 300 ms per cold lookup',
            check: `top-5 recall ${recall.toFixed(1)} %${s.ambiguous ? `; + ${s.ambiguous} ambiguous (same address in 5+ towns, all shown)` : ''}`,
            note: `≤ ${s.maxRequests} requests; p95 ${s.p95.toFixed(0)} ms, max ${s.max.toFixed(0)} ms`,
          });
        }
      } finally {
        await server.close();
      }
      return rows;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
export default bench;
