// `npm run import -- addresses <file.csv> --id <index-id> [--title-fr …] [--title-en …] [--out-dir <dir>]`:
// a CSV of civic addresses (address, municipality, lon, lat) → a static sharded search index
// under public/data/addresses/<index-id>/, listed in public/data/addresses/index.json.
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildAddressIndex } from '../../queries/search/address_build';
import { parseAddressCsv } from './addresses_csv';
import { writeAddressIndex } from './addresses_write';
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
  let parsed;
  try {
    parsed = parseAddressCsv(await readFile(args.input, 'utf8'));
  } catch (error) {
    throw new Error(`${args.input}: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (!parsed.records.length) throw new Error(`${args.input}: no valid address rows (${parsed.skipped.length} skipped)`);
  const built = buildAddressIndex(parsed.records, { id: args.id });
  const name = path.basename(args.input);
  const title = { fr: args.titleFr ?? args.titleEn ?? name, en: args.titleEn ?? args.titleFr ?? name };
  const dir = writeAddressIndex(args.outDir, built, { title });
  const largest = Math.max(...[...built.shards.values()].map((text) => Buffer.byteLength(text)));
  const lines = [
    `Indexed ${parsed.records.length} addresses from ${name} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    `  index: ${path.relative(process.cwd(), dir) || dir} (${built.manifest.shards.length} shards, largest ${(largest / 1024).toFixed(0)} KiB)`,
  ];
  if (parsed.skipped.length) {
    const first = parsed.skipped.slice(0, 5).map((s) => `line ${s.line}: ${s.reason}`).join('; ');
    lines.push(`  skipped ${parsed.skipped.length} rows (${first}${parsed.skipped.length > 5 ? '; …' : ''})`);
  }
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
