// `--name value` pairs → Map; helpers that name the missing or malformed option.

/** `positional`: the name a lone argument (not an option) is stored under, for commands that take one. */
export function parseArgs(args: string[], positional?: string): Map<string, string> {
  const options = new Map<string, string>();
  for (let i = 0; i < args.length; i += 2) {
    const key = args[i] ?? '';
    if (positional && !key.startsWith('--') && !options.has(positional)) {
      options.set(positional, key);
      i--;
      continue;
    }
    const value = args[i + 1];
    if (!key.startsWith('--') || value === undefined) throw new Error(`expected "--option value", got "${args.slice(i).join(' ')}"`);
    options.set(key.slice(2), value);
  }
  return options;
}

export function requireOption(options: Map<string, string>, name: string): string {
  const value = options.get(name);
  if (value === undefined || value === '') throw new Error(`missing --${name}`);
  return value;
}

export function requireNumber(options: Map<string, string>, name: string): number {
  const text = requireOption(options, name);
  const value = Number(text);
  if (!Number.isFinite(value)) throw new Error(`--${name} must be a number, got "${text}"`);
  return value;
}
