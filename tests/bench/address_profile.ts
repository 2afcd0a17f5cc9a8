// Profiles cold lookups on the bench's 4 M index: per lookup, each file's bytes, fetch and parse
// time, the time left for the query itself (reading, choosing words, ranking), and GC pauses.
// `npx tsx tests/bench/address_profile.ts [way] [top]` (way: full | bare | typo).
import { PerformanceObserver } from 'node:perf_hooks';
import path from 'node:path';
import { mulberry32 } from '../../src/cli/demo/prng';
import { AddressIndex } from '../../src/queries/search/address_reader';
import { benchDir, builtIndex, withTypo } from './address_search';
import { serveFolder } from './static_server';

const way = process.argv[2] ?? 'bare';
const top = Number(process.argv[3] ?? 15);
const build = await builtIndex(benchDir());
const server = await serveFolder(path.join(benchDir(), 'out', 'bench'));
const rand = mulberry32(1515);
let gcMs = 0;
new PerformanceObserver((list) => { for (const e of list.getEntries()) gcMs += e.duration; }).observe({ entryTypes: ['gc'] });

interface FileCost { file: string; bytes: number; fetchMs: number; parseMs: number }
const rows: Array<{ query: string; ms: number; files: FileCost[]; computeMs: number; gcMs: number; cpuMs: number; warmMs: number }> = [];
for (const record of build.sample) {
  const query = way === 'full' ? `${record.address}, ${record.municipality}` : way === 'typo' ? withTypo(record, rand) : record.address;
  const files: FileCost[] = [];
  const index = new AddressIndex(async (file) => {
    const t0 = performance.now();
    const text = await (await fetch(new URL(file, server.url))).text();
    const t1 = performance.now();
    const data = JSON.parse(text);
    files.push({ file, bytes: text.length, fetchMs: t1 - t0, parseMs: performance.now() - t1 });
    return data;
  });
  const gc0 = gcMs;
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  await index.search(query, 5);
  const ms = performance.now() - started;
  const cpu = process.cpuUsage(cpu0);
  const warm0 = performance.now();
  await index.search(query, 5);
  const warmMs = performance.now() - warm0;
  const io = files.reduce((s, f) => s + f.fetchMs + f.parseMs, 0);
  rows.push({ query, ms, files, computeMs: ms - io, gcMs: gcMs - gc0, cpuMs: (cpu.user + cpu.system) / 1000, warmMs });
}
await server.close();
rows.sort((a, b) => b.ms - a.ms);
const sum = (f: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + f(r), 0);
console.log(`${way}: total ${sum((r) => r.ms).toFixed(0)} ms; fetch ${sum((r) => r.files.reduce((s, f) => s + f.fetchMs, 0)).toFixed(0)}, parse ${sum((r) => r.files.reduce((s, f) => s + f.parseMs, 0)).toFixed(0)}, compute ${sum((r) => r.computeMs).toFixed(0)}, gc ${sum((r) => r.gcMs).toFixed(0)}, cpu ${sum((r) => r.cpuMs).toFixed(0)}, warm ${sum((r) => r.warmMs).toFixed(0)}`);
const byCpu = [...rows].sort((a, b) => b.cpuMs - a.cpuMs);
console.log('most CPU: ' + byCpu.slice(0, 8).map((r) => `${r.cpuMs.toFixed(0)}/${r.warmMs.toFixed(0)} ${r.query}`).join('; '));
for (const r of rows.slice(0, top)) {
  const f = r.files.map((x) => `${x.file} ${(x.bytes / 1024).toFixed(0)}K f${x.fetchMs.toFixed(0)} p${x.parseMs.toFixed(0)}`).join(', ');
  console.log(`${r.ms.toFixed(0)} ms cpu ${r.cpuMs.toFixed(0)} warm ${r.warmMs.toFixed(0)} compute ${r.computeMs.toFixed(0)} gc ${r.gcMs.toFixed(0)} | ${r.query} | ${f}`);
}
