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
};

async function main(argv: string[]): Promise<void> {
  const [name, ...rest] = argv;
  const load = name === undefined ? undefined : COMMANDS[name];
  if (!load) throw new Error(`usage: cli <${Object.keys(COMMANDS).join('|')}> [--option value …]${name ? ` (unknown command "${name}")` : ''}`);
  const result = await (await load())(parseArgs(rest));
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
