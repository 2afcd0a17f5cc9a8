// Address search at Québec's size: 4,000,000 synthetic addresses over 1,100 Zipf-sized towns
// (address_generate.ts), indexed by `npm run import -- addresses` in a child process (time and peak
// memory), then 1,000 random addresses looked up cold over loopback HTTP, typed three ways: in full,
// without the municipality, and in full with one typo. Recall is "in the top 5". Each lookup's
// CPU time (this process: the reader, and the loopback server) is printed beside its wall time,
// which on a loaded machine is mostly waiting for a core. Files go to a
// folder kept between runs (the build takes minutes): ADDRESS_BENCH_DIR, by default
// <tmp>/geoveille-address-bench-<count>; ADDRESS_BENCH_REBUILD=1 builds again. ADDRESS_BENCH_COUNT=200000 for a quick run.
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { mulberry32, type Random } from '../../src/cli/demo/prng';
import { INDEX_VERSION, type AddressRecord } from '../../src/queries/search/address_format';
import { AddressIndex, type AddressHit } from '../../src/queries/search/address_reader';
import { searchForm, tokens } from '../../src/queries/search/normalize';
import { generateAddresses } from './address_generate';
import { serveFolder } from './static_server';
import type { BenchModule, BenchRow } from './table';
import { REPO_ROOT as repoRoot } from '../support/shared_data';

const COUNT = Number(process.env.ADDRESS_BENCH_COUNT ?? 4_000_000);
const TOWNS = 1100;
const SAMPLE = 1000;
/** ADDRESS_BENCH_MISSES=1: print every address not found, with what came instead. */
const SHOW_MISSES = process.env.ADDRESS_BENCH_MISSES === '1';

function showMiss(query: string, target: AddressRecord, top: AddressHit[]): void {
  const shown = top.map((hit) => `${hit.address} | ${hit.group ? `${hit.group.length} towns` : hit.municipality} (${hit.score})`);
  console.error(`missed "${query}" (${target.address} | ${target.municipality}) → ${shown.join('; ') || 'nothing'}`);
}

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

interface Outcome { direct: boolean; viaGroup: boolean; groupSize: number; requests: number; ms: number; cpuMs: number; top: AddressHit[] }

/**
 * Direct: the address itself, in its municipality, is one of the top 5 hits. Via a group: one of
 * the top 5 is a grouped hit (the same address in many towns) whose list holds its municipality.
 */
async function lookUp(base: string, query: string, target: AddressRecord): Promise<Outcome> {
  let requests = 0;
  const index = new AddressIndex(async (file) => {
    requests++;
    const response = await fetch(new URL(file, base));
    if (!response.ok) throw new Error(`${file}: HTTP ${response.status}`);
    return response.json();
  });
  const cpu = process.cpuUsage();
  const started = performance.now();
  const { hits } = await index.search(query, 5);
  const ms = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const same = (hit: AddressHit) => searchForm(hit.address) === searchForm(target.address);
  const direct = hits.some((hit) => !hit.group && same(hit) && hit.municipality === target.municipality);
  const group = hits.find((hit) => hit.group && same(hit) && hit.group.some((town) => town.municipality === target.municipality));
  return { direct, viaGroup: !direct && group !== undefined, groupSize: group?.group?.length ?? 0, requests, ms, cpuMs: (used.user + used.system) / 1000, top: hits };
}

function lookupRow(way: string, outcomes: Outcome[]): BenchRow {
  const ms = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  const at = (q: number) => ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]!;
  const cpu = outcomes.map((o) => o.cpuMs).sort((a, b) => a - b);
  const percent = (n: number) => `${((100 * n) / outcomes.length).toFixed(1)} %`;
  const direct = outcomes.filter((o) => o.direct).length;
  const grouped = outcomes.filter((o) => o.viaGroup);
  const groups = grouped.length ? `; via a grouped hit ${percent(grouped.length)} (groups of ${Math.min(...grouped.map((o) => o.groupSize))}–${Math.max(...grouped.map((o) => o.groupSize))} towns)` : '';
  return {
    case: `address lookup, cold, ${way} (${outcomes.length} random)`, ours_ms: at(0.5), theirs_ms: 300, baseline: 'budget 300 ms per cold lookup',
    check: `top-5 recall ${percent(direct + grouped.length)}: direct ${percent(direct)}${groups}`,
    note: `≤ ${Math.max(...outcomes.map((o) => o.requests))} requests; p95 ${at(0.95).toFixed(0)} ms, max ${at(1).toFixed(0)} ms; CPU per lookup median ${cpu[cpu.length >> 1]!.toFixed(1)} ms, max ${cpu.at(-1)!.toFixed(0)} ms`,
  };
}

