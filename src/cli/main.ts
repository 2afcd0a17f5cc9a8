// `npm run --silent cli -- <command> [--option value …]`: prints JSON on stdout; errors are one
// line on stderr and a non-zero exit code. Add a command by adding one line to COMMANDS.
import { parseArgs } from './commands/args';

type Command = (options: Map<string, string>) => Promise<unknown>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  info: async () => (await import('./commands/info')).run,
  identify: async () => (await import('./commands/identify')).run,
  stats: async () => (await import('./commands/stats')).run,
  export: async () => (await import('./commands/export')).run,
  verdict: async () => (await import('./commands/verdict')).run,
  series: async () => (await import('./commands/series')).run,
  geocode: async () => (await import('./commands/geocode')).run,
};
/** Commands that take one argument that is not an option (stored under this name). */
const POSITIONAL: Record<string, string> = { geocode: 'text' };

const HELP = `usage: npm run --silent cli -- <command> [--option value …]   (JSON on stdout)
  info     --raster <path|url>
  identify --raster <path|url> --lon <x> --lat <y>
  identify --layer <id> --lon <x> --lat <y> [TIME] [--tolerance-m 10]
  stats    --raster <path|url> | --vector <path|url> | --layer <id>   --aoi <geojson> [--by <field>] [TIME]
  export   --layer <id|path> --aoi <geojson> --out <dir> [--by <field>] [TIME]
  verdict  --lon <x> --lat <y> [--layers-dir layers] [--data-root public] [--radius-km 5]
  series   --raster <path|url> [--raster …] --lon <x> --lat <y>
  geocode  --index <folder|url> "<address or municipality>" [--limit 5] [--near <lon,lat>]
           → [{label, municipality, lon, lat, score, group?}]; group: [{municipality, lon, lat}], every
           municipality with that same address when they are more than the list has room for
TIME (catalogue layers with a time, --layer <id>): --time <value> | --from <a> --to <b>
  the same as the app's time control: an attribute-time layer keeps the features of that time
  (or range); a series layer reads the file of that date (one date: --time only). A value that
  is not one of the layer's times is an error listing them.
  Without TIME: every feature of an attribute-time layer; a series' default file (source.url).`;

async function main(argv: string[]): Promise<void> {
  if (argv.length === 0 || argv.includes('--help') || argv[0] === 'help') {
    process.stdout.write(`${HELP}\n`);
    return;
  }
  const [name, ...rest] = argv;
  const load = name === undefined ? undefined : COMMANDS[name];
  if (!load) throw new Error(`usage: cli <${Object.keys(COMMANDS).join('|')}> [--option value …]${name ? ` (unknown command "${name}")` : ''}`);
  // deflate tiles through node:zlib, not pako (Node only: the browser bundles never load it)
  await (await import('../sources/cog/inflate_node')).useNativeInflate();
  const result = await (await load())(parseArgs(rest, POSITIONAL[name!]));
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

main(process.argv.slice(2)).then(
  () => process.exit(0),
  (error: unknown) => {
    const message = error instanceof Error ? error.message : String(error);
    process.stderr.write(`error: ${message.replace(/\s*\n\s*/g, ' ')}\n`);
    process.exit(1);
  },
);
