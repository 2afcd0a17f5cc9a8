// Why is a module in the first load? Prints the shortest chain of static imports from the app's
// entry (src/main.ts) to every module whose id contains the given text, from the graph that
// scripts/vite_chunk_report_plugin.ts writes at build. The chain names the import to make lazy.
// Usage: npx vite build && npx tsx scripts/why_first_load.ts proj4 [dist]
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { StaticImports } from './vite_chunk_report_plugin.ts';

function shortestChains(graph: StaticImports, entry: string): Map<string, string[]> {
  const chains = new Map<string, string[]>([[entry, [entry]]]);
  const queue = [entry];
  while (queue.length) {
    const id = queue.shift()!;
    for (const next of graph[id] ?? []) {
      if (chains.has(next)) continue;
      chains.set(next, [...chains.get(id)!, next]);
      queue.push(next);
    }
  }
  return chains;
}

const short = (id: string): string => id.replace(/^.*node_modules\//, '').replace(process.cwd() + '/', '');

function main(): void {
  const [needle, dist = 'dist'] = process.argv.slice(2);
  if (!needle) throw new Error('usage: why_first_load.ts <text in module id> [dist]');
  const graph = JSON.parse(readFileSync(join(dist, '.vite/static-imports.json'), 'utf8')) as StaticImports;
  const entry = Object.keys(graph).find((id) => id.endsWith('/src/main.ts'));
  if (!entry) throw new Error('no src/main.ts in the graph');
  const chains = shortestChains(graph, entry);
  const hits = [...chains].filter(([id]) => id.includes(needle)).sort((a, b) => a[1].length - b[1].length);
  for (const [, chain] of hits.slice(0, 3)) console.log(chain.map(short).join('\n  → ') + '\n');
  if (!hits.length) console.log(`${needle}: not reached by static imports from src/main.ts`);
}

main();
