// `npm run import -- addresses <file.csv> --id <index-id> [--title-fr …] [--title-en …] [--out-dir <dir>]`:
// a CSV of civic addresses (address, municipality, lon, lat) → a static sharded search index
// under public/data/addresses/<index-id>/, listed in public/data/addresses/index.json.
import { mkdirSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressRecord } from '../../queries/search/address_format';
import { buildAddressIndex } from './address_index_build';
import { readAddressCsv } from './addresses_csv_stream';
import { listAddressIndex } from './addresses_write';
import { LAYER_ID_PATTERN } from './args';

export const ADDRESSES_USAGE =
  'usage: npm run import -- addresses <file.csv> --id <index-id> [--title-fr "…"] [--title-en "…"] [--out-dir <dir>]';
const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
export const DEFAULT_ADDRESSES_DIR = path.join(REPO_ROOT, 'public', 'data', 'addresses');

export interface AddressesArgs { input: string; id: string; titleFr?: string; titleEn?: string; outDir: string }

export function parseAddressesArgs(argv: readonly string[]): AddressesArgs {
  const options: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (!arg.startsWith('--')) { positional.push(arg); continue; }
    const [flag, inline] = arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = inline ?? argv[++i];
    if (!['--id', '--title-fr', '--title-en', '--out-dir'].includes(flag)) throw new Error(`unknown option ${flag}. ${ADDRESSES_USAGE}`);
    if (value === undefined || value.startsWith('--')) throw new Error(`${flag} needs a value. ${ADDRESSES_USAGE}`);
    options[flag] = value;
  }
  if (positional.length !== 1) throw new Error(`expected one CSV file, got ${positional.length}. ${ADDRESSES_USAGE}`);
  const id = options['--id'];
  if (!id) throw new Error(`--id is required. ${ADDRESSES_USAGE}`);
  if (!LAYER_ID_PATTERN.test(id)) throw new Error(`--id "${id}" must be lowercase letters, digits and dashes`);
  return {
    input: positional[0]!, id, outDir: path.resolve(options['--out-dir'] ?? DEFAULT_ADDRESSES_DIR),
    ...(options['--title-fr'] ? { titleFr: options['--title-fr'] } : {}),
    ...(options['--title-en'] ? { titleEn: options['--title-en'] } : {}),
  };
}

export async function importAddresses(args: AddressesArgs): Promise<string[]> {
  const started = performance.now();
  const fileStat = await stat(args.input).catch(() => undefined);
  if (!fileStat?.isFile()) throw new Error(`${args.input}: file not found`);
  const skipped: Array<{ line: number; reason: string }> = [];
  let skippedCount = 0;
  async function* records(): AsyncGenerator<AddressRecord> {
    for await (const item of readAddressCsv(args.input)) {
      if ('record' in item) yield item.record;
      else if (++skippedCount <= 5) skipped.push(item.skipped);
    }
  }
  mkdirSync(args.outDir, { recursive: true });
  const dir = path.join(args.outDir, args.id);
  let report;
  try {
    report = await buildAddressIndex(records(), { id: args.id, dir });
  } catch (error) {
    throw new Error(`${args.input}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!report.manifest.count) throw new Error(`${args.input}: no valid address rows (${skippedCount} skipped)`);
  const name = path.basename(args.input);
  const title = { fr: args.titleFr ?? args.titleEn ?? name, en: args.titleEn ?? args.titleFr ?? name };
  listAddressIndex(args.outDir, { id: args.id, title, count: report.manifest.count });
  const { shards, directories } = report;
  const lines = [
    `Indexed ${report.manifest.count} addresses from ${name} in ${((performance.now() - started) / 1000).toFixed(1)} s` +
      ` (peak memory ${Math.round(process.resourceUsage().maxRSS / 1024)} MB)`,
    `  index: ${path.relative(process.cwd(), dir) || dir} (${report.manifest.towns.length} municipalities, ` +
      `${shards.byTown} + ${shards.byWord} shards, largest ${(shards.largestBytes / 1024).toFixed(0)} KiB, ` +
      `${directories.towns} + ${directories.words} directories)`,
  ];
  if (skippedCount) {
    const first = skipped.map((s) => `line ${s.line}: ${s.reason}`).join('; ');
    lines.push(`  skipped ${skippedCount} rows (${first}${skippedCount > 5 ? '; …' : ''})`);
  }
  if (report.unindexed) lines.push(`  ${report.unindexed} addresses have no street name and were left out`);
  return lines;
}

/** Entry from the import dispatcher: prints a summary, or one error line with exit code 1. */
export async function addressesMain(argv: readonly string[]): Promise<void> {
  try {
    console.log((await importAddresses(parseAddressesArgs(argv))).join('\n'));
  } catch (error) {
    process.stderr.write(`error: addresses: ${(error instanceof Error ? error.message : String(error)).replace(/\s*\n\s*/g, ' ')}\n`);
    process.exitCode = 1;
  }
}
