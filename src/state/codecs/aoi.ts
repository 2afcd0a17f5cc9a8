// `aoi=<encoded areas>` in the link (state/aoi_codec.ts writes the value).
import { decodedParam, withParam, type HashPairs } from './pairs';

export const AOI_KEY = 'aoi';

/** The decoded value of the `aoi` key, or undefined when the link has none. */
export function aoiParamOf(extra: HashPairs): string | undefined {
  return decodedParam(extra, AOI_KEY);
}

/** The encoding only uses URL-safe characters (base64url, '.', '~'): no escaping needed. */
export function withAoiParam(extra: HashPairs, value: string): Array<[string, string]> {
  return withParam(extra, AOI_KEY, value || undefined);
}