async function buildIndex(csv: string, outDir: string): Promise<{ ms: number; peakMb: number; detail: string }> {
  const started = performance.now();
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/import/main.ts', 'addresses', csv, '--id', 'bench', '--out-dir', outDir], { cwd: repoRoot, maxBuffer: 1 << 20 });
  const peakMb = Number(/peak memory (\d+) MB/.exec(stdout)?.[1] ?? NaN);
  return { ms: performance.now() - started, peakMb, detail: stdout.split('\n')[1]?.trim() ?? '' };
}

export const benchDir = () => process.env.ADDRESS_BENCH_DIR ?? path.join(tmpdir(), `geoveille-address-bench-${COUNT}`);

interface BuiltIndex { version: number; count: number; builtAt: string; ms: number; peakMb: number; detail: string; sample: AddressRecord[] }

/** The CSV and its index, built once and kept in `dir` (build.json says what was built, when, and how it went). */
export async function builtIndex(dir: string): Promise<BuiltIndex & { cached: boolean }> {
  const stamp = path.join(dir, 'build.json');
  if (existsSync(stamp) && process.env.ADDRESS_BENCH_REBUILD !== '1') {
    const built = JSON.parse(readFileSync(stamp, 'utf8')) as BuiltIndex;
    if (built.version === INDEX_VERSION && built.count === COUNT) return { ...built, cached: true };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const csv = path.join(dir, 'addresses.csv');
  const sample = await generateAddresses(csv, { count: COUNT, towns: TOWNS, seed: 15, sampleSize: SAMPLE });
  const build = await buildIndex(csv, path.join(dir, 'out'));
  const built: BuiltIndex = { version: INDEX_VERSION, count: COUNT, builtAt: new Date().toISOString(), ...build, sample };
  writeFileSync(stamp, JSON.stringify(built));
  return { ...built, cached: false };
}

const bench: BenchModule = {
  name: 'address search (4 M synthetic addresses)',
  async run(): Promise<BenchRow[]> {
    const dir = benchDir();
    const build = await builtIndex(dir);
    const sample = build.sample;
    const server = await serveFolder(path.join(dir, 'out', 'bench'));
    const rand = mulberry32(1515);
    const ways: Array<[string, (r: AddressRecord) => string]> = [
      ['full', (r) => `${r.address}, ${r.municipality}`],
      ['without municipality', (r) => r.address],
      ['one typo', (r) => withTypo(r, rand)],
    ];
    const rows: BenchRow[] = [{
      case: `address index build, ${COUNT.toLocaleString('en')} addresses, ${TOWNS} towns`, ours_ms: build.ms, theirs_ms: 172_000,
      baseline: 'format-1 index (issue 15: 172 s, 4.4 GB)', check: `peak RSS ${build.peakMb} MB`,
      note: `${build.detail}${build.cached ? ` (build of ${build.builtAt}, reused)` : ''}`,
    }];
    try {
      for (const [way, type] of ways) {
        const outcomes: Outcome[] = [];
        for (const record of sample) {
          const query = type(record);
          const outcome = await lookUp(server.url, query, record);
          outcomes.push(outcome);
          if (SHOW_MISSES && !outcome.direct && !outcome.viaGroup) showMiss(query, record, outcome.top);
        }
        rows.push(lookupRow(way, outcomes));
      }
    } finally {
      await server.close();
    }
    return rows;
  },
};
export default bench;
