// The link's `key=value` pairs, raw (still escaped) so the link is written back byte for byte;
// these helpers read and replace one key among them, for the codecs of state/codecs/.
export type HashPairs = ReadonlyArray<readonly [string, string]>;

/** decodeURIComponent that answers null for a malformed escape instead of throwing. */
export function safeDecode(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/** The raw (still escaped) value of `key`, or undefined when the link has none. */
export function rawParam(pairs: HashPairs, key: string): string | undefined {
  return pairs.find(([name]) => name === key)?.[1];
}

/** The decoded value of `key` (the raw text when it cannot be decoded), or undefined. */
export function decodedParam(pairs: HashPairs, key: string): string | undefined {
  const raw = rawParam(pairs, key);
  return raw === undefined ? undefined : safeDecode(raw) ?? raw;
}

/** The pairs without any of `keys` (a fresh array: the store's state is never changed in place). */
export function withoutParams(pairs: HashPairs, keys: readonly string[]): Array<[string, string]> {
  return pairs.filter(([name]) => !keys.includes(name)).map(([name, value]): [string, string] => [name, value]);
}

/** The pairs without `key`, then `key=raw` last (nothing for undefined). */
export function withParam(pairs: HashPairs, key: string, raw: string | undefined): Array<[string, string]> {
  const others = withoutParams(pairs, [key]);
  return raw === undefined ? others : [...others, [key, raw]];
}
