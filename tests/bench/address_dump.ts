// Prints the answers to the bench's 3,000 sample queries (full, without municipality, one typo) and 2,000 cut short as
// JSON lines, reading the 4 M index from disk: diff two runs to check a change keeps every answer.
// `npx tsx tests/bench/address_dump.ts > answers.jsonl`
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { mulberry32 } from '../../src/cli/demo/prng';
import { AddressIndex } from '../../src/queries/search/address_reader';
import { benchDir, builtIndex, withTypo } from './address_search';

const build = await builtIndex(benchDir());
const root = path.join(benchDir(), 'out', 'bench');
const index = new AddressIndex(async (file) => JSON.parse(await readFile(path.join(root, file), 'utf8')));
const rand = mulberry32(1515);
const ways = [(r: (typeof build.sample)[number]) => `${r.address}, ${r.municipality}`, (r: (typeof build.sample)[number]) => r.address, (r: (typeof build.sample)[number]) => withTypo(r, rand)];
for (const type of ways) {
  for (const record of build.sample) {
    const query = type(record);
    console.log(JSON.stringify({ query, ...(await index.search(query, 5)) }));
  }
}
// Typing in progress, the map centred somewhere: text cut at 40 % and 70 %.
for (const cut of [0.4, 0.7]) {
  for (const record of build.sample) {
    const full = `${record.address}, ${record.municipality}`;
    const query = full.slice(0, Math.ceil(full.length * cut));
    console.log(JSON.stringify({ query, ...(await index.search(query, 6, { near: [record.lon + 0.5, record.lat - 0.3] })) }));
  }
}
